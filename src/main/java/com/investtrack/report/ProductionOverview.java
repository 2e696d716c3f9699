package com.investtrack.report;

import java.util.Map;

import com.investtrack.project.AssetModel;

/**
 * Time to production under one filter: overall, per group of each breakdown, and per park
 * for each asset model (the dashboard's heavy and light medians). Groups in key order; a
 * breakdown or asset model without projects maps to no groups.
 */
public record ProductionOverview(TimeToProduction overall, Map<Breakdown, Map<String, TimeToProduction>> breakdowns,
		Map<AssetModel, Map<String, TimeToProduction>> parksByAssetModel) {

	public ProductionOverview {
		breakdowns = Map.copyOf(breakdowns);
		parksByAssetModel = Map.copyOf(parksByAssetModel);
	}

	/** The groups of one breakdown. */
	public Map<String, TimeToProduction> by(Breakdown breakdown) {
		return breakdowns.get(breakdown);
	}

	/** Each park's figures over its projects of one asset model. */
	public Map<String, TimeToProduction> parks(AssetModel assetModel) {
		return parksByAssetModel.get(assetModel);
	}

}
