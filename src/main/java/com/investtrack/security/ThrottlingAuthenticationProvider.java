package com.investtrack.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks username and password (form and HTTP Basic alike) behind the login throttle: a
 * locked username or address is refused before the slow password hash is computed; every
 * wrong password is counted, every failed login audited.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final SecurityAudit audit;

	ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, SecurityAudit audit) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
				: null;
		LoginThrottle.Status status = throttle.status(username, address);
		if (status.lockedUntil().isPresent()) {
			throw new LoginThrottledException(status.lockedUntil().get());
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			if (status.userHasFailures()) {
				throttle.succeeded(username);
			}
			return result;
		}
		catch (BadCredentialsException ex) {
			audit.loginFailed(username, address, "bad credentials", throttle.failed(username, address).orElse(null));
			throw ex;
		}
		catch (AccountStatusException ex) {
			// the password was right (status is checked after it), so this is no guessing
			// and is not counted
			audit.loginFailed(username, address, "account disabled", null);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
