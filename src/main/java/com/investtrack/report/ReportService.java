package com.investtrack.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.calendar.WorkDaySql;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.SqlConditions;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.project.AssetModel;

/**
 * Duration reports, each one query over milestone_timeline: the product's milestones as
 * one narrow row per project with every milestone's effective day, kept in the same
 * transaction as the milestone rows. The database counts the projects per number of
 * calendar days and of working days (the difference of two work_day ordinals, see
 * {@link WorkDaySql}), so only histograms travel, never a row per project; percentiles
 * are taken in Java from those exact counts, so H2 and MySQL give the same figures.
 */
@Service
public class ReportService {

	/** The group key of a report without breakdown. */
	private static final String NO_GROUP = "";

	/**
	 * The stage durations of time-to-production, then the whole way from first talk to
	 * production.
	 */
	private static final List<Span> PRODUCTION_SPANS = productionSpans();

	private final JdbcClient jdbc;

	private final ReportCache cache;

	ReportService(JdbcClient jdbc, ReportCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/**
	 * Days from milestone {@code from} to milestone {@code to}, over projects that
	 * reached {@code to}.
	 */
	@Transactional(readOnly = true)
	public DurationStats durations(Stage from, Stage to, ReportFilter filter) {
		return cache.get(Arrays.asList("durations", from, to, filter), () -> computeDurations(from, to, filter));
	}

	private DurationStats computeDurations(Stage from, Stage to, ReportFilter filter) {
		if (from.ordinal() >= to.ordinal()) {
			throw new InvalidInputException("to", "must be a later stage than from");
		}
		return histograms(List.of(new Span(from, to)), null, to, filter, false)
			.getOrDefault(NO_GROUP, new Histograms(1))
			.stats(0);
	}

	/**
	 * Per stage and in total, for projects that reached production (in the filter's year,
	 * if any).
	 */
	@Transactional(readOnly = true)
	public TimeToProduction timeToProduction(ReportFilter filter) {
		return cache.get(Arrays.asList("timeToProduction", filter), () -> computeTimeToProduction(filter));
	}

	private TimeToProduction computeTimeToProduction(ReportFilter filter) {
		Map<String, Histograms> groups = histograms(PRODUCTION_SPANS, null, Stage.PRODUCTION, filter, true);
		return groups.getOrDefault(NO_GROUP, new Histograms(PRODUCTION_SPANS.size())).timeToProduction();
	}

	/**
	 * {@link #timeToProduction} for each park, industry, asset model or year of
	 * production, from one query that groups by the breakdown too, so a group's figures
	 * equal those of a filter on that group. Ordered by key.
	 */
	@Transactional(readOnly = true)
	public Map<String, TimeToProduction> timeToProductionBy(Breakdown by, ReportFilter filter) {
		return cache.get(Arrays.asList("timeToProductionBy", by, filter),
				() -> Collections.unmodifiableMap(computeTimeToProductionBy(by, filter)));
	}

	private Map<String, TimeToProduction> computeTimeToProductionBy(Breakdown by, ReportFilter filter) {
		Map<String, TimeToProduction> result = new LinkedHashMap<>();
		histograms(PRODUCTION_SPANS, by, Stage.PRODUCTION, filter, true)
			.forEach((key, histograms) -> result.put(key, histograms.timeToProduction()));
		return result;
	}

	/**
	 * The year's milestone counts (signed, construction commenced, production started)
	 * and the heavy-asset projects that commenced construction with their land area; the
	 * filter's year is required, its other criteria apply.
	 */
	@Transactional(readOnly = true)
	public YearKpis yearKpis(ReportFilter filter) {
		return cache.get(Arrays.asList("yearKpis", filter), () -> computeYearKpis(filter));
	}

	private YearKpis computeYearKpis(ReportFilter filter) {
		if (filter.year() == null) {
			throw new InvalidInputException("year", "is required");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "SELECT m.stage, p.asset_model, COUNT(*), SUM(p.land_area_m2) FROM milestone m"
				+ " JOIN project p ON p.id = m.project_id WHERE m.stage IN ('SIGNING', 'CONSTRUCTION', 'PRODUCTION')"
				+ projectWhere(filter, "m", params) + " GROUP BY m.stage, p.asset_model";
		long[] counts = new long[Stage.values().length];
		long[] heavy = { 0 };
		BigDecimal[] heavyLand = { BigDecimal.ZERO };
		jdbc.sql(sql).params(params).query(rs -> {
			Stage stage = Stage.valueOf(rs.getString(1));
			counts[stage.ordinal()] += rs.getLong(3);
			if (stage == Stage.CONSTRUCTION && AssetModel.HEAVY.name().equals(rs.getString(2))) {
				heavy[0] = rs.getLong(3);
				heavyLand[0] = rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4);
			}
		});
		return new YearKpis(filter.year(), counts[Stage.SIGNING.ordinal()], counts[Stage.CONSTRUCTION.ordinal()],
				counts[Stage.PRODUCTION.ordinal()], heavy[0], heavyLand[0]);
	}

	/**
	 * Projects not dropped, by their current stage (in production counts as PRODUCTION);
	 * the year is ignored.
	 */
	@Transactional(readOnly = true)
	public Map<Stage, Long> projectsByStage(ReportFilter filter) {
		return cache.get(Arrays.asList("projectsByStage", filter),
				() -> Collections.unmodifiableMap(computeProjectsByStage(filter)));
	}

	private Map<Stage, Long> computeProjectsByStage(ReportFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		ReportFilter anyYear = new ReportFilter(filter.parkCode(), filter.industryCode(), filter.assetModel(), null);
		Map<Stage, Long> counts = new EnumMap<>(Stage.class);
		for (Stage s : Stage.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("SELECT p.stage, COUNT(*) FROM project p WHERE p.outcome <> 'DROPPED'"
				+ projectWhere(anyYear, "p", params) + " GROUP BY p.stage")
			.params(params)
			.query(rs -> {
				counts.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * A duration a report summarises: from one milestone to a later one, over the
	 * projects that reached both.
	 */
	private record Span(Stage from, Stage to) {
	}

	private static List<Span> productionSpans() {
		List<Span> spans = new ArrayList<>();
		for (Stage s : Stage.values()) {
			if (s != Stage.PRODUCTION) {
				spans.add(new Span(s, Stage.values()[s.ordinal() + 1]));
			}
		}
		spans.add(new Span(Stage.NEGOTIATION, Stage.PRODUCTION));
		return List.copyOf(spans);
	}

	/**
	 * For one group: per span, projects by calendar days and by working days; and the
	 * projects in the group.
	 */
	private static final class Histograms {

		private final List<TreeMap<Integer, Long>> days = new ArrayList<>();

		private final List<TreeMap<Integer, Long>> workingDays = new ArrayList<>();

		private int projects;

		Histograms(int spans) {
			for (int i = 0; i < spans; i++) {
				days.add(new TreeMap<>());
				workingDays.add(new TreeMap<>());
			}
		}

		void add(int span, int spanDays, int spanWorkingDays, long count) {
			days.get(span).merge(spanDays, count, Long::sum);
			workingDays.get(span).merge(spanWorkingDays, count, Long::sum);
		}

		DurationStats stats(int span) {
			return DurationStats.ofCounts(days.get(span), workingDays.get(span));
		}

		/** Over {@link #PRODUCTION_SPANS}: a stage each, then the total. */
		TimeToProduction timeToProduction() {
			List<TimeToProduction.StageStats> stages = new ArrayList<>();
			for (int i = 0; i + 1 < PRODUCTION_SPANS.size(); i++) {
				stages.add(TimeToProduction.StageStats.of(PRODUCTION_SPANS.get(i).from(), stats(i)));
			}
			return new TimeToProduction(projects, stages, stats(PRODUCTION_SPANS.size() - 1));
		}

	}

	/**
	 * One query, a branch per span: projects counted per group, calendar days and working
	 * days, over the projects that reached {@code end} (in the filter's year, if any).
	 * With {@code countProjects} a last branch counts those projects per group. Groups in
	 * key order; a report without breakdown has the one group {@link #NO_GROUP}.
	 */
	private Map<String, Histograms> histograms(List<Span> spans, Breakdown by, Stage end, ReportFilter filter,
			boolean countProjects) {
		Map<String, Object> params = new LinkedHashMap<>();
		String endDay = "t." + MilestoneService.timelineColumn(end);
		String where = " WHERE " + endDay + " IS NOT NULL" + where(filter, endDay, params);
		String group = by == null ? "'" + NO_GROUP + "'" : groupColumn(by);
		String groupBy = by == null ? " GROUP BY " : " GROUP BY " + group + ", ";
		String production = "t." + MilestoneService.timelineColumn(Stage.PRODUCTION);
		String from = "milestone_timeline t" + (by == Breakdown.YEAR ? WorkDaySql.join("wy", production) : "");
		List<String> branches = new ArrayList<>();
		for (int i = 0; i < spans.size(); i++) {
			String start = "t." + MilestoneService.timelineColumn(spans.get(i).from());
			String stop = "t." + MilestoneService.timelineColumn(spans.get(i).to());
			String startOrdinal = "t." + MilestoneService.workDayColumn(spans.get(i).from());
			String stopOrdinal = "t." + MilestoneService.workDayColumn(spans.get(i).to());
			String days = stop + " - " + start;
			// the ordinals are kept beside the days (V14), so a span's working days are
			// two columns of the row already read, not two joins per project
			String workingDays = stopOrdinal + " - " + startOrdinal;
			branches.add("SELECT " + group + ", " + i + ", " + days + ", " + workingDays + ", COUNT(*) FROM " + from
					+ where + " AND " + startOrdinal + " IS NOT NULL AND " + stopOrdinal + " IS NOT NULL" + groupBy
					+ days + ", " + workingDays);
		}
		if (countProjects) {
			branches.add("SELECT " + group + ", -1, 0, 0, COUNT(*) FROM " + from + where
					+ (by == null ? "" : " GROUP BY " + group));
		}
		Map<String, Histograms> groups = new TreeMap<>();
		jdbc.sql(String.join(" UNION ALL ", branches)).params(params).query(rs -> {
			Histograms histograms = groups.computeIfAbsent(rs.getString(1), k -> new Histograms(spans.size()));
			int span = rs.getInt(2);
			if (span < 0) {
				histograms.projects = rs.getInt(5);
			}
			else {
				histograms.add(span, rs.getInt(3), rs.getInt(4), rs.getLong(5));
			}
		});
		return groups;
	}

	/**
	 * The column a breakdown groups by; the year of production is that of its work_day
	 * row (joined as wy).
	 */
	private static String groupColumn(Breakdown by) {
		return switch (by) {
			case PARK -> "t.park_code";
			case INDUSTRY -> "t.industry_code";
			case ASSET_MODEL -> "t.asset_model";
			case YEAR -> WorkDaySql.year("wy");
		};
	}

	/**
	 * The filter as conditions on milestone_timeline; the year is the one the report's
	 * end milestone falls in.
	 */
	private static String where(ReportFilter f, String endDay, Map<String, Object> params) {
		var conditions = facts(f, "t.", params);
		if (f.year() != null) {
			conditions.halfOpen(endDay, "yearStart", LocalDate.of(f.year(), 1, 1).toEpochDay(), "yearEnd",
					LocalDate.of(f.year() + 1, 1, 1).toEpochDay());
		}
		return conditions.toString();
	}

	/**
	 * The filter as conditions on project (alias p) and a milestone table alias whose
	 * date falls in the year.
	 */
	private static String projectWhere(ReportFilter f, String endAlias, Map<String, Object> params) {
		var conditions = facts(f, "p.", params);
		if (f.year() != null) {
			conditions.halfOpen(endAlias + ".effective_on", "yearStart", Date.valueOf(LocalDate.of(f.year(), 1, 1)),
					"yearEnd", Date.valueOf(LocalDate.of(f.year() + 1, 1, 1)));
		}
		return conditions.toString();
	}

	/**
	 * Park, industry and asset model: the same columns in project and milestone_timeline.
	 */
	private static SqlConditions facts(ReportFilter f, String prefix, Map<String, Object> params) {
		return new SqlConditions(params).equal(prefix + "park_code", "park", f.parkCode())
			.equal(prefix + "industry_code", "industry", f.industryCode())
			.equal(prefix + "asset_model", "asset", f.assetModel());
	}

}
