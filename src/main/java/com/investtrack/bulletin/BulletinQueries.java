package com.investtrack.bulletin;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.common.Stage;
import com.investtrack.fulfilment.Flag;
import com.investtrack.fulfilment.FlagRules;
import com.investtrack.project.ListCondition;

/**
 * The bulletin's SQL: a handful of grouped aggregates over index ranges of
 * milestone_timeline (signing, construction and production days) and project_funds (by
 * month), each grouped by park, and the lists. Reads the other modules' tables, writes
 * nothing.
 */
@Repository
class BulletinQueries {

	/**
	 * The three windows of {@link Figures}, as the names of their first and last day
	 * parameters.
	 */
	private static final String[][] DAY_WINDOWS = { { "fromDay", "toDay" }, { "monthDay", "toDay" },
			{ "lyFromDay", "lyToDay" } };

	private static final String[][] DATE_WINDOWS = { { "fromDate", "toDate" }, { "monthDate", "toDate" },
			{ "lyFromDate", "lyToDate" } };

	private static final String CITY_MAJOR = ":major";

	private static final String PARK_MAJOR = "COALESCE(tp.major_project_wan, :major)";

	private final JdbcClient jdbc;

	BulletinQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every park's actuals of the period, month N and the year before. */
	Map<String, Figures> figuresByPark(Period period, BigDecimal major) {
		Map<String, Object> params = period.params();
		params.put("major", major);
		Map<String, Figures> parks = new HashMap<>();
		signings(params, parks);
		milestones(params, parks, "construction_day", Indicator.STARTED_PROJECTS);
		milestones(params, parks, "production_day", Indicator.PRODUCTION_PROJECTS);
		funds(params, parks);
		return parks;
	}

	private void signings(Map<String, Object> params, Map<String, Figures> parks) {
		List<String> sums = new ArrayList<>();
		for (String threshold : new String[] { CITY_MAJOR, PARK_MAJOR }) {
			for (String[] w : DAY_WINDOWS) {
				String when = "t.signing_day BETWEEN :" + w[0] + " AND :" + w[1]
						+ " AND p.contracted_investment_wan >= " + threshold;
				sums.add("SUM(CASE WHEN " + when + " THEN 1 ELSE 0 END)");
				sums.add("SUM(CASE WHEN " + when + " THEN p.contracted_investment_wan ELSE 0 END)");
			}
		}
		jdbc.sql("SELECT t.park_code, " + String.join(", ", sums) + """
				 FROM milestone_timeline t JOIN project p ON p.id = t.project_id
				LEFT JOIN target_park tp ON tp.target_year = :year AND tp.park_code = t.park_code
				WHERE t.signing_day BETWEEN :lyFromDay AND :toDay GROUP BY t.park_code""").params(params).query(rs -> {
			Figures f = parks.computeIfAbsent(rs.getString(1), k -> new Figures());
			for (int w = 0; w < 3; w++) {
				f.set(Indicator.SIGNED_PROJECTS, w, rs.getBigDecimal(2 + 2 * w));
				f.set(Indicator.CONTRACTED_INVESTMENT_WAN, w, rs.getBigDecimal(3 + 2 * w));
			}
			for (int w = 0; w < 3; w++) {
				f.setOwn(Indicator.SIGNED_PROJECTS, w, rs.getBigDecimal(8 + 2 * w));
				f.setOwn(Indicator.CONTRACTED_INVESTMENT_WAN, w, rs.getBigDecimal(9 + 2 * w));
			}
		});
	}

	private void milestones(Map<String, Object> params, Map<String, Figures> parks, String day, Indicator indicator) {
		List<String> sums = new ArrayList<>();
		for (String[] w : DAY_WINDOWS) {
			sums.add("SUM(CASE WHEN t." + day + " BETWEEN :" + w[0] + " AND :" + w[1] + " THEN 1 ELSE 0 END)");
		}
		jdbc.sql("SELECT t.park_code, " + String.join(", ", sums) + " FROM milestone_timeline t WHERE t." + day
				+ " BETWEEN :lyFromDay AND :toDay GROUP BY t.park_code")
			.params(params)
			.query(rs -> {
				Figures f = parks.computeIfAbsent(rs.getString(1), k -> new Figures());
				for (int w = 0; w < 3; w++) {
					f.set(indicator, w, rs.getBigDecimal(2 + w));
				}
			});
	}

	private void funds(Map<String, Object> params, Map<String, Figures> parks) {
		List<String> sums = new ArrayList<>();
		for (String[] w : DATE_WINDOWS) {
			sums.add("SUM(CASE WHEN f.funds_month BETWEEN :" + w[0] + " AND :" + w[1]
					+ " THEN f.amount_wan ELSE 0 END)");
		}
		jdbc.sql("SELECT p.park_code, " + String.join(", ", sums) + """
				 FROM project_funds f JOIN project p ON p.id = f.project_id
				WHERE f.funds_month BETWEEN :lyFromDate AND :toDate GROUP BY p.park_code""")
			.params(params)
			.query(rs -> {
				Figures f = parks.computeIfAbsent(rs.getString(1), k -> new Figures());
				for (int w = 0; w < 3; w++) {
					f.set(Indicator.FUNDS_IN_PLACE_WAN, w, rs.getBigDecimal(2 + w));
				}
			});
	}

	/**
	 * The signing cohort's counts as of the period's day: signed, started, producing,
	 * contracted, fulfilling, funds.
	 */
	record CohortCounts(long signed, long started, long inProduction, BigDecimal contractedWan, long fulfilling,
			BigDecimal fundsWan) {
	}

