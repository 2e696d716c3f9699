package com.investtrack.approval;

import java.time.Instant;
import java.time.LocalDate;

import com.investtrack.common.Stage;

/**
 * An officer's request to enter a stage that needs approval, and the manager's decision
 * on it.
 */
public record ApprovalRequest(long id, long projectId, String taskId, Stage to, LocalDate effectiveOn,
		String requestedBy, Instant requestedAt, String requestComment, ApprovalStatus status, String decidedBy,
		Instant decidedAt, String decisionComment) {
}
