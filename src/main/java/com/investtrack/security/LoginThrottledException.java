package com.investtrack.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused without checking the password, because the username or the address
 * failed too often.
 */
class LoginThrottledException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final transient Instant until;

	LoginThrottledException(Instant until) {
		super("Too many failed logins; try again later");
		this.until = until;
	}

	Instant until() {
		return until;
	}

}
