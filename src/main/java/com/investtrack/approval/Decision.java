package com.investtrack.approval;

/**
 * A manager's answer to a task: approve or reject a request, or acknowledge a
 * stalled-project review.
 */
public enum Decision {

	APPROVE, REJECT, ACKNOWLEDGE

}
