package com.investtrack.review;

/**
 * OPEN: waiting in the managers' inbox. ACKNOWLEDGED: a manager looked at it; no new
 * review opens until the project has been out of the red. CLOSED: the project was seen
 * out of the red.
 */
enum ReviewStatus {

	OPEN, ACKNOWLEDGED, CLOSED

}
