package com.investtrack.report;

import java.util.List;

import com.investtrack.common.Stage;

/** For projects that reached production: how long each stage took, and the whole way from negotiation. */
public record TimeToProduction(int projects, List<StageStats> stages, DurationStats total) {

	public record StageStats(Stage stage, int projects, Double medianDays, Double p90Days) {
	}

}
