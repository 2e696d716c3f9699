package com.investtrack.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One supervision notice (督办单) with its reply and how it was closed. */
public record Notice(long id, long projectId, String owner, LocalDate deadline, String text, NoticeLevel level,
		NoticeStatus status, String issuedBy, Instant issuedAt, String reply, Instant repliedAt, String closedBy,
		Instant closedAt, String comment) {

	/** A filter of the notice list; null fields do not filter. */
	public record Filter(NoticeStatus status, NoticeLevel level, String owner, Long projectId) {
	}

}
