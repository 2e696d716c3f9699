package com.investtrack.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.project.Outcome;

/**
 * A project's path drawn to scale: each stage reached before production is a bar whose
 * width is its share of the days from the first talk to the last milestone (or to today,
 * for the stage still running). Production has no end, so it is a marker, not a bar. A
 * stage that took zero days still gets a visible sliver.
 */
record Timeline(List<Segment> segments, long drawnDays, boolean production) {

	/**
	 * Narrowest bar, in percent of the timeline, so a same-day stage can still be seen.
	 */
	static final double MIN_WIDTH = 0.8;

	/**
	 * One stage: reached or not, its dates, its days, and where its bar starts and how
	 * wide it is (percent of the timeline; zero for stages not reached and for
	 * production).
	 */
	record Segment(Stage stage, boolean reached, boolean current, LocalDate enteredOn, LocalDate leftOn, long days,
			double x, double width) {

		public boolean drawn() {
			return width > 0;
		}

	}

	static Timeline of(ProjectView project) {
		Map<Stage, ProjectView.StageSpan> spans = new EnumMap<>(Stage.class);
		project.stages().forEach(s -> spans.put(s.stage(), s));
		List<ProjectView.StageSpan> drawn = project.stages()
			.stream()
			.filter(s -> s.stage() != Stage.PRODUCTION)
			.toList();
		long total = drawn.stream().mapToLong(ProjectView.StageSpan::days).sum();
		double[] widths = new double[drawn.size()];
		double small = 0;
		double rest = 0;
		for (int i = 0; i < widths.length; i++) {
			double share = total == 0 ? 100.0 / widths.length : 100.0 * drawn.get(i).days() / total;
			widths[i] = share;
			if (share < MIN_WIDTH) {
				small += MIN_WIDTH;
			}
			else {
				rest += share;
			}
		}
		for (int i = 0; i < widths.length; i++) {
			// slivers take their minimum, the other bars share what is left in proportion
			widths[i] = widths[i] < MIN_WIDTH ? MIN_WIDTH : rest == 0 ? widths[i] : widths[i] * (100 - small) / rest;
		}
		List<Segment> segments = new ArrayList<>();
		double x = 0;
		int bar = 0;
		boolean active = project.outcome() == Outcome.ACTIVE;
		for (Stage stage : Stage.values()) {
			ProjectView.StageSpan span = spans.get(stage);
			if (span == null) {
				segments.add(new Segment(stage, false, false, null, null, 0, 0, 0));
				continue;
			}
			boolean current = stage == project.stage() && span.leftOn() == null;
			double width = stage == Stage.PRODUCTION ? 0 : round(widths[bar++]);
			segments.add(new Segment(stage, true, current && (active || stage == Stage.PRODUCTION), span.enteredOn(),
					span.leftOn(), span.days(), round(x), width));
			x += width;
		}
		return new Timeline(segments, total, spans.containsKey(Stage.PRODUCTION));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
