package com.investtrack.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password authentication for the form login and HTTP Basic: the usual user-details and BCrypt check,
 * skipped when the same credentials passed it within the last minute (see {@link CredentialCache}). Failed checks are
 * never remembered, so a wrong password always costs a full BCrypt.
 */
@Component
class CachingAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider delegate;

	private final CredentialCache cache;

	CachingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, CredentialCache cache) {
		this.delegate = new DaoAuthenticationProvider(users);
		this.delegate.setPasswordEncoder(encoder);
		this.cache = cache;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || !(credentials instanceof String password)) {
			return delegate.authenticate(authentication);
		}
		UserDetails known = cache.find(username, password);
		if (known != null) {
			var result = UsernamePasswordAuthenticationToken.authenticated(known, null, known.getAuthorities());
			result.setDetails(authentication.getDetails());
			return result;
		}
		Authentication result = delegate.authenticate(authentication);
		if (result != null && result.getPrincipal() instanceof UserDetails user) {
			cache.remember(username, password, user);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return delegate.supports(authentication);
	}

}
