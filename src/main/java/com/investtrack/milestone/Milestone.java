package com.investtrack.milestone;

import java.time.Instant;
import java.time.LocalDate;

import com.investtrack.common.Stage;

/**
 * A stage reached: when it really happened (effectiveOn), and when and by whom it was
 * entered.
 */
public record Milestone(long id, long projectId, Stage stage, LocalDate effectiveOn, Instant enteredAt,
		String enteredBy, String approvedBy, String comment) {
}
