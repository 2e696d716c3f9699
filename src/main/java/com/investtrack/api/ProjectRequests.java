package com.investtrack.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.investtrack.common.InvalidInputException;
import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.FundsOrigin;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectType;
import com.investtrack.project.Units;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the project endpoints; their constraints give the per-field reasons
 * of a 400.
 */
final class ProjectRequests {

	static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";

	/** Free text may span lines; other control characters (NUL, ESC, ...) are refused. */
	static final String TEXT = "^[\\P{Cntrl}\\r\\n\\t]*$";

	static final String CODE = "^[A-Za-z0-9_-]{1,32}$";

	static final String LEDGER_CODE = "^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$";

	static final String MAX_WAN = "10000000000";

	static final String MAX_YUAN = "100000000000000";

	static final String MAX_WAN_MESSAGE = "must be at most 10000000000 万元";

	/**
	 * A project's record as clients send it, to create it (POST) or to change its facts
	 * (PUT). Money in 万元 and land in 亩; clients written before those fields existed send
	 * investmentAmountYuan and landAreaM2 instead, and their PUT leaves the fields they
	 * do not know as they are.
	 */
	record Body(
			@Size(max = 32) @Pattern(regexp = LEDGER_CODE,
					message = "must be 1 to 32 letters, digits, '.', '_', '/' or '-'") String code,
			@NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL,
					message = "must not contain control characters") String name,
			@NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL,
					message = "must not contain control characters") String investor,
			@NotBlank @Pattern(regexp = CODE, message = "is not a valid code") String industryCode,
			@NotBlank @Pattern(regexp = CODE, message = "is not a valid code") String parkCode,
			@NotNull AssetModel assetModel,
			@Positive @Digits(integer = 11, fraction = 6) @DecimalMax(value = MAX_WAN,
					message = MAX_WAN_MESSAGE) BigDecimal totalInvestmentWan,
			@Positive @Digits(integer = 11, fraction = 6) @DecimalMax(value = MAX_WAN,
					message = MAX_WAN_MESSAGE) BigDecimal fixedAssetInvestmentWan,
			@Positive @Digits(integer = 11, fraction = 6) @DecimalMax(value = MAX_WAN,
					message = MAX_WAN_MESSAGE) BigDecimal contractedInvestmentWan,
			@PositiveOrZero @Digits(integer = 7, fraction = 6) @DecimalMax("1000000") BigDecimal landMu,
			@PositiveOrZero @Digits(integer = 9, fraction = 2) @DecimalMax("100000000") BigDecimal floorAreaM2,
			@Positive @Digits(integer = 15, fraction = 2) @DecimalMax(value = MAX_YUAN,
					message = MAX_WAN_MESSAGE) BigDecimal investmentAmountYuan,
			@PositiveOrZero @Digits(integer = 12, fraction = 2) @DecimalMax("100000000") BigDecimal landAreaM2,
			@Size(max = 32) @Pattern(regexp = NO_CONTROL,
					message = "must not contain control characters") String nationalCode,
			@Size(max = 18) @Pattern(regexp = NO_CONTROL,
					message = "must not contain control characters") String creditCode,
			ProjectType projectType, Channel channel,
			@Size(max = 200) @Pattern(regexp = NO_CONTROL,
					message = "must not contain control characters") String referrer,
			FundsOrigin fundsOrigin,
			@Size(max = 64) @Pattern(regexp = CODE, message = "is not a valid username") String leader,
			KeyLevel keyLevel,
			@Size(max = 64) @Pattern(regexp = CODE, message = "is not a valid username") String officer,
			LocalDate negotiationStartedOn, Map<Stage, LocalDate> plan) {

		/**
		 * The facts this body states; for an older client's PUT, the stored facts it does
		 * not know are kept.
		 */
		ProjectFacts facts(ProjectFacts stored) {
			Map<String, String> errors = new LinkedHashMap<>();
			BigDecimal total = totalInvestmentWan;
			if (total == null && investmentAmountYuan == null) {
				errors.put("totalInvestmentWan", "is required (or investmentAmountYuan, in yuan)");
				errors.put("investmentAmountYuan", "is required (or totalInvestmentWan, in 万元)");
			}
			else if (total == null) {
				total = Units.yuanToWan(investmentAmountYuan);
			}
			else if (investmentAmountYuan != null && Units.wanToYuan(total).compareTo(investmentAmountYuan) != 0) {
				errors.put("investmentAmountYuan", "does not match totalInvestmentWan (1 万元 = 10000 yuan)");
			}
			BigDecimal land = landMu;
			if (land == null && landAreaM2 != null) {
				land = Units.m2ToMu(landAreaM2);
			}
			else if (land != null && landAreaM2 != null && Units.muToM2(land).compareTo(landAreaM2) != 0) {
				errors.put("landAreaM2", "does not match landMu (1 亩 = 10000/15 m²)");
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			boolean older = stored != null && totalInvestmentWan == null;
			return new ProjectFacts(name.strip(), investor.strip(), industryCode, parkCode, assetModel, total,
					keep(older, fixedAssetInvestmentWan, stored == null ? null : stored.fixedAssetInvestmentWan()),
					keep(older, contractedInvestmentWan, stored == null ? null : stored.contractedInvestmentWan()),
					land, keep(older, floorAreaM2, stored == null ? null : stored.floorAreaM2()),
					keep(older, blankToNull(nationalCode), stored == null ? null : stored.nationalCode()),
					keep(older, blankToNull(creditCode), stored == null ? null : stored.creditCode()),
					keep(older, projectType, stored == null ? null : stored.projectType()),
					keep(older, channel, stored == null ? null : stored.channel()),
					keep(older, blankToNull(referrer), stored == null ? null : stored.referrer()),
					keep(older, fundsOrigin, stored == null ? null : stored.fundsOrigin()),
					keep(older, blankToNull(leader), stored == null ? null : stored.leader()),
					keyLevel != null ? keyLevel : stored != null ? stored.keyLevel() : KeyLevel.NONE);
		}

		/**
		 * A PUT changes facts only: the officer, the first talk and the plan have steps
		 * of their own.
		 */
		void checkEditable() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (officer != null) {
				errors.put("officer", "is changed with POST /api/projects/{id}/reassign");
			}
			if (negotiationStartedOn != null) {
				errors.put("negotiationStartedOn", "is a milestone and cannot be edited");
			}
			if (plan != null) {
				errors.put("plan", "is changed with PUT /api/projects/{id}/plan");
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
		}

		private static <T> T keep(boolean older, T sent, T stored) {
			return older && sent == null ? stored : sent;
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	/** A plan revision: the agreed date per milestone (null removes it) and why. */
	record PlanChange(@NotNull Map<Stage, LocalDate> dates, @NotBlank @Size(max = 1000) @Pattern(regexp = TEXT,
			message = "must not contain control characters") String reason) {
	}

	record Advance(@NotNull Stage to, @NotNull LocalDate effectiveOn,
			@Size(max = 2000) @Pattern(regexp = TEXT, message = "must not contain control characters") String comment) {
	}

	record Drop(@NotNull LocalDate effectiveOn, @NotBlank @Size(max = 1000) @Pattern(regexp = TEXT,
			message = "must not contain control characters") String reason) {
	}

	record Reassign(
			@NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "is not a valid username") String officer) {
	}

	private ProjectRequests() {
	}

}
