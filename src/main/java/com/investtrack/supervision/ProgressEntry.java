package com.investtrack.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated entry of a project's progress log (周调度): what moved, what blocks it, what
 * comes next.
 */
public record ProgressEntry(long id, long projectId, LocalDate on, String progress, String problems, String nextSteps,
		String recordedBy, Instant recordedAt) {

	/** What a caller writes; {@code problems} and {@code nextSteps} may be null. */
	public record New(LocalDate on, String progress, String problems, String nextSteps) {
	}

}
