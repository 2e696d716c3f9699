package com.investtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * BCrypt once per user and password, yet every change to the user takes effect at the
 * next request.
 */
class CachedCredentialsAuthenticationProviderTest {

	/** The real BCrypt, counting how often it is asked to check a password. */
	private static final class CountingBcrypt implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		private final AtomicInteger checks = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checks.incrementAndGet();
			return bcrypt.matches(raw, encoded);
		}

	}

	/** A clock the test moves forward. */
	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-03-01T08:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	private final CountingBcrypt bcrypt = new CountingBcrypt();

	private final MovingClock clock = new MovingClock();

	private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
			User.withUsername("officer").password(bcrypt.encode("s3cret")).roles("OFFICER").build());

	private final CachedCredentialsAuthenticationProvider provider = new CachedCredentialsAuthenticationProvider(users,
			bcrypt, Duration.ofMinutes(5), clock);

	@Test
	void aCheckedPasswordIsNotCheckedWithBcryptAgainUntilTheEntryExpires() {
		for (int i = 0; i < 50; i++) {
			assertThat(login("officer", "s3cret").isAuthenticated()).isTrue();
		}
		assertThat(bcrypt.checks).hasValue(1);

		clock.now = clock.now.plus(Duration.ofMinutes(6));
		login("officer", "s3cret");
		assertThat(bcrypt.checks).hasValue(2);
	}

	@Test
	void aWrongPasswordIsAlwaysCheckedAndRefused() {
		login("officer", "s3cret");
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login("officer", "guess"));
		}
		assertThat(bcrypt.checks).hasValue(4);
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login("nobody", "s3cret"));
	}

	@Test
	void disablingTheUserTakesEffectAtOnce() {
		login("officer", "s3cret");
		users.updateUser(User.withUserDetails(users.loadUserByUsername("officer")).disabled(true).build());

		assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> login("officer", "s3cret"));
	}

	@Test
	void changedRolesAreSeenAtOnce() {
		login("officer", "s3cret");
		users.updateUser(User.withUserDetails(users.loadUserByUsername("officer")).roles("OFFICER", "MANAGER").build());

		assertThat(login("officer", "s3cret").getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_OFFICER", "ROLE_MANAGER");
		assertThat(bcrypt.checks).hasValue(1);
	}

	@Test
	void aNewPasswordRetiresTheOldOne() {
		login("officer", "s3cret");
		users.updateUser(
				User.withUserDetails(users.loadUserByUsername("officer")).password(bcrypt.encode("n3w")).build());

		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> login("officer", "s3cret"));
		assertThat(login("officer", "n3w").isAuthenticated()).isTrue();
	}

	private Authentication login(String username, String password) {
		return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
	}

}
