package com.investtrack.project;

import com.investtrack.common.Stage;

/** Criteria of the project list; null means "any". */
public record ProjectFilter(Stage stage, String parkCode, String industryCode, String officer, Health health,
		AssetModel assetModel, Outcome outcome, String text, String leader, KeyLevel keyLevel, ProjectType projectType,
		Channel channel) {

	public static ProjectFilter none() {
		return new ProjectFilter(null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
