package com.investtrack.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.common.InvalidInputException;
import com.investtrack.common.Stage;

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
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "SELECT m.project_id, m.stage, m.effective_on FROM milestone pr"
				+ " JOIN project p ON p.id = pr.project_id JOIN milestone m ON m.project_id = pr.project_id"
				+ " WHERE pr.stage = 'PRODUCTION'" + where(filter, "pr", params);
		Map<Long, LocalDate[]> byProject = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query(rs -> {
			byProject.computeIfAbsent(rs.getLong(1), k -> new LocalDate[Stage.values().length])[Stage
				.valueOf(rs.getString(2))
				.ordinal()] = rs.getDate(3).toLocalDate();
		});
		Map<Stage, List<Integer>> perStage = new EnumMap<>(Stage.class);
		List<Integer> totals = new ArrayList<>();
		for (LocalDate[] dates : byProject.values()) {
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
		return new TimeToProduction(byProject.size(), stages, DurationStats.of(toArray(totals)));
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
