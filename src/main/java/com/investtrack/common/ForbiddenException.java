package com.investtrack.common;

/**
 * The caller is authenticated but may not do this (role, ownership or four-eyes);
 * answered 403.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
