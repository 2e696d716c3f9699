package com.investtrack.api;

import java.util.Collection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.calendar.DayUnit;
import com.investtrack.common.Stage;
import com.investtrack.plan.Threshold;
import com.investtrack.plan.ThresholdService;
import com.investtrack.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@RestController
@Tag(name = "Thresholds", description = "The lights' thresholds")
@RequestMapping("/api/thresholds")
class ThresholdApiController {

	/**
	 * Days in the stage's unit; the unit and the late margins may be left out to keep the
	 * stored ones.
	 */
	record ThresholdRequest(@NotNull @Min(1) @Max(3650) Integer yellowDays, @NotNull @Min(1) @Max(3650) Integer redDays,
			DayUnit unit, @Min(0) @Max(3650) Integer lateYellowDays, @Min(1) @Max(3650) Integer lateRedDays) {
	}

	private final ThresholdService thresholds;

	ThresholdApiController(ThresholdService thresholds) {
		this.thresholds = thresholds;
	}

	@Operation(summary = "Each stage's light thresholds: days in stage, unit, and how late against the plan is yellow "
			+ "and red")
	@GetMapping
	Collection<Threshold> all() {
		return thresholds.all();
	}

	@Operation(summary = "Change a stage's thresholds (managers, administrators)")
	@PutMapping("/{stage}")
	Threshold update(@PathVariable Stage stage, @Valid @RequestBody ThresholdRequest r, CurrentUser user) {
		return thresholds.update(new ThresholdService.Change(stage, r.yellowDays(), r.redDays(), r.unit(),
				r.lateYellowDays(), r.lateRedDays()), user);
	}

}
