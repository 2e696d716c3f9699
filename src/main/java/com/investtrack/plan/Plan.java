package com.investtrack.plan;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import com.investtrack.common.Stage;

/**
 * A project's agreed dates per milestone still to come or already reached, the baseline
 * (the first date ever agreed for each) and the day of its latest progress entry.
 */
public record Plan(Map<Stage, LocalDate> agreed, Map<Stage, LocalDate> baseline, LocalDate lastProgressOn) {

	public static final Plan NONE = new Plan(Map.of(), Map.of(), null);

	public Plan {
		agreed = Collections.unmodifiableMap(copy(agreed));
		baseline = Collections.unmodifiableMap(copy(baseline));
	}

	/** The agreed date of a milestone, or null. */
	public LocalDate agreedFor(Stage stage) {
		return agreed.get(stage);
	}

	private static Map<Stage, LocalDate> copy(Map<Stage, LocalDate> dates) {
		Map<Stage, LocalDate> copy = new EnumMap<>(Stage.class);
		dates.forEach((stage, date) -> {
			if (date != null) {
				copy.put(stage, date);
			}
		});
		return copy;
	}

}
