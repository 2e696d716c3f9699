package com.investtrack.api;

import java.math.BigDecimal;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.bulletin.TargetService;
import com.investtrack.bulletin.Targets;
import com.investtrack.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;

/**
 * The year's targets of the city and of each park (managers set them, everyone reads
 * them); the monthly bulletin measures the actuals against them.
 */
@RestController
@Tag(name = "Targets", description = "The year's targets, the city's and each park's")
@RequestMapping("/api/targets/{year}")
@Validated
class TargetApiController {

	/** The targets of a year; null: none for that indicator. Below zero is refused. */
	record Body(Integer signedProjects, @Digits(integer = 11, fraction = 6) BigDecimal contractedInvestmentWan,
			Integer startedProjects, Integer productionProjects,
			@Digits(integer = 11, fraction = 6) BigDecimal fundsInPlaceWan,
			@Digits(integer = 11, fraction = 6) BigDecimal majorProjectWan) {

		Targets of(int year, String parkCode) {
			return new Targets(year, parkCode, signedProjects, contractedInvestmentWan, startedProjects,
					productionProjects, fundsInPlaceWan, majorProjectWan);
		}

	}

	private final TargetService targets;

	TargetApiController(TargetService targets) {
		this.targets = targets;
	}

	@Operation(summary = "The city's targets of a year (majorProjectWan 10000 unless set)")
	@GetMapping
	Targets city(@PathVariable int year) {
		return targets.city(year);
	}

	@Operation(summary = "Set the city's targets of a year (managers)")
	@PutMapping
	Targets setCity(@PathVariable int year, @Valid @RequestBody Body r, CurrentUser user) {
		return targets.set(r.of(year, null), user);
	}

	@Operation(summary = "A park's targets of a year")
	@GetMapping("/parks/{code}")
	Targets park(@PathVariable int year, @PathVariable @Pattern(regexp = ProjectRequests.CODE) String code) {
		return targets.park(year, code);
	}

	@Operation(summary = "Set a park's targets of a year (managers)")
	@PutMapping("/parks/{code}")
	Targets setPark(@PathVariable int year, @PathVariable @Pattern(regexp = ProjectRequests.CODE) String code,
			@Valid @RequestBody Body r, CurrentUser user) {
		return targets.set(r.of(year, code), user);
	}

}
