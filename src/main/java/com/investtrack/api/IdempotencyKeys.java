package com.investtrack.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.common.ConflictException;

/**
 * The answers given to writes sent with an Idempotency-Key. Every method runs in the
 * write's own transaction: the key is claimed first, so that a concurrent request with
 * the same key waits on the row (or fails on it) instead of doing the write a second
 * time, and the answer is stored before the write commits.
 */
@Repository
class IdempotencyKeys {

	/**
	 * A stored first answer; the request hash tells a true retry from a different request
	 * reusing the key.
	 */
	record StoredAnswer(String requestHash, int status, String location, String body) {
	}

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the key for this transaction, or returns the answer stored under it. A row
	 * inserted by a transaction still running elsewhere is answered 409: the client
	 * retries and then finds the answer.
	 */
	Optional<StoredAnswer> claim(String username, String key, String method, String path, String requestHash,
			Instant now) {
		try {
			jdbc.sql("""
					INSERT INTO idempotency_key (username, idem_key, method, path, request_hash, status, created_at)
					VALUES (?, ?, ?, ?, ?, 0, ?)""")
				.params(username, key, method, path, requestHash, Timestamp.from(now))
				.update();
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			return Optional.of(find(username, key).orElseThrow(() -> new ConflictException(
					"A request with this Idempotency-Key is still being processed; retry in a moment")));
		}
	}

	void complete(String username, String key, int status, String location, String body) {
		jdbc.sql("UPDATE idempotency_key SET status = ?, location = ?, response_body = ? WHERE username = ? AND "
				+ "idem_key = ?")
			.params(status, location, body, username, key)
			.update();
	}

	Optional<StoredAnswer> find(String username, String key) {
		return jdbc.sql("""
				SELECT request_hash, status, location, response_body FROM idempotency_key
				WHERE username = ? AND idem_key = ? AND status > 0""")
			.params(username, key)
			.query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/**
	 * Deletes up to {@code limit} keys created before {@code cutoff}; returns how many
	 * went.
	 */
	int deleteCreatedBefore(Instant cutoff, int limit) {
		return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ? LIMIT ?")
			.params(Timestamp.from(cutoff), limit)
			.update();
	}

}
