package com.investtrack.operations;

/**
 * How a step (a write through the API or a page's form) ended; a tag of the steps metric.
 */
public enum StepOutcome {

	/** Done (2xx, or a page's redirect after an accepted form). */
	OK,
	/** Refused for its input (400, 413, 415, 422, a form with errors). */
	INVALID,
	/** Refused for the caller's rights (401, 403). */
	FORBIDDEN,
	/** What it was about does not exist (404). */
	NOT_FOUND,
	/** The state does not allow it, or moved on under it (409). */
	CONFLICT,
	/** The database was unreachable or the step kept losing lock conflicts (503). */
	UNAVAILABLE,
	/** Anything else: a bug (500). */
	ERROR;

	/** The outcome an answer's status tells. */
	static StepOutcome ofStatus(int status) {
		if (status < 400) {
			return OK;
		}
		return switch (status) {
			case 401, 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 409 -> CONFLICT;
			case 503 -> UNAVAILABLE;
			default -> status >= 500 ? ERROR : INVALID;
		};
	}

	String tag() {
		return name().toLowerCase();
	}

}
