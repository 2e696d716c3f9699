package com.investtrack.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;

import com.investtrack.common.Stage;
import com.investtrack.report.DurationStats;
import com.investtrack.report.TimeToProduction;

/**
 * The duration reports computed the naive way, from Camunda's history alone: a milestone's date is the start of the
 * activity instance that recorded it (the process's start event for negotiation, the "Record ..." service task for
 * every later stage), read through {@link HistoryService} on every call. This is the baseline of the report benchmark
 * and the check on the product's own figures. It agrees with the milestone table where the engine ran each step on
 * its effective date, which is how the data generator writes history; in live use the effective date is entered
 * later than the step runs, which is why the product keeps its own milestone table.
 */
final class NaiveReports {

	private final HistoryService history;

	private final ZoneId zone;

	private final Set<String> onlyInstances;

	/** {@code onlyInstances}: restrict to these process instances, or null for all. */
	NaiveReports(HistoryService history, ZoneId zone, Set<String> onlyInstances) {
		this.history = history;
		this.zone = zone;
		this.onlyInstances = onlyInstances;
	}

	static String recordingActivity(Stage stage) {
		return stage == Stage.NEGOTIATION ? "NegotiationStarted" : "RecordMilestone_" + stage.name();
	}

	/** Milestone dates per process instance, indexed by stage, as the history tells them. */
	private Map<String, LocalDate[]> milestones(Stage... stages) {
		Map<String, LocalDate[]> byInstance = new HashMap<>();
		for (Stage stage : stages) {
			List<HistoricActivityInstance> found = history.createHistoricActivityInstanceQuery()
				.activityId(recordingActivity(stage))
				.list();
			for (HistoricActivityInstance a : found) {
				if (onlyInstances != null && !onlyInstances.contains(a.getProcessInstanceId())) {
					continue;
				}
				byInstance.computeIfAbsent(a.getProcessInstanceId(), k -> new LocalDate[Stage.values().length])[stage
					.ordinal()] = LocalDate.ofInstant(a.getStartTime().toInstant(), zone);
			}
		}
		return byInstance;
	}

	DurationStats durations(Stage from, Stage to, Integer year) {
		List<Integer> days = new ArrayList<>();
		for (LocalDate[] dates : milestones(from, to).values()) {
			LocalDate start = dates[from.ordinal()];
			LocalDate end = dates[to.ordinal()];
			if (start != null && end != null && (year == null || end.getYear() == year)) {
				days.add((int) (end.toEpochDay() - start.toEpochDay()));
			}
		}
		return DurationStats.of(days.stream().mapToInt(Integer::intValue).toArray());
	}

	TimeToProduction timeToProduction(Integer year) {
		Stage[] stages = Stage.values();
		Map<Stage, List<Integer>> perStage = new EnumMap<>(Stage.class);
		List<Integer> totals = new ArrayList<>();
		int projects = 0;
		for (LocalDate[] dates : milestones(stages).values()) {
			LocalDate production = dates[Stage.PRODUCTION.ordinal()];
			if (production == null || (year != null && production.getYear() != year)) {
				continue;
			}
			projects++;
			for (int i = 0; i + 1 < stages.length; i++) {
				if (dates[i] != null && dates[i + 1] != null) {
					perStage.computeIfAbsent(stages[i], k -> new ArrayList<>())
						.add((int) (dates[i + 1].toEpochDay() - dates[i].toEpochDay()));
				}
			}
			if (dates[0] != null) {
				totals.add((int) (production.toEpochDay() - dates[0].toEpochDay()));
			}
		}
		List<TimeToProduction.StageStats> result = new ArrayList<>();
		for (int i = 0; i + 1 < stages.length; i++) {
			DurationStats stats = DurationStats
				.of(perStage.getOrDefault(stages[i], List.of()).stream().mapToInt(Integer::intValue).toArray());
			result.add(new TimeToProduction.StageStats(stages[i], stats.projects(), stats.medianDays(), stats.p90Days()));
		}
		return new TimeToProduction(projects, result,
				DurationStats.of(totals.stream().mapToInt(Integer::intValue).toArray()));
	}

}
