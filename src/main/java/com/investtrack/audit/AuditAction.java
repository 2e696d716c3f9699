package com.investtrack.audit;

/** Every kind of event the trail records. */
public enum AuditAction {

	PROJECT_CREATED, PROJECT_EDITED, PROJECT_REASSIGNED, MILESTONE_RECORDED, APPROVAL_REQUESTED, APPROVED, REJECTED,
	PROJECT_DROPPED,
	/**
	 * Written by the threshold timers of the first model versions; kept so that their
	 * trail entries still read.
	 */
	STAGE_YELLOW,
	/**
	 * Written by the threshold timers of the first model versions; kept so that their
	 * trail entries still read.
	 */
	STAGE_RED, STALL_REVIEWED, THRESHOLD_CHANGED, USER_CREATED, USER_ROLES_CHANGED, USER_DISABLED, USER_ENABLED,
	PASSWORD_RESET, PARK_CREATED, PARK_CHANGED, LOGIN_FAILED, ACCESS_DENIED, PLAN_REVISED, REVIEW_OPENED, REVIEW_CLOSED,
	CALENDAR_CHANGED, PROGRESS_RECORDED, NOTICE_ISSUED, NOTICE_REPLIED, NOTICE_ESCALATED, NOTICE_CLOSED,
	NOTICE_REOPENED, EVIDENCE_ADDED,
	/** An administrator switched a stage's evidence rule on or off. */
	EVIDENCE_RULE_CHANGED,
	/**
	 * A confirmed import of the Excel ledger: file name, SHA-256 and counts (each project
	 * change has its own).
	 */
	LEDGER_IMPORTED,
	/**
	 * Fulfilment (履约): funds in place of a month, tax of a year, the capacity date, a
	 * park's minimums.
	 */
	FUNDS_RECORDED, TAX_RECORDED, CAPACITY_RECORDED, PARK_MINIMUMS_CHANGED,
	/**
	 * The year's targets (the city's or a park's) and a monthly bulletin frozen with its
	 * SHA-256.
	 */
	TARGETS_SET, BULLETIN_PUBLISHED

}
