package com.investtrack.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.investtrack.common.Stage;

/**
 * The monthly bulletin (月通报) for 1–{@code month}月 of {@code year}, as of {@code asOf}
 * (the month's last day, or today within the current month). Percentages to one decimal:
 * {@code schedulePercent} = month ÷ 12 × 100 (序时进度); per indicator {@code percent} =
 * actual ÷ target × 100, {@code aheadPoints} = percent − schedulePercent,
 * {@code yoyPercent} = (actual − lastYear) ÷ lastYear × 100 (同比; null when lastYear is
 * 0). Parks and districts are ranked by their {@code percent}: the mean of the percents
 * of the indicators they have a target for.
 */
public record Bulletin(int year, int month, LocalDate asOf, BigDecimal schedulePercent, BigDecimal majorProjectWan,
		List<IndicatorRow> indicators, Cohort cohort, List<ParkRow> byPark, List<DistrictRow> byDistrict, Lists lists) {

	/**
	 * One indicator of one row: the year's target, 1–N月, month N alone and 1–N月 of the
	 * year before.
	 */
	public record IndicatorRow(Indicator code, BigDecimal target, BigDecimal actual, BigDecimal monthActual,
			BigDecimal percent, BigDecimal aheadPoints, BigDecimal lastYear, BigDecimal yoyPercent) {
	}

	/**
	 * The projects signed in 1–N月: how many, how many of them started and produce by
	 * {@code asOf}, and in percent of them: started, producing, funds in place against
	 * their contracted investment, and fulfilling (neither dropped nor past an agreed
	 * date without reaching its milestone).
	 */
	public record Cohort(long signed, long started, long inProduction, BigDecimal startedRate,
			BigDecimal productionRate, BigDecimal fundsRate, BigDecimal fulfilmentRate) {
	}

	public record ParkRow(int rank, String code, String name, String district, BigDecimal percent,
			List<IndicatorRow> indicators) {
	}

	public record DistrictRow(int rank, String district, BigDecimal percent, List<IndicatorRow> indicators) {
	}

	/**
	 * The lists of projects that need the leaders' attention: the flags, the notices and
	 * next month's agreed milestones as they stood on {@code asOf}; the red projects as
	 * the lights show them today (a light is always today's).
	 */
	public record Lists(List<RedProject> red, List<FlaggedProject> signedNotStarted,
			List<FlaggedProject> builtNotProducing, List<FlaggedProject> idleLand, List<OpenNotice> openNotices,
			List<AgreedMilestone> agreedNextMonth) {
	}

	/** A red project with the reason in words and its leader in charge (包保领导). */
	public record RedProject(long projectId, String code, String name, String parkCode, String leader, String reason) {
	}

	/**
	 * A flagged project with the date it failed to keep: the agreed start
	 * (SIGNED_NOT_STARTED), the agreed production (BUILT_NOT_PRODUCING), the land's
	 * delivery (IDLE_LAND).
	 */
	public record FlaggedProject(long projectId, String code, String name, String parkCode, String leader,
			LocalDate since) {
	}

	public record OpenNotice(long id, long projectId, String projectName, String owner, LocalDate deadline,
			String level, String text) {
	}

	/** A milestone agreed for the month after the bulletin's, not reached yet. */
	public record AgreedMilestone(long projectId, String code, String name, String parkCode, String leader,
			Stage milestone, LocalDate agreedOn) {
	}

}
