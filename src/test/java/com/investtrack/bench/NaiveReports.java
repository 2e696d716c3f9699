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

import com.investtrack.calendar.DayUnit;
import com.investtrack.calendar.WorkingDays;
import com.investtrack.common.Stage;
import com.investtrack.report.DurationStats;
import com.investtrack.report.TimeToProduction;

/**
 * The duration reports computed the naive way, from Camunda's history alone: a
 * milestone's date is the start of the activity instance that recorded it (the process's
 * start event for negotiation, the "Record ..." service task for every later stage), read
 * through {@link HistoryService} on every call. This is the baseline of the report
 * benchmark and the check on the product's own figures. It agrees with the milestone
 * table where the engine ran each step on its effective date, which is how the data
 * generator writes history; in live use the effective date is entered later than the step
 * runs, which is why the product keeps its own milestone table. Working days are counted
 * day by day in Java through {@link WorkingDays}, against the product's counts in SQL.
 */
final class NaiveReports {

	private final HistoryService history;

	private final ZoneId zone;

	private final Set<String> onlyInstances;

	private final WorkingDays workingDays;

	/** {@code onlyInstances}: restrict to these process instances, or null for all. */
	NaiveReports(HistoryService history, ZoneId zone, Set<String> onlyInstances, WorkingDays workingDays) {
		this.history = history;
		this.zone = zone;
		this.onlyInstances = onlyInstances;
		this.workingDays = workingDays;
	}

	static String recordingActivity(Stage stage) {
		return stage == Stage.NEGOTIATION ? "NegotiationStarted" : "RecordMilestone_" + stage.name();
	}

	/**
	 * Milestone dates per process instance, indexed by stage, as the history tells them.
	 */
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

	/** Durations between pairs of dates, in both units. */
	private final class Spans {

		private final List<Integer> days = new ArrayList<>();

		private final List<Integer> working = new ArrayList<>();

		void add(LocalDate start, LocalDate end) {
			days.add((int) workingDays.between(DayUnit.CALENDAR_DAYS, start, end));
			working.add((int) workingDays.between(DayUnit.WORKING_DAYS, start, end));
		}

		DurationStats stats() {
			return DurationStats.of(days.stream().mapToInt(Integer::intValue).toArray(),
					working.stream().mapToInt(Integer::intValue).toArray());
		}

	}

	DurationStats durations(Stage from, Stage to, Integer year) {
		Spans spans = new Spans();
		for (LocalDate[] dates : milestones(from, to).values()) {
			LocalDate start = dates[from.ordinal()];
			LocalDate end = dates[to.ordinal()];
			if (start != null && end != null && (year == null || end.getYear() == year)) {
				spans.add(start, end);
			}
		}
		return spans.stats();
	}

	TimeToProduction timeToProduction(Integer year) {
		Stage[] stages = Stage.values();
		Map<Stage, Spans> perStage = new EnumMap<>(Stage.class);
		Spans totals = new Spans();
		int projects = 0;
		for (LocalDate[] dates : milestones(stages).values()) {
			LocalDate production = dates[Stage.PRODUCTION.ordinal()];
			if (production == null || (year != null && production.getYear() != year)) {
				continue;
			}
			projects++;
			for (int i = 0; i + 1 < stages.length; i++) {
				if (dates[i] != null && dates[i + 1] != null) {
					perStage.computeIfAbsent(stages[i], k -> new Spans()).add(dates[i], dates[i + 1]);
				}
			}
			if (dates[0] != null) {
				totals.add(dates[0], production);
			}
		}
		List<TimeToProduction.StageStats> result = new ArrayList<>();
		for (int i = 0; i + 1 < stages.length; i++) {
			Spans spans = perStage.getOrDefault(stages[i], new Spans());
			result.add(TimeToProduction.StageStats.of(stages[i], spans.stats()));
		}
		return new TimeToProduction(projects, result, totals.stats());
	}

}
