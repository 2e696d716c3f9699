package com.investtrack.report;

import java.util.List;

import com.investtrack.common.Stage;

/**
 * For projects that reached production: how long each stage took, and the whole way from
 * negotiation, in calendar and in working days.
 */
public record TimeToProduction(int projects, List<StageStats> stages, DurationStats total) {

	public record StageStats(Stage stage, int projects, Double medianDays, Double p90Days, Double medianWorkingDays,
			Double p90WorkingDays) {

		public static StageStats of(Stage stage, DurationStats stats) {
			return new StageStats(stage, stats.projects(), stats.medianDays(), stats.p90Days(),
					stats.medianWorkingDays(), stats.p90WorkingDays());
		}

	}

}
