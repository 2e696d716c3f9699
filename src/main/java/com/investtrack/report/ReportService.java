package com.investtrack.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

import com.investtrack.audit.AuditVersionedCache;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.SqlConditions;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.project.AssetModel;

/**
 * Duration reports, each one query over milestone_timeline: the product's milestones as
 * one narrow row per project with every milestone's effective day and its working-day
 * ordinal, kept in the same transaction as the milestone rows. The database counts the
 * projects per number of calendar days and of working days (the difference of two
 * ordinals), so only histograms travel, never a row per project; percentiles are taken in
 * Java from those exact counts, so H2 and MySQL give the same figures. Time to production
 * is the exception: it has six spans (and the dashboard's overview five breakdowns
 * besides), so it reads the row of each project in production once, from an index, and
 * tallies them in Java.
 */
@Service
public class ReportService {

	/**
	 * The stage durations of time-to-production, then the whole way from first talk to
	 * production.
	 */
	private static final List<Span> PRODUCTION_SPANS = productionSpans();

	/** Each production span's first and last stage, by ordinal, for the per-row tally. */
	private static final int[] SPAN_FROM = PRODUCTION_SPANS.stream().mapToInt(s -> s.from().ordinal()).toArray();

	private static final int[] SPAN_TO = PRODUCTION_SPANS.stream().mapToInt(s -> s.to().ordinal()).toArray();

	private final JdbcClient jdbc;

	/**
	 * Answers kept per report and filter until the data changes. Reports are read far
	 * more often than milestones are recorded (every dashboard view runs several), which
	 * is what makes this pay; the first request after a step computes the report afresh.
	 */
	private final AuditVersionedCache cache;

	ReportService(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.cache = new AuditVersionedCache(jdbc, registry, "investtrack.report.cache",
				"Reports answered from the cache (hit) or computed (miss)", 512);
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
		return histograms(new Span(from, to), filter).stats(0);
	}

	/**
	 * Per stage and in total, for projects that reached production (in the filter's year,
	 * if any).
	 */
	@Transactional(readOnly = true)
	public TimeToProduction timeToProduction(ReportFilter filter) {
		return cache.get(Arrays.asList("timeToProduction", filter), () -> computeTimeToProduction(filter));
	}

	/**
	 * The rows of the projects in production, tallied as the overview does without its
	 * groups: one range of an index that holds every day and ordinal (V14), where a query
	 * grouping each span in the database scanned it six times (100 ms at 100,000
	 * projects, against 60).
	 */
	private TimeToProduction computeTimeToProduction(ReportFilter filter) {
		return tallyProduction(filter, false).overall();
	}

	/**
	 * {@link #timeToProduction} overall, for each park, industry, asset model and year of
	 * production, and for each park per asset model: every time-to-production figure the
	 * dashboard shows. One read of the projects in production (covered by an index, V15)
	 * tallied in Java, where one grouped query per breakdown scanned them eight times per
	 * dashboard view after each change. A group's figures equal those of a filter on that
	 * group. Groups in key order.
	 */
	@Transactional(readOnly = true)
	public ProductionOverview productionOverview(ReportFilter filter) {
		return cache.get(Arrays.asList("productionOverview", filter), () -> computeProductionOverview(filter));
	}

	private ProductionOverview computeProductionOverview(ReportFilter filter) {
		return tallyProduction(filter, true);
	}

