package com.investtrack.approval;

import java.time.Instant;
import java.time.LocalDate;

import com.investtrack.common.Stage;

/**
 * One task waiting for the caller, with what they need to act on it without opening the
 * project.
 */
public record InboxItem(String taskId, TaskKind kind, String name, Instant createdAt, long projectId,
		String projectCode, String projectName, String officer, Stage stage, LocalDate stageEnteredOn, Stage to,
		LocalDate effectiveOn, String requestedBy, String requestComment, boolean canDecide) {
}
