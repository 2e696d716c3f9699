package com.investtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * Login throttling: repeated wrong passwords lock the username (and, in greater number,
 * the address) for a while; attempts during the lock are refused without checking the
 * password, on the form and on HTTP Basic alike; every failed login is in the audit
 * trail.
 */
class LoginThrottleApiTest extends ApiTestBase {

	private static final String ADDRESS = "203.0.113.7";

	@Autowired
	LoginThrottle throttle;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AppUserDetailsService userDetails;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SecurityAudit securityAudit;

	@AfterEach
	void forgetTheFailuresOfThisTest() {
		jdbc.sql("DELETE FROM login_attempt WHERE attempt_key LIKE 'u:lt%' OR attempt_key LIKE 'a:203.0.113.%'")
			.update();
	}

	@Test
	void fiveWrongPasswordsLockTheUsernameEvenAgainstTheRightPassword() throws Exception {
		String user = user();
		for (int i = 0; i < 5; i++) {
			assertThat(basic(user, "wrong password " + i).status()).isEqualTo(401);
		}
		Response refused = basic(user, TestData.PASSWORD);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body().get("error").asText()).isEqualTo("too_many_attempts");
		assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 15 * 60L);

		var form = mvc
			.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password(TestData.PASSWORD))
			.andReturn();
		assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/login?locked");

		List<String> failures = jdbc
			.sql("SELECT details FROM audit_entry WHERE actor = ? AND action = 'LOGIN_FAILED' ORDER BY seq")
			.param(user)
			.query(String.class)
			.list();
		assertThat(failures).as("the five wrong passwords, not the refused attempts").hasSize(5);
		assertThat(failures.get(0)).contains("bad credentials");
		assertThat(failures.get(4)).contains("further attempts refused until");

		assertThat(get("officer", "/api/parks").status()).as("other users are not affected").isEqualTo(200);
	}

	@Test
	void aSuccessfulLoginForgetsTheEarlierFailures() {
		String user = user();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(basic(user, "wrong").status()).isEqualTo(401);
			}
			assertThat(basic(user, TestData.PASSWORD).status()).isEqualTo(200);
		}
	}

	@Test
	void usernamesAreCountedWhateverTheirCase() {
		String user = user();
		for (int i = 0; i < 5; i++) {
			basic(i % 2 == 0 ? user.toUpperCase() : user, "wrong");
		}
		assertThat(basic(user, TestData.PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void anAddressIsLockedAcrossUsernamesAndLocksEndAfterTheLockout() {
		var clock = new MovableClock(Instant.now());
		var strict = new LoginThrottle(jdbc, tx, clock, 3, 5, Duration.ofMinutes(15), Duration.ofMinutes(15));
		var dao = new DaoAuthenticationProvider(userDetails);
		dao.setPasswordEncoder(encoder);
		var provider = new ThrottlingAuthenticationProvider(dao, strict, securityAudit);
		String user = user();

		for (int i = 0; i < 5; i++) {
			String guess = "ltguess" + i;
			assertThatThrownBy(() -> provider.authenticate(token(guess, "wrong", ADDRESS)))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> provider.authenticate(token(user, TestData.PASSWORD, ADDRESS)))
			.as("the address is locked for every username")
			.isInstanceOf(LoginThrottledException.class);
		assertThat(provider.authenticate(token(user, TestData.PASSWORD, "203.0.113.8")).isAuthenticated())
			.as("other addresses are not")
			.isTrue();

		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> provider.authenticate(token(user, "wrong", "203.0.113.9")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> provider.authenticate(token(user, TestData.PASSWORD, "203.0.113.10")))
			.as("the username is locked from every address")
			.isInstanceOf(LoginThrottledException.class);

		clock.move(Duration.ofMinutes(16));
		Authentication later = provider.authenticate(token(user, TestData.PASSWORD, ADDRESS));
		assertThat(later.isAuthenticated()).as("both locks have ended").isTrue();
	}

	private Response basic(String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return exchange(null, HttpMethod.GET, "/api/parks", null,
				Map.of(HttpHeaders.AUTHORIZATION, "Basic " + credentials));
	}

	private static UsernamePasswordAuthenticationToken token(String user, String password, String address) {
		var token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
		token.setDetails(new WebAuthenticationDetails(address, null));
		return token;
	}

	/**
	 * A fresh officer (password "demo") whose name starts with "lt", so that its counters
	 * are removed afterwards.
	 */
	private String user() {
		String name = "lt" + AccessMatrixApiTest.uniqueName();
		jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) VALUES (?, ?, ?, "
				+ "TRUE, ?)")
			.params(name, "Throttle test", TestData.demoHash(), Timestamp.from(Instant.now()))
			.update();
		jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, 'OFFICER')").param(name).update();
		return name;
	}

	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
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

}
