package com.investtrack.common;

/**
 * The request is well-formed but the project's current state does not allow it now;
 * answered 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
