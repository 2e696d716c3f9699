package com.investtrack.audit;

import java.time.LocalDate;

import com.investtrack.common.Stage;

/** What is about to be appended; the trail adds sequence, time and hashes. */
public record AuditEvent(String actor, AuditAction action, Long projectId, Stage fromStage, Stage toStage,
		LocalDate effectiveOn, String decision, String comment, String details) {

	public static AuditEvent of(String actor, AuditAction action, Long projectId) {
		return new AuditEvent(actor, action, projectId, null, null, null, null, null, null);
	}

	public AuditEvent stages(Stage from, Stage to) {
		return new AuditEvent(actor, action, projectId, from, to, effectiveOn, decision, comment, details);
	}

	public AuditEvent effectiveOn(LocalDate on) {
		return new AuditEvent(actor, action, projectId, fromStage, toStage, on, decision, comment, details);
	}

	public AuditEvent decision(String value) {
		return new AuditEvent(actor, action, projectId, fromStage, toStage, effectiveOn, value, comment, details);
	}

	public AuditEvent comment(String value) {
		return new AuditEvent(actor, action, projectId, fromStage, toStage, effectiveOn, decision, value, details);
	}

	public AuditEvent details(String value) {
		return new AuditEvent(actor, action, projectId, fromStage, toStage, effectiveOn, decision, comment, value);
	}

}
