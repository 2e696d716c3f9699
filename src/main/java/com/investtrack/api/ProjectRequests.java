package com.investtrack.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the project endpoints; their constraints give the per-field reasons of a 400. */
final class ProjectRequests {

	static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";

	/** Free text may span lines; other control characters (NUL, ESC, ...) are refused. */
	static final String TEXT = "^[\\P{Cntrl}\\r\\n\\t]*$";

	static final String CODE = "^[A-Za-z0-9_-]{1,32}$";

	record Create(@NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String name,
			@NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String investor,
			@NotBlank @Pattern(regexp = CODE, message = "is not a valid code") String industryCode,
			@NotBlank @Pattern(regexp = CODE, message = "is not a valid code") String parkCode,
			@NotNull AssetModel assetModel,
			@NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal investmentAmountYuan,
			@PositiveOrZero @Digits(integer = 12, fraction = 2) @DecimalMax("100000000") BigDecimal landAreaM2,
			@Size(max = 64) @Pattern(regexp = CODE, message = "is not a valid username") String officer,
			LocalDate negotiationStartedOn) {
	}

	record Edit(@NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String name,
			@NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String investor,
			@NotBlank @Pattern(regexp = CODE, message = "is not a valid code") String industryCode,
			@NotBlank @Pattern(regexp = CODE, message = "is not a valid code") String parkCode,
			@NotNull AssetModel assetModel,
			@NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal investmentAmountYuan,
			@PositiveOrZero @Digits(integer = 12, fraction = 2) @DecimalMax("100000000") BigDecimal landAreaM2) {
	}

	record Advance(@NotNull Stage to, @NotNull LocalDate effectiveOn,
			@Size(max = 2000) @Pattern(regexp = TEXT, message = "must not contain control characters") String comment) {
	}

	record Drop(@NotNull LocalDate effectiveOn,
			@NotBlank @Size(max = 1000) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason) {
	}

	record Reassign(@NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "is not a valid username") String officer) {
	}

	private ProjectRequests() {
	}

}
