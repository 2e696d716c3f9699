package com.investtrack.project;

/** Traffic light of the current stage against its yellow and red thresholds. */
public enum Health {

	GREEN, YELLOW, RED

}
