package com.investtrack.api;

import java.util.Collection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.investtrack.common.Stage;
import com.investtrack.lifecycle.StageThresholds;
import com.investtrack.lifecycle.ThresholdService;
import com.investtrack.security.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/thresholds")
class ThresholdApiController {

	record ThresholdRequest(@NotNull @Min(1) @Max(3650) Integer yellowDays, @NotNull @Min(1) @Max(3650) Integer redDays) {
	}

	private final ThresholdService thresholds;

	ThresholdApiController(ThresholdService thresholds) {
		this.thresholds = thresholds;
	}

	@GetMapping
	Collection<StageThresholds.Threshold> all() {
		return thresholds.all();
	}

	@PutMapping("/{stage}")
	StageThresholds.Threshold update(@PathVariable Stage stage, @Valid @RequestBody ThresholdRequest r) {
		return thresholds.update(new StageThresholds.Threshold(stage, r.yellowDays(), r.redDays()), CurrentUsers.current());
	}

}