	/**
	 * Time to production under a filter from one read of the projects in production;
	 * {@code withGroups} also tallies every breakdown (else they stay empty) and reads
	 * the facts they group by.
	 */
	private ProductionOverview tallyProduction(ReportFilter filter, boolean withGroups) {
		Map<String, Object> params = new LinkedHashMap<>();
		Stage[] stages = Stage.values();
		StringBuilder columns = new StringBuilder(
				withGroups ? "SELECT t.park_code, t.industry_code, t.asset_model" : "SELECT 0");
		int first = withGroups ? 4 : 2;
		for (Stage s : stages) {
			columns.append(", t.")
				.append(MilestoneService.timelineColumn(s))
				.append(", t.")
				.append(MilestoneService.workDayColumn(s));
		}
		String production = "t." + MilestoneService.timelineColumn(Stage.PRODUCTION);
		String sql = columns + " FROM milestone_timeline t WHERE " + production + " IS NOT NULL"
				+ where(filter, production, params);
		Histograms overall = new Histograms(PRODUCTION_SPANS.size());
		// hash maps while counting (sorted once at the end); every row's values read by
		// the driver's primitive getters: getObject(i, Integer.class) took most of the
		// time of reading 28,000 rows at 100,000 projects
		Map<Breakdown, Map<String, Histograms>> breakdowns = new EnumMap<>(Breakdown.class);
		for (Breakdown b : Breakdown.values()) {
			breakdowns.put(b, new HashMap<>());
		}
		Map<AssetModel, Map<String, Histograms>> parks = new EnumMap<>(AssetModel.class);
		int[] days = new int[stages.length];
		int[] ordinals = new int[stages.length];
		boolean[] reached = new boolean[stages.length];
		Histograms[] rowGroups = new Histograms[6];
		jdbc.sql(sql).params(params).query(rs -> {
			for (int i = 0; i < stages.length; i++) {
				days[i] = rs.getInt(first + 2 * i);
				ordinals[i] = rs.getInt(first + 1 + 2 * i);
				reached[i] = !rs.wasNull();
			}
			if (!withGroups) {
				overall.projects++;
				addSpans(overall, days, ordinals, reached);
				return;
			}
			String park = rs.getString(1);
			AssetModel asset = AssetModel.valueOf(rs.getString(3));
			String year = String.valueOf(LocalDate.ofEpochDay(days[Stage.PRODUCTION.ordinal()]).getYear());
			rowGroups[0] = overall;
			rowGroups[1] = group(breakdowns.get(Breakdown.PARK), park);
			rowGroups[2] = group(breakdowns.get(Breakdown.INDUSTRY), rs.getString(2));
			rowGroups[3] = group(breakdowns.get(Breakdown.ASSET_MODEL), asset.name());
			rowGroups[4] = group(breakdowns.get(Breakdown.YEAR), year);
			rowGroups[5] = group(parks.computeIfAbsent(asset, a -> new HashMap<>()), park);
			for (Histograms h : rowGroups) {
				h.projects++;
				addSpans(h, days, ordinals, reached);
			}
		});
		Map<Breakdown, Map<String, TimeToProduction>> byBreakdown = new EnumMap<>(Breakdown.class);
		breakdowns.forEach((b, groups) -> byBreakdown.put(b, timesToProduction(groups)));
		Map<AssetModel, Map<String, TimeToProduction>> byAsset = new EnumMap<>(AssetModel.class);
		for (AssetModel a : AssetModel.values()) {
			byAsset.put(a, timesToProduction(parks.getOrDefault(a, Map.of())));
		}
		return new ProductionOverview(overall.timeToProduction(), byBreakdown, byAsset);
	}

	/**
	 * One project's spans: as in histograms(), a span counts where both days have their
	 * ordinal ({@code reached}: the stage's working-day ordinal is not null).
	 */
	private static void addSpans(Histograms h, int[] days, int[] ordinals, boolean[] reached) {
		for (int i = 0; i < SPAN_FROM.length; i++) {
			int from = SPAN_FROM[i];
			int to = SPAN_TO[i];
			if (reached[from] && reached[to]) {
				h.add(i, days[to] - days[from], ordinals[to] - ordinals[from], 1);
			}
		}
	}

	private static Histograms group(Map<String, Histograms> groups, String key) {
		return groups.computeIfAbsent(key, k -> new Histograms(PRODUCTION_SPANS.size()));
	}

