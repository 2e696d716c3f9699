package com.investtrack.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.common.InvalidInputException;
import com.investtrack.common.SqlConditions;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneRepository;
import com.investtrack.project.AssetModel;

/**
 * Duration reports, each one query over milestone_timeline: the product's milestones as one narrow row per project
 * with every milestone's effective day, kept in the same transaction as the milestone rows. A durations report lets
 * the database count projects per number of days, so only a histogram travels; time-to-production reads the four day
 * differences of the projects that reached production. Percentiles are taken in Java from those exact counts, so H2
 * and MySQL give the same figures.
 */
@Service
public class ReportService {

	private final JdbcClient jdbc;

	private final ReportCache cache;

	ReportService(JdbcClient jdbc, ReportCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/** Days from milestone {@code from} to milestone {@code to}, over projects that reached {@code to}. */
	@Transactional(readOnly = true)
	public DurationStats durations(Stage from, Stage to, ReportFilter filter) {
		return cache.get(Arrays.asList("durations", from, to, filter), () -> computeDurations(from, to, filter));
	}

	private DurationStats computeDurations(Stage from, Stage to, ReportFilter filter) {
		if (from.ordinal() >= to.ordinal()) {
			throw new InvalidInputException("to", "must be a later stage than from");
		}
		String fromDay = MilestoneRepository.timelineColumn(from);
		String toDay = MilestoneRepository.timelineColumn(to);
		String days = toDay + " - " + fromDay;
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "SELECT " + days + ", COUNT(*) FROM milestone_timeline WHERE " + toDay + " IS NOT NULL AND "
				+ fromDay + " IS NOT NULL" + where(filter, toDay, params) + " GROUP BY " + days;
		TreeMap<Integer, Long> histogram = new TreeMap<>();
		jdbc.sql(sql).params(params).query(rs -> {
			histogram.put(rs.getInt(1), rs.getLong(2));
		});
		return DurationStats.ofCounts(histogram);
	}

	/** Per stage and in total, for projects that reached production (in the filter's year, if any). */
	@Transactional(readOnly = true)
	public TimeToProduction timeToProduction(ReportFilter filter) {
		return cache.get(Arrays.asList("timeToProduction", filter), () -> computeTimeToProduction(filter));
	}

	private TimeToProduction computeTimeToProduction(ReportFilter filter) {
		Stage[] stages = Stage.values();
		Map<String, Object> params = new LinkedHashMap<>();
		String production = MilestoneRepository.timelineColumn(Stage.PRODUCTION);
		var columns = new StringBuilder();
		for (Stage s : stages) {
			columns.append(columns.isEmpty() ? "" : ", ").append(MilestoneRepository.timelineColumn(s));
		}
		String sql = "SELECT " + columns + " FROM milestone_timeline WHERE " + production + " IS NOT NULL"
				+ where(filter, production, params);
		Map<Stage, IntList> perStage = new EnumMap<>(Stage.class);
		IntList totals = new IntList();
		int[] projects = { 0 };
		int[] day = new int[stages.length];
		boolean[] reached = new boolean[stages.length];
		jdbc.sql(sql).params(params).query(rs -> {
			projects[0]++;
			for (int i = 0; i < stages.length; i++) {
				day[i] = rs.getInt(i + 1);
				reached[i] = !rs.wasNull();
			}
			for (int i = 0; i + 1 < stages.length; i++) {
				if (reached[i] && reached[i + 1]) {
					perStage.computeIfAbsent(stages[i], k -> new IntList()).add(day[i + 1] - day[i]);
				}
			}
			if (reached[0]) {
				totals.add(day[stages.length - 1] - day[0]);
			}
		});
		List<TimeToProduction.StageStats> result = new ArrayList<>();
		for (int i = 0; i + 1 < stages.length; i++) {
			DurationStats stats = DurationStats.of(perStage.getOrDefault(stages[i], new IntList()).toArray());
			result.add(new TimeToProduction.StageStats(stages[i], stats.projects(), stats.medianDays(), stats.p90Days()));
		}
		return new TimeToProduction(projects[0], result, DurationStats.of(totals.toArray()));
	}

	/**
	 * {@link #timeToProduction} for each park, industry, asset model or year of production, from one query: the groups
	 * are formed in Java over the same rows, so a group's figures equal those of a filter on that group. Ordered by key.
	 */
	@Transactional(readOnly = true)
	public Map<String, TimeToProduction> timeToProductionBy(Breakdown by, ReportFilter filter) {
		return cache.get(Arrays.asList("timeToProductionBy", by, filter),
				() -> Collections.unmodifiableMap(computeTimeToProductionBy(by, filter)));
	}

	private Map<String, TimeToProduction> computeTimeToProductionBy(Breakdown by, ReportFilter filter) {
		Map<String, List<ProductionPath>> groups = new TreeMap<>();
		productionPaths(filter).values()
			.forEach(path -> groups.computeIfAbsent(path.key(by), k -> new ArrayList<>()).add(path));
		Map<String, TimeToProduction> result = new LinkedHashMap<>();
		groups.forEach((key, paths) -> result.put(key, summarize(paths)));
		return result;
	}

	/**
	 * The year's milestone counts (signed, construction commenced, production started) and the heavy-asset projects
	 * that commenced construction with their land area; the filter's year is required, its other criteria apply.
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

	/** Projects not dropped, by their current stage (in production counts as PRODUCTION); the year is ignored. */
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
		jdbc.sql("SELECT p.stage, COUNT(*) FROM project p WHERE p.outcome <> 'DROPPED'" + projectWhere(anyYear, "p", params)
				+ " GROUP BY p.stage")
			.params(params)
			.query(rs -> {
				counts.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/** A project that reached production: its grouping attributes and the effective date of each milestone. */
	private record ProductionPath(String parkCode, String industryCode, String assetModel, LocalDate[] dates) {

		String key(Breakdown by) {
			return switch (by) {
				case PARK -> parkCode;
				case INDUSTRY -> industryCode;
				case ASSET_MODEL -> assetModel;
				case YEAR -> String.valueOf(dates[Stage.PRODUCTION.ordinal()].getYear());
			};
		}

	}

	private Map<Long, ProductionPath> productionPaths(ReportFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "SELECT m.project_id, m.stage, m.effective_on, p.park_code, p.industry_code, p.asset_model"
				+ " FROM milestone pr JOIN project p ON p.id = pr.project_id JOIN milestone m ON m.project_id = pr.project_id"
				+ " WHERE pr.stage = 'PRODUCTION'" + projectWhere(filter, "pr", params);
		Map<Long, ProductionPath> byProject = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query(rs -> {
			ProductionPath path = byProject.get(rs.getLong(1));
			if (path == null) {
				path = new ProductionPath(rs.getString(4), rs.getString(5), rs.getString(6),
						new LocalDate[Stage.values().length]);
				byProject.put(rs.getLong(1), path);
			}
			path.dates()[Stage.valueOf(rs.getString(2)).ordinal()] = rs.getDate(3).toLocalDate();
		});
		return byProject;
	}

	private static TimeToProduction summarize(Collection<ProductionPath> paths) {
		Map<Stage, List<Integer>> perStage = new EnumMap<>(Stage.class);
		List<Integer> totals = new ArrayList<>();
		for (ProductionPath path : paths) {
			LocalDate[] dates = path.dates();
			for (Stage s : Stage.values()) {
				if (s == Stage.PRODUCTION) {
					continue;
				}
				LocalDate start = dates[s.ordinal()];
				LocalDate end = dates[s.ordinal() + 1];
				if (start != null && end != null) {
					perStage.computeIfAbsent(s, k -> new ArrayList<>()).add((int) (end.toEpochDay() - start.toEpochDay()));
				}
			}
			LocalDate first = dates[Stage.NEGOTIATION.ordinal()];
			LocalDate last = dates[Stage.PRODUCTION.ordinal()];
			if (first != null && last != null) {
				totals.add((int) (last.toEpochDay() - first.toEpochDay()));
			}
		}
		List<TimeToProduction.StageStats> stages = new ArrayList<>();
		for (Stage s : Stage.values()) {
			if (s == Stage.PRODUCTION) {
				continue;
			}
			DurationStats stats = DurationStats.of(toArray(perStage.getOrDefault(s, List.of())));
			stages.add(new TimeToProduction.StageStats(s, stats.projects(), stats.medianDays(), stats.p90Days()));
		}
		return new TimeToProduction(paths.size(), stages, DurationStats.of(toArray(totals)));
	}

	/** The filter as conditions on milestone_timeline; the year is the one the report's end milestone falls in. */
	private static String where(ReportFilter f, String endDay, Map<String, Object> params) {
		var conditions = facts(f, "", params);
		if (f.year() != null) {
			conditions.halfOpen(endDay, "yearStart", LocalDate.of(f.year(), 1, 1).toEpochDay(), "yearEnd",
					LocalDate.of(f.year() + 1, 1, 1).toEpochDay());
		}
		return conditions.toString();
	}

	/** The filter as conditions on project (alias p) and a milestone table alias whose date falls in the year. */
	private static String projectWhere(ReportFilter f, String endAlias, Map<String, Object> params) {
		var conditions = facts(f, "p.", params);
		if (f.year() != null) {
			conditions.halfOpen(endAlias + ".effective_on", "yearStart", Date.valueOf(LocalDate.of(f.year(), 1, 1)),
					"yearEnd", Date.valueOf(LocalDate.of(f.year() + 1, 1, 1)));
		}
		return conditions.toString();
	}

	/** Park, industry and asset model: the same columns in project and milestone_timeline. */
	private static SqlConditions facts(ReportFilter f, String prefix, Map<String, Object> params) {
		return new SqlConditions(params).equal(prefix + "park_code", "park", f.parkCode())
			.equal(prefix + "industry_code", "industry", f.industryCode())
			.equal(prefix + "asset_model", "asset", f.assetModel());
	}

	/** A growable int array: tens of thousands of day counts without boxing each one. */
	private static final class IntList {

		private int[] values = new int[256];

		private int size;

		void add(int value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		int[] toArray() {
			return Arrays.copyOf(values, size);
		}

	}

	private static int[] toArray(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

}
