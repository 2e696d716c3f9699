package com.investtrack.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per username and per remote address in the shared database, so
 * every node sees the same counts. After too many failures within the window the key is
 * locked for a while and further attempts are refused before any password is checked.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final int maxFailuresPerUser;

	private final int maxFailuresPerAddress;

	private final Duration window;

	private final Duration lockout;

	LoginThrottle(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
			@Value("${app.security.login.max-failures-per-user:5}") int maxFailuresPerUser,
			@Value("${app.security.login.max-failures-per-address:50}") int maxFailuresPerAddress,
			@Value("${app.security.login.window:15m}") Duration window,
			@Value("${app.security.login.lockout:15m}") Duration lockout) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.maxFailuresPerUser = maxFailuresPerUser;
		this.maxFailuresPerAddress = maxFailuresPerAddress;
		this.window = window;
		this.lockout = lockout;
	}

	/**
	 * What the throttle knows of a login attempt before the password is checked: until
	 * when attempts for this username or from this address are refused, if they are, and
	 * whether the username has failures on record for a success to forget.
	 */
	record Status(Optional<Instant> lockedUntil, boolean userHasFailures) {
	}

	/**
	 * One primary-key read: every API call with Basic credentials passes here, so it must
	 * cost no more.
	 */
	Status status(String username, String address) {
		Instant now = now();
		String userKey = userKey(username);
		List<Object[]> rows = jdbc
			.sql("SELECT attempt_key, locked_until FROM login_attempt WHERE attempt_key IN (:keys)")
			.param("keys", keys(username, address))
			.query((rs,
					n) -> new Object[] { rs.getString(1),
							rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant() })
			.list();
		Instant locked = null;
		boolean userHasFailures = false;
		for (Object[] row : rows) {
			userHasFailures |= userKey.equals(row[0]);
			Instant until = (Instant) row[1];
			if (until != null && until.isAfter(now) && (locked == null || until.isAfter(locked))) {
				locked = until;
			}
		}
		return new Status(Optional.ofNullable(locked), userHasFailures);
	}

	/**
	 * Counts a failed attempt; answers the end of the lock this failure started, if it
	 * started one.
	 */
	Optional<Instant> failed(String username, String address) {
		return tx.execute(s -> {
			Instant now = now();
			Instant userLock = count(userKey(username), maxFailuresPerUser, now);
			Instant addressLock = address == null ? null : count(addressKey(address), maxFailuresPerAddress, now);
			jdbc.sql("DELETE FROM login_attempt WHERE window_start < :cutoff AND (locked_until IS NULL OR "
					+ "locked_until < :now)")
				.param("cutoff", Timestamp.from(now.minus(window)))
				.param("now", Timestamp.from(now))
				.update();
			return Optional.ofNullable(userLock != null ? userLock : addressLock);
		});
	}

	/**
	 * A successful login forgets the username's failures; the address's count runs on to
	 * the end of its window. Called only when there are failures to forget, so a good
	 * login writes nothing.
	 */
	void succeeded(String username) {
		jdbc.sql("DELETE FROM login_attempt WHERE attempt_key = ?").param(userKey(username)).update();
	}

	private Instant count(String key, int max, Instant now) {
		var row = jdbc
			.sql("SELECT failures, window_start, locked_until FROM login_attempt WHERE attempt_key = ? FOR UPDATE")
			.param(key)
			.query((rs,
					n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant(),
							rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant() })
			.optional();
		if (row.isEmpty()) {
			try {
				jdbc.sql("INSERT INTO login_attempt (attempt_key, failures, window_start, locked_until) VALUES (?, "
						+ "1, ?, ?)")
					.params(key, Timestamp.from(now), max <= 1 ? Timestamp.from(now.plus(lockout)) : null)
					.update();
				return max <= 1 ? now.plus(lockout) : null;
			}
			catch (DuplicateKeyException ex) {
				// another node inserted the key at the same moment: count on its row
				return count(key, max, now);
			}
		}
		int failures = (Integer) row.get()[0];
		Instant windowStart = (Instant) row.get()[1];
		Instant lockedUntil = (Instant) row.get()[2];
		boolean expired = !windowStart.plus(window).isAfter(now) || (lockedUntil != null && !lockedUntil.isAfter(now));
		if (expired) {
			failures = 0;
			windowStart = now;
			lockedUntil = null;
		}
		failures++;
		Instant newLock = null;
		if (failures >= max && lockedUntil == null) {
			newLock = now.plus(lockout);
			lockedUntil = newLock;
		}
		jdbc.sql("UPDATE login_attempt SET failures = ?, window_start = ?, locked_until = ? WHERE attempt_key = ?")
			.params(failures, Timestamp.from(windowStart), lockedUntil == null ? null : Timestamp.from(lockedUntil),
					key)
			.update();
		return newLock;
	}

	private Instant now() {
		return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private static List<String> keys(String username, String address) {
		return address == null ? List.of(userKey(username)) : List.of(userKey(username), addressKey(address));
	}

	/**
	 * Usernames are compared case-insensitively: a database collation may treat "Officer"
	 * as "officer".
	 */
	static String userKey(String username) {
		String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
		return "u:" + (name.length() > 100 ? name.substring(0, 100) : name);
	}

	static String addressKey(String address) {
		return "a:" + (address.length() > 100 ? address.substring(0, 100) : address);
	}

}
