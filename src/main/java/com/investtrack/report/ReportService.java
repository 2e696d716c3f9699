package com.investtrack.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.common.InvalidInputException;
import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;

/**
 * Duration reports. Each one is a single indexed query over milestone (joined to project for the filters); the
 * percentiles are taken in Java over the returned day counts, so H2 and MySQL give the same figures.
 */
@Service
public class ReportService {

	private final JdbcClient jdbc;

	ReportService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Days from milestone {@code from} to milestone {@code to}, over projects that reached {@code to}. */
	@Transactional(readOnly = true)
	public DurationStats durations(Stage from, Stage to, ReportFilter filter) {
		if (from.ordinal() >= to.ordinal()) {
			throw new InvalidInputException("to", "must be a later stage than from");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", from.name());
		params.put("to", to.name());
		String sql = "SELECT f.effective_on AS f_on, t.effective_on AS t_on FROM milestone t"
				+ " JOIN milestone f ON f.project_id = t.project_id AND f.stage = :from"
				+ " JOIN project p ON p.id = t.project_id WHERE t.stage = :to" + where(filter, "t", params);
		List<Integer> days = new ArrayList<>();
		jdbc.sql(sql).params(params).query(rs -> {
			days.add(daysBetween(rs.getDate(1), rs.getDate(2)));
		});
		return DurationStats.of(days.stream().mapToInt(Integer::intValue).toArray());
	}

	/** Per stage and in total, for projects that reached production (in the filter's year, if any). */
	@Transactional(readOnly = true)
	public TimeToProduction timeToProduction(ReportFilter filter) {
		return summarize(productionPaths(filter).values());
	}

	/**
	 * {@link #timeToProduction} for each park, industry, asset model or year of production, from one query: the groups
	 * are formed in Java over the same rows, so a group's figures equal those of a filter on that group. Ordered by key.
	 */
	@Transactional(readOnly = true)
	public Map<String, TimeToProduction> timeToProductionBy(Breakdown by, ReportFilter filter) {
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
		if (filter.year() == null) {
			throw new InvalidInputException("year", "is required");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "SELECT m.stage, p.asset_model, COUNT(*), SUM(p.land_area_m2) FROM milestone m"
				+ " JOIN project p ON p.id = m.project_id WHERE m.stage IN ('SIGNING', 'CONSTRUCTION', 'PRODUCTION')"
				+ where(filter, "m", params) + " GROUP BY m.stage, p.asset_model";
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
		Map<String, Object> params = new LinkedHashMap<>();
		ReportFilter anyYear = new ReportFilter(filter.parkCode(), filter.industryCode(), filter.assetModel(), null);
		Map<Stage, Long> counts = new EnumMap<>(Stage.class);
		for (Stage s : Stage.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("SELECT p.stage, COUNT(*) FROM project p WHERE p.outcome <> 'DROPPED'" + where(anyYear, "p", params)
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
				+ " WHERE pr.stage = 'PRODUCTION'" + where(filter, "pr", params);
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

	private static String where(ReportFilter f, String endAlias, Map<String, Object> params) {
		var where = new StringBuilder();
		if (f.parkCode() != null) {
			where.append(" AND p.park_code = :park");
			params.put("park", f.parkCode());
		}
		if (f.industryCode() != null) {
			where.append(" AND p.industry_code = :industry");
			params.put("industry", f.industryCode());
		}
		if (f.assetModel() != null) {
			where.append(" AND p.asset_model = :asset");
			params.put("asset", f.assetModel().name());
		}
		if (f.year() != null) {
			where.append(" AND ").append(endAlias).append(".effective_on >= :yearStart AND ").append(endAlias)
				.append(".effective_on < :yearEnd");
			params.put("yearStart", Date.valueOf(LocalDate.of(f.year(), 1, 1)));
			params.put("yearEnd", Date.valueOf(LocalDate.of(f.year() + 1, 1, 1)));
		}
		return where.toString();
	}

	private static int daysBetween(Date from, Date to) {
		return (int) (to.toLocalDate().toEpochDay() - from.toLocalDate().toEpochDay());
	}

	private static int[] toArray(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

}
