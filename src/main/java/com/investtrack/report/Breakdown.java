package com.investtrack.report;

/**
 * What a time-to-production report is grouped by; YEAR is the year production started.
 */
public enum Breakdown {

	PARK, INDUSTRY, ASSET_MODEL, YEAR

}
