package com.investtrack.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks username and password (form and HTTP Basic alike) behind the login throttle: a locked username or address is
 * refused before the slow password hash is computed; every failed check is counted and audited.
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
		Optional<Instant> locked = throttle.lockedUntil(username, address);
		if (locked.isPresent()) {
			throw new LoginThrottledException(locked.get());
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.succeeded(username);
			return result;
		}
		catch (BadCredentialsException | AccountStatusException ex) {
			var lock = throttle.failed(username, address);
			audit.loginFailed(username, address,
					ex instanceof AccountStatusException ? "account disabled" : "bad credentials", lock.orElse(null));
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
