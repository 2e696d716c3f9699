package com.investtrack.api;

import java.time.Instant;
import java.time.LocalDate;

import com.investtrack.audit.AuditEntry;

/** One step of a project's history, as the API shows it. */
record HistoryEntry(Instant at, LocalDate effectiveOn, String actor, String action, String fromStage, String toStage,
		String decision, String comment, String details) {

	static HistoryEntry of(AuditEntry e) {
		return new HistoryEntry(e.at(), e.effectiveOn(), e.actor(), e.action(), e.fromStage(), e.toStage(),
				e.decision(), e.comment(), e.details());
	}

}
