package com.investtrack.plan;

import java.time.Instant;

/**
 * One change of a plan: who made it, when, why, and each date's old and new value
 * ("CONSTRUCTION: a -> b; ...").
 */
public record PlanRevision(long id, long projectId, Instant revisedAt, String revisedBy, String reason,
		String changes) {
}
