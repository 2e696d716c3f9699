package com.investtrack.report;

import com.investtrack.project.AssetModel;

/**
 * Which projects a report covers; null means any. The year is the year the report's end
 * milestone was reached.
 */
public record ReportFilter(String parkCode, String industryCode, AssetModel assetModel, Integer year) {

	public static ReportFilter none() {
		return new ReportFilter(null, null, null, null);
	}

}
