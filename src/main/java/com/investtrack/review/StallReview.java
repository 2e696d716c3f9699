package com.investtrack.review;

import java.time.Instant;

/**
 * One review of a red project: why it was opened, who acknowledged it and when it closed.
 */
record StallReview(long id, long projectId, ReviewStatus status, String processInstanceId, String reason,
		Instant openedAt, Instant acknowledgedAt, String acknowledgedBy, String comment, Instant closedAt) {
}
