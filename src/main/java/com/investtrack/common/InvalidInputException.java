package com.investtrack.common;

import java.util.Map;

/** Input that cannot be accepted; answered 400 with the reason for each field. */
public class InvalidInputException extends RuntimeException {

	private final Map<String, String> fields;

	public InvalidInputException(String field, String reason) {
		this(Map.of(field, reason));
	}

	public InvalidInputException(Map<String, String> fields) {
		super("Invalid input: " + fields);
		this.fields = Map.copyOf(fields);
	}

	public Map<String, String> fields() {
		return fields;
	}

}