	CohortCounts cohort(Period period) {
		List<String> kept = new ArrayList<>();
		for (Stage stage : List.of(Stage.SITE_SELECTION, Stage.CONSTRUCTION, Stage.PRODUCTION)) {
			String agreed = "pl." + stage.name().toLowerCase(Locale.ROOT) + "_on";
			String reached = "t." + stage.name().toLowerCase(Locale.ROOT) + "_day";
			kept.add("(" + agreed + " IS NULL OR " + agreed + " >= :asOf OR " + reached + " <= :asOfDay)");
		}
		String fulfilling = "(p.dropped_on IS NULL OR p.dropped_on > :asOf) AND " + String.join(" AND ", kept);
		Map<String, Object> params = period.params();
		BigDecimal funds = jdbc.sql("""
				SELECT SUM(f.amount_wan) FROM milestone_timeline t JOIN project_funds f ON f.project_id = t.project_id
				WHERE t.signing_day BETWEEN :fromDay AND :toDay AND f.funds_month <= :asOf""")
			.params(params)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		return jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN t.construction_day <= :asOfDay THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN t.production_day <= :asOfDay THEN 1 ELSE 0 END),"
				+ " SUM(COALESCE(p.contracted_investment_wan, 0)), SUM(CASE WHEN " + fulfilling
				+ " THEN 1 ELSE 0 END) FROM milestone_timeline t JOIN project p ON p.id = t.project_id"
				+ " LEFT JOIN project_plan pl ON pl.project_id = p.id WHERE t.signing_day BETWEEN :fromDay AND :toDay")
			.params(params)
			.query((rs, n) -> new CohortCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), zero(rs.getBigDecimal(4)),
					rs.getLong(5), zero(funds)))
			.single();
	}

	private static BigDecimal zero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	/**
	 * The ids of the projects a condition selects (the red ones, from the lights' rule).
	 */
	List<Long> ids(ListCondition condition) {
		return jdbc
			.sql("SELECT p.id FROM project p" + condition.join() + " WHERE " + condition.where()
					+ " ORDER BY p.park_code, p.code")
			.params(condition.params())
			.query(Long.class)
			.list();
	}

	/**
	 * The projects carrying a date flag on the period's day, with the date they did not
	 * keep.
	 */
	List<Bulletin.FlaggedProject> flagged(Flag flag, Period period) {
		ListCondition condition = FlagRules.condition(flag, period.asOf());
		String since = switch (flag) {
			case SIGNED_NOT_STARTED -> "pl.construction_on";
			case BUILT_NOT_PRODUCING -> "pl.production_on";
			default -> "NULL";
		};
		return jdbc
			.sql("SELECT p.id, p.code, p.name, p.park_code, p.leader, " + since
					+ ", t.site_selection_day FROM project p" + condition.join() + " WHERE " + condition.where()
					+ " ORDER BY p.park_code, p.code")
			.params(condition.params())
			.query((rs, n) -> {
				Date date = rs.getDate(6);
				LocalDate on = date != null ? date.toLocalDate() : LocalDate.ofEpochDay(rs.getLong(7));
				return new Bulletin.FlaggedProject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), on);
			})
			.list();
	}

	/**
	 * Notices issued by the period's day and not closed by then, the earliest deadline
	 * first.
	 */
	List<Bulletin.OpenNotice> openNotices(Period period) {
		return jdbc.sql("""
				SELECT n.id, n.project_id, p.name, n.owner, n.deadline, n.level, n.text
				FROM supervision_notice n JOIN project p ON p.id = n.project_id
				WHERE n.issued_at < :next AND (n.closed_at IS NULL OR n.closed_at >= :next)
				ORDER BY n.deadline, n.id""")
			.param("next", java.sql.Timestamp.valueOf(period.asOf().plusDays(1).atStartOfDay()))
			.query((rs, n) -> new Bulletin.OpenNotice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** The milestones agreed for the month after the period's, not reached by its day. */
	List<Bulletin.AgreedMilestone> agreedNextMonth(Period period) {
		LocalDate from = period.to().plusDays(1);
		LocalDate to = from.withDayOfMonth(from.lengthOfMonth());
		List<Bulletin.AgreedMilestone> all = new ArrayList<>();
		for (Stage stage : List.of(Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION, Stage.PRODUCTION)) {
			String name = stage.name().toLowerCase(Locale.ROOT);
			all.addAll(jdbc
				.sql("SELECT p.id, p.code, p.name, p.park_code, p.leader, pl." + name + "_on"
						+ " FROM project_plan pl JOIN project p ON p.id = pl.project_id"
						+ " LEFT JOIN milestone_timeline t ON t.project_id = p.id" + " WHERE pl." + name
						+ "_on BETWEEN :from AND :to AND (t." + name + "_day IS NULL OR t." + name + "_day > :asOfDay)"
						+ " AND (p.dropped_on IS NULL OR p.dropped_on > :asOf)")
				.param("from", Date.valueOf(from))
				.param("to", Date.valueOf(to))
				.param("asOfDay", period.asOf().toEpochDay())
				.param("asOf", Date.valueOf(period.asOf()))
				.query((rs, n) -> new Bulletin.AgreedMilestone(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), stage, rs.getDate(6).toLocalDate()))
				.list());
		}
		all.sort(java.util.Comparator.comparing(Bulletin.AgreedMilestone::agreedOn)
			.thenComparing(Bulletin.AgreedMilestone::code));
		return all;
	}

}
