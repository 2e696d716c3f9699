package com.investtrack.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password login that pays for BCrypt once per user and password every few minutes
 * instead of on every request. HTTP Basic sends the password with each API call and one
 * BCrypt check costs about 60 ms of CPU, which would cap a node at a few dozen calls a
 * second. After a successful BCrypt check this provider remembers a keyed hash (HMAC with
 * a per-process random key) of the user name, the password and the stored password hash
 * for {@code app.security.credentials-cache-ttl}. The user is still loaded on every
 * request, so disabling a user or changing their roles takes effect at once on every
 * node, and changing the password (a new stored hash) makes the remembered entry useless.
 * Nothing is shared between nodes, so a cluster needs no invalidation.
 */
@Component
class CachedCredentialsAuthenticationProvider implements AuthenticationProvider {

	private static final int MAX_ENTRIES = 10_000;

	private final UserDetailsService users;

	private final DaoAuthenticationProvider bcrypt;

	private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	private final Duration ttl;

	private final Clock clock;

	CachedCredentialsAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords,
			@Value("${app.security.credentials-cache-ttl:5m}") Duration ttl, Clock clock) {
		this.users = users;
		this.bcrypt = new DaoAuthenticationProvider(users);
		this.bcrypt.setPasswordEncoder(passwords);
		// the account's status is checked after the password, so a wrong password gets
		// the same answer whether or not
		// the account is disabled
		this.bcrypt.setPreAuthenticationChecks(user -> {
		});
		this.bcrypt.setPostAuthenticationChecks(accountStatus);
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (!(authentication.getCredentials() instanceof String password) || ttl.isZero()) {
			return bcrypt.authenticate(authentication);
		}
		String username = authentication.getName();
		UserDetails user;
		try {
			user = users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			// the BCrypt provider answers unknown users in the same time as wrong
			// passwords
			return bcrypt.authenticate(authentication);
		}
		catch (RuntimeException ex) {
			throw new InternalAuthenticationServiceException("Could not load the user", ex);
		}
		String fingerprint = fingerprint(username, password, user.getPassword());
		Instant now = Instant.now(clock);
		Instant expiry = verified.get(fingerprint);
		if (expiry != null && expiry.isAfter(now)) {
			accountStatus.check(user);
			var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
			result.setDetails(authentication.getDetails());
			return result;
		}
		Authentication result = bcrypt.authenticate(authentication);
		remember(fingerprint, now);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private void remember(String fingerprint, Instant now) {
		if (verified.size() >= MAX_ENTRIES) {
			verified.values().removeIf(expiry -> !expiry.isAfter(now));
			if (verified.size() >= MAX_ENTRIES) {
				verified.clear();
			}
		}
		verified.put(fingerprint, now.plus(ttl));
	}

	private String fingerprint(String username, String password, String storedHash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			for (String part : new String[] { username, password, storedHash }) {
				mac.update(part.getBytes(StandardCharsets.UTF_8));
				mac.update((byte) 0);
			}
			return Base64.getEncoder().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
