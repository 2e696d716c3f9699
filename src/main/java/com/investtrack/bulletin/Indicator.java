package com.investtrack.bulletin;

/** The bulletin's indicators, in the order it lists them. */
public enum Indicator {

	/**
	 * Signings in the period of projects whose contracted investment is at least
	 * majorProjectWan.
	 */
	SIGNED_PROJECTS,
	/** The contracted investment of those signings (万元). */
	CONTRACTED_INVESTMENT_WAN,
	/** Construction milestones in the period. */
	STARTED_PROJECTS,
	/** Production milestones in the period. */
	PRODUCTION_PROJECTS,
	/** Funds in place recorded for the period's months (万元). */
	FUNDS_IN_PLACE_WAN

}
