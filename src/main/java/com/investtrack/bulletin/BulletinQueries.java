package com.investtrack.bulletin;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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

	/**
	 * What a flagged project's entry shows, and the dates it may not have kept (columns 6
	 * to 8).
	 */
	private static final String FLAGGED_COLUMNS = "p.id, p.code, p.name, p.park_code, p.leader, pl.construction_on,"
			+ " pl.production_on, t.site_selection_day";

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
						+ " AND t.contracted_investment_wan >= " + threshold;
				sums.add("SUM(CASE WHEN " + when + " THEN 1 ELSE 0 END)");
				sums.add("SUM(CASE WHEN " + when + " THEN t.contracted_investment_wan ELSE 0 END)");
			}
		}
		jdbc.sql("SELECT t.park_code, " + String.join(", ", sums) + """
				 FROM milestone_timeline t
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
	 * The projects carrying each date flag on the period's day, by park and code, with
	 * the date they did not keep: the agreed start (SIGNED_NOT_STARTED), the agreed
	 * production (BUILT_NOT_PRODUCING), the land's delivery (IDLE_LAND). One scan for the
	 * three flags: each project's row says which of them it carries.
	 */
	Map<Flag, List<Bulletin.FlaggedProject>> flagged(Period period) {
		Map<Flag, List<Bulletin.FlaggedProject>> lists = new EnumMap<>(Flag.class);
		List<String> carries = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		for (Flag flag : FlagRules.DATE_FLAGS) {
			ListCondition condition = FlagRules.condition(flag, period.asOf());
			carries.add("(" + condition.where() + ")");
			params.putAll(condition.params());
			lists.put(flag, new ArrayList<>());
		}
		List<String> columns = carries.stream().map(c -> "CASE WHEN " + c + " THEN 1 ELSE 0 END").toList();
		jdbc.sql("SELECT " + FLAGGED_COLUMNS + ", " + String.join(", ", columns) + " FROM project p" + FlagRules.JOIN
				+ " WHERE " + String.join(" OR ", carries) + " ORDER BY p.park_code, p.code")
			.params(params)
			.query(rs -> {
				for (int i = 0; i < FlagRules.DATE_FLAGS.size(); i++) {
					if (rs.getInt(9 + i) == 1) {
						Flag flag = FlagRules.DATE_FLAGS.get(i);
						lists.get(flag).add(flaggedProject(rs, flag));
					}
				}
			});
		return lists;
	}

	/**
	 * The first {@code limit} entries of each list of {@link #flagged(Period)}, in its
	 * order: a statement per flag that the database stops after {@code limit} rows.
	 * <p>
	 * As a plain WHERE the flag's condition lets the database read the flagged projects
	 * first, by their milestone days, and sort them: fast while few are flagged (0.5–30
	 * ms at 100,000 projects of which about 12% are red). Asked through a CASE, the
	 * projects would be read in the list's order until the 100th match: faster when most
	 * are flagged (stress data with 62% red), but 620 ms per list on the realistic data,
	 * where nearly every project is read before the list is full
	 * (docs/bulletin-benchmark.md).
	 */
	Map<Flag, List<Bulletin.FlaggedProject>> flagged(Period period, int limit) {
		Map<Flag, List<Bulletin.FlaggedProject>> lists = new EnumMap<>(Flag.class);
		for (Flag flag : FlagRules.DATE_FLAGS) {
			ListCondition condition = FlagRules.condition(flag, period.asOf());
			lists.put(flag,
					jdbc.sql("SELECT " + FLAGGED_COLUMNS + " FROM project p" + FlagRules.JOIN + " WHERE "
							+ condition.where() + " ORDER BY p.park_code, p.code LIMIT " + limit)
						.params(condition.params())
						.query((rs, n) -> flaggedProject(rs, flag))
						.list());
		}
		return lists;
	}

	/**
	 * How many projects are red (by {@code red}, the lights' condition today) and carry
	 * each date flag on the period's day: the sizes of the red list and of
	 * {@link #flagged(Period)}'s lists, a COUNT each.
	 * <p>
	 * Counted together, as sums over one scan, the OR of the four conditions let the
	 * database use no index: every project was read with its plan and timeline, 152 ms at
	 * 100,000 projects. Each alone has its own way in: the red ones are among the active
	 * projects (the outcome's index, 36 ms), a date flag among the plans whose agreed
	 * date has passed or the timelines by their days (0.4–19 ms).
	 */
	ListCounts counts(Period period, ListCondition red) {
		LocalDate asOf = period.asOf();
		return new ListCounts(count(red), count(FlagRules.condition(Flag.SIGNED_NOT_STARTED, asOf)),
				count(FlagRules.condition(Flag.BUILT_NOT_PRODUCING, asOf)),
				count(FlagRules.condition(Flag.IDLE_LAND, asOf)));
	}

	private long count(ListCondition condition) {
		return jdbc.sql("SELECT COUNT(*) FROM project p" + condition.join() + " WHERE " + condition.where())
			.params(condition.params())
			.query(Long.class)
			.single();
	}

	/** The sizes of the red list and of the date flags' lists. */
	record ListCounts(long red, long signedNotStarted, long builtNotProducing, long idleLand) {
	}

	/**
	 * A flagged project from a row of {@link #FLAGGED_COLUMNS}, with the date it did not
	 * keep.
	 */
	private static Bulletin.FlaggedProject flaggedProject(ResultSet rs, Flag flag) throws SQLException {
		Date date = switch (flag) {
			case SIGNED_NOT_STARTED -> rs.getDate(6);
			case BUILT_NOT_PRODUCING -> rs.getDate(7);
			default -> null;
		};
		LocalDate on = date != null ? date.toLocalDate() : LocalDate.ofEpochDay(rs.getLong(8));
		return new Bulletin.FlaggedProject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), on);
	}

	/**
	 * Notices issued by the period's day and not closed by then, the earliest deadline
	 * first.
	 */
	List<Bulletin.OpenNotice> openNotices(Period period) {
		return openNotices(period, "");
	}

	/** The first {@code limit} of {@link #openNotices(Period)}, in its order. */
	List<Bulletin.OpenNotice> openNotices(Period period, int limit) {
		return openNotices(period, " LIMIT " + limit);
	}

	/** How many notices {@link #openNotices(Period)} lists. */
	long openNoticeCount(Period period) {
		return jdbc.sql("SELECT COUNT(*) FROM supervision_notice n" + OPEN_NOTICES)
			.param("next", nextDay(period))
			.query(Long.class)
			.single();
	}

	private List<Bulletin.OpenNotice> openNotices(Period period, String limit) {
		return jdbc
			.sql("SELECT n.id, n.project_id, p.name, n.owner, n.deadline, n.level, n.text FROM supervision_notice n"
					+ " JOIN project p ON p.id = n.project_id" + OPEN_NOTICES + " ORDER BY n.deadline, n.id" + limit)
			.param("next", nextDay(period))
			.query((rs, n) -> new Bulletin.OpenNotice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)))
			.list();
	}

	/**
	 * Issued by the period's day and not closed by then (a notice's project always
	 * exists: a foreign key).
	 */
	private static final String OPEN_NOTICES = " WHERE n.issued_at < :next AND (n.closed_at IS NULL OR n.closed_at"
			+ " >= :next)";

	private static java.sql.Timestamp nextDay(Period period) {
		return java.sql.Timestamp.valueOf(period.asOf().plusDays(1).atStartOfDay());
	}

	/**
	 * The milestones agreed for the month after the period's, not reached by its day: one
	 * statement, a part per milestone, each an index range of one month on its agreed
	 * date.
	 */
	List<Bulletin.AgreedMilestone> agreedNextMonth(Period period) {
		LocalDate from = period.to().plusDays(1);
		LocalDate to = from.withDayOfMonth(from.lengthOfMonth());
		List<Stage> stages = List.of(Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION, Stage.PRODUCTION);
		List<String> parts = new ArrayList<>();
		for (Stage stage : stages) {
			String name = stage.name().toLowerCase(Locale.ROOT);
			parts.add("SELECT p.id, p.code, p.name, p.park_code, p.leader, pl." + name + "_on, '" + stage.name()
					+ "' FROM project_plan pl JOIN project p ON p.id = pl.project_id"
					+ " LEFT JOIN milestone_timeline t ON t.project_id = p.id WHERE pl." + name
					+ "_on BETWEEN :from AND :to AND (t." + name + "_day IS NULL OR t." + name + "_day > :asOfDay)"
					+ " AND (p.dropped_on IS NULL OR p.dropped_on > :asOf)");
		}
		List<Bulletin.AgreedMilestone> all = new ArrayList<>(jdbc.sql(String.join(" UNION ALL ", parts))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("asOfDay", period.asOf().toEpochDay())
			.param("asOf", Date.valueOf(period.asOf()))
			.query((rs, n) -> new Bulletin.AgreedMilestone(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), Stage.valueOf(rs.getString(7)), rs.getDate(6).toLocalDate()))
			.list());
		// a project with two milestones agreed on one day: in the order of the milestones
		all.sort(java.util.Comparator.comparing(Bulletin.AgreedMilestone::agreedOn)
			.thenComparing(Bulletin.AgreedMilestone::code)
			.thenComparing(a -> stages.indexOf(a.milestone())));
		return all;
	}

}