	private static Map<String, TimeToProduction> timesToProduction(Map<String, Histograms> groups) {
		Map<String, TimeToProduction> result = new LinkedHashMap<>();
		new TreeMap<>(groups).forEach((key, histograms) -> result.put(key, histograms.timeToProduction()));
		return Collections.unmodifiableMap(result);
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

	/*
	 * From the timeline (one row per project, each milestone's day): each count is a
	 * range of an index on that stage's day, and only the heavy projects that started
	 * construction in the year are looked up for their land. Joining the year's
	 * milestones to their projects looked up every one of them.
	 */
	private YearKpis computeYearKpis(ReportFilter filter) {
		if (filter.year() == null) {
			throw new InvalidInputException("year", "is required");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("first", LocalDate.of(filter.year(), 1, 1).toEpochDay());
		params.put("last", LocalDate.of(filter.year(), 12, 31).toEpochDay());
		String facts = facts(filter, "t.", params).toString();
		String heavyConstruction = " WHERE t.construction_day BETWEEN :first AND :last AND t.asset_model = 'HEAVY'"
				+ facts;
		String sql = "SELECT (SELECT COUNT(*) FROM milestone_timeline t WHERE t.signing_day BETWEEN :first AND :last"
				+ facts + "), (SELECT COUNT(*) FROM milestone_timeline t WHERE t.construction_day BETWEEN :first AND"
				+ " :last" + facts + "), (SELECT COUNT(*) FROM milestone_timeline t WHERE t.production_day BETWEEN"
				+ " :first AND :last" + facts + "), (SELECT COUNT(*) FROM milestone_timeline t" + heavyConstruction
				+ "), (SELECT SUM(p.land_area_m2) FROM milestone_timeline t JOIN project p ON p.id = t.project_id"
				+ heavyConstruction + ")";
		return jdbc.sql(sql).params(params).query((rs, n) -> {
			BigDecimal land = rs.getBigDecimal(5);
			return new YearKpis(filter.year(), rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					land == null ? BigDecimal.ZERO : land);
		}).single();
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

		private final List<Tally> days = new ArrayList<>();

		private final List<Tally> workingDays = new ArrayList<>();

		private int projects;

		Histograms(int spans) {
			for (int i = 0; i < spans; i++) {
				days.add(new Tally());
				workingDays.add(new Tally());
			}
		}

		void add(int span, int spanDays, int spanWorkingDays, long count) {
			days.get(span).add(spanDays, count);
			workingDays.get(span).add(spanWorkingDays, count);
		}

		DurationStats stats(int span) {
			return DurationStats.ofCounts(days.get(span).counts(), workingDays.get(span).counts());
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
	 * Projects per whole number of days, counted in an array indexed by the number: the
	 * overview adds every project to six groups and six spans, which map entries would
	 * make the larger part of its time. Days lie within the dates the product accepts
	 * (1990 to 2100), so the array stays small.
	 */
	private static final class Tally {

		private long[] counts = new long[64];

		private int base;

		private boolean empty = true;

		void add(int value, long count) {
			if (empty) {
				base = value;
				empty = false;
			}
			int i = value - base;
			if (i < 0) {
				int grow = Math.max(-i, counts.length);
				long[] grown = new long[counts.length + grow];
				System.arraycopy(counts, 0, grown, grow, counts.length);
				counts = grown;
				base -= grow;
				i += grow;
			}
			else if (i >= counts.length) {
				counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length * 2));
			}
			counts[i] += count;
		}

		NavigableMap<Integer, Long> counts() {
			NavigableMap<Integer, Long> map = new TreeMap<>();
			for (int i = 0; i < counts.length && !empty; i++) {
				if (counts[i] != 0) {
					map.put(base + i, counts[i]);
				}
			}
			return map;
		}

	}

	/**
	 * One grouped query: projects counted per calendar days and working days from
	 * {@code span}'s first milestone to its last, over the projects that reached the last
	 * (in the filter's year, if any).
	 */
	private Histograms histograms(Span span, ReportFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String endDay = "t." + MilestoneService.timelineColumn(span.to());
		String start = "t." + MilestoneService.timelineColumn(span.from());
		String startOrdinal = "t." + MilestoneService.workDayColumn(span.from());
		String stopOrdinal = "t." + MilestoneService.workDayColumn(span.to());
		String days = endDay + " - " + start;
		// the ordinals are kept beside the days (V14), so a span's working days are two
		// columns of the row already read, not two joins per project
		String workingDays = stopOrdinal + " - " + startOrdinal;
		Histograms histograms = new Histograms(1);
		jdbc.sql("SELECT " + days + ", " + workingDays + ", COUNT(*) FROM milestone_timeline t WHERE " + endDay
				+ " IS NOT NULL" + where(filter, endDay, params) + " AND " + startOrdinal + " IS NOT NULL AND "
				+ stopOrdinal + " IS NOT NULL GROUP BY " + days + ", " + workingDays)
			.params(params)
			.query(rs -> {
				histograms.add(0, rs.getInt(1), rs.getInt(2), rs.getLong(3));
			});
		return histograms;
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
