package com.investtrack.project;

/** Where a project ended up: still moving, producing, or dropped before construction. */
public enum Outcome {

	ACTIVE, IN_PRODUCTION, DROPPED

}
