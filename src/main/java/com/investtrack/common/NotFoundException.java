package com.investtrack.common;

/** The addressed project, task or user does not exist; answered 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
