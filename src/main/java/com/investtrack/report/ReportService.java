package com.investtrack.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import com.investtrack.milestone.MilestoneRepository;

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

	ReportService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Days from milestone {@code from} to milestone {@code to}, over projects that reached {@code to}. */
	@Transactional(readOnly = true)
	public DurationStats durations(Stage from, Stage to, ReportFilter filter) {
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

	/** The filter as conditions on milestone_timeline; the year is the one the report's end milestone falls in. */
	private static String where(ReportFilter f, String endDay, Map<String, Object> params) {
		var where = new StringBuilder();
		if (f.parkCode() != null) {
			where.append(" AND park_code = :park");
			params.put("park", f.parkCode());
		}
		if (f.industryCode() != null) {
			where.append(" AND industry_code = :industry");
			params.put("industry", f.industryCode());
		}
		if (f.assetModel() != null) {
			where.append(" AND asset_model = :asset");
			params.put("asset", f.assetModel().name());
		}
		if (f.year() != null) {
			where.append(" AND ").append(endDay).append(" >= :yearStart AND ").append(endDay).append(" < :yearEnd");
			params.put("yearStart", LocalDate.of(f.year(), 1, 1).toEpochDay());
			params.put("yearEnd", LocalDate.of(f.year() + 1, 1, 1).toEpochDay());
		}
		return where.toString();
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

}
