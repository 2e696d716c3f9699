package com.investtrack.audit;

import java.time.Instant;
import java.time.LocalDate;

/** One stored entry of the trail. */
public record AuditEntry(long seq, Instant at, String actor, String action, Long projectId, String fromStage,
		String toStage, LocalDate effectiveOn, String decision, String comment, String details, String prevHash,
		String hash) {

	/**
	 * The entry's content in one unambiguous form: what the hash covers besides the
	 * previous hash.
	 */
	String canonical() {
		return String.join("\u001f", String.valueOf(seq), String.valueOf(at.toEpochMilli()), actor, action,
				str(projectId), str(fromStage), str(toStage), str(effectiveOn), str(decision), str(comment),
				str(details));
	}

	private static String str(Object value) {
		return value == null ? "\u0000" : value.toString();
	}

}
