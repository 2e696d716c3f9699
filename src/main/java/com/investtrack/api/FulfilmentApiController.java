package com.investtrack.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.fulfilment.Fulfilment;
import com.investtrack.fulfilment.FulfilmentService;
import com.investtrack.fulfilment.ParkMinimum;
import com.investtrack.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Contract fulfilment (履约) of a project: funds in place by month, tax by year, the
 * capacity date; and the parks' minimums for intensity and tax per 亩.
 */
@RestController
@Tag(name = "Fulfilment", description = "Funds in place, tax, capacity, park minimums (履约)")
@Validated
class FulfilmentApiController {

	static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

	/** Funds in place in a month such as "2025-03", in 万元. */
	record FundsEntry(@NotNull @Pattern(regexp = MONTH, message = "must be a month such as 2025-03") String month,
			@NotNull @PositiveOrZero @Digits(integer = 11, fraction = 6) @DecimalMax(value = ProjectRequests.MAX_WAN,
					message = ProjectRequests.MAX_WAN_MESSAGE) BigDecimal amountWan) {
	}

	/** Tax paid in a calendar year, in 万元. */
	record TaxEntry(@NotNull @Min(1990) @Max(2100) Integer year,
			@NotNull @PositiveOrZero @Digits(integer = 11, fraction = 6) @DecimalMax(value = ProjectRequests.MAX_WAN,
					message = ProjectRequests.MAX_WAN_MESSAGE) BigDecimal amountWan) {
	}

	/** The day the project reached its designed capacity (达产). */
	record Capacity(@NotNull LocalDate on) {
	}

	/** A park's minimums in 万元/亩; null: none. */
	record Minimums(
			@PositiveOrZero @Digits(integer = 11, fraction = 6) @DecimalMax(value = ProjectRequests.MAX_WAN,
					message = ProjectRequests.MAX_WAN_MESSAGE) BigDecimal minIntensityWanPerMu,
			@PositiveOrZero @Digits(integer = 11, fraction = 6) @DecimalMax(value = ProjectRequests.MAX_WAN,
					message = ProjectRequests.MAX_WAN_MESSAGE) BigDecimal minTaxPerMuWan) {
	}

	private final FulfilmentService fulfilment;

	FulfilmentApiController(FulfilmentService fulfilment) {
		this.fulfilment = fulfilment;
	}

	@Operation(summary = "A project's fulfilment: funds, tax, capacity, intensity, tax per 亩, funds rate and flags")
	@GetMapping("/api/projects/{id}/fulfilment")
	Fulfilment get(@PathVariable long id) {
		return fulfilment.of(id);
	}

	@Operation(summary = "Record the funds in place of a month (the project's officer or a manager)")
	@PostMapping("/api/projects/{id}/funds")
	Fulfilment funds(@PathVariable long id, @Valid @RequestBody FundsEntry r, CurrentUser user) {
		return fulfilment.recordFunds(id, YearMonth.parse(r.month()), r.amountWan(), user);
	}

	@Operation(summary = "Record the tax paid in a year (the project's officer or a manager)")
	@PostMapping("/api/projects/{id}/tax")
	Fulfilment tax(@PathVariable long id, @Valid @RequestBody TaxEntry r, CurrentUser user) {
		return fulfilment.recordTax(id, r.year(), r.amountWan(), user);
	}

	@Operation(summary = "Record the day the project reached its designed capacity, 达产 (its officer or a manager)")
	@PutMapping("/api/projects/{id}/capacity")
	Fulfilment capacity(@PathVariable long id, @Valid @RequestBody Capacity r, CurrentUser user) {
		return fulfilment.recordCapacity(id, r.on(), user);
	}

	@Operation(summary = "Every park's minimums for investment intensity and tax per 亩 (万元/亩)")
	@GetMapping("/api/parks/minimums")
	List<ParkMinimum> minimums() {
		return fulfilment.minimums();
	}

	@Operation(summary = "Set a park's minimums for investment intensity and tax per 亩 (administrators)")
	@PutMapping("/api/admin/parks/{code}/minimums")
	ParkMinimum setMinimums(@PathVariable @Pattern(regexp = ProjectRequests.CODE) String code,
			@Valid @RequestBody Minimums r, CurrentUser user) {
		return fulfilment.setMinimums(new ParkMinimum(code, r.minIntensityWanPerMu(), r.minTaxPerMuWan()), user);
	}

}
