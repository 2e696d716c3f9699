package com.investtrack.ledger;

/**
 * A cell that cannot be read: the message key (ledger.error.*) and the value as typed.
 */
final class CellError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String key;

	private final String value;

	CellError(String key, String value) {
		super(key + ": " + value, null, false, false);
		this.key = key;
		this.value = value;
	}

	String key() {
		return key;
	}

	String value() {
		return value;
	}

}
