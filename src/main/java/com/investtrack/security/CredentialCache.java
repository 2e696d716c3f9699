package com.investtrack.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Successful password checks, remembered for a short while so that a script calling the API with HTTP Basic pays for
 * BCrypt once a minute instead of on every request. Keys are SHA-256 digests of user and password, never the password
 * itself; a user's entries go as soon as their password, roles or enabled flag change.
 */
@Component
class CredentialCache {

	static final Duration TTL = Duration.ofSeconds(60);

	private static final int MAX_ENTRIES = 10_000;

	private record Entry(UserDetails user, Instant expires) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	CredentialCache(Clock clock) {
		this.clock = clock;
	}

	/** The user whose password check with exactly these credentials succeeded less than {@link #TTL} ago, if any. */
	UserDetails find(String username, String password) {
		String key = key(username, password);
		Entry entry = entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!entry.expires().isAfter(clock.instant())) {
			entries.remove(key, entry);
			return null;
		}
		return entry.user();
	}

	void remember(String username, String password, UserDetails user) {
		if (entries.size() >= MAX_ENTRIES) {
			Instant now = clock.instant();
			entries.values().removeIf(e -> !e.expires().isAfter(now));
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
		}
		entries.put(key(username, password), new Entry(user, clock.instant().plus(TTL)));
	}

	/**
	 * Forgets every remembered check of this user: called whenever the user's account changes. Inside a transaction it
	 * forgets again after the commit, so that a check made against the old row in between is not kept either.
	 */
	void evict(String username) {
		entries.values().removeIf(e -> e.user().getUsername().equals(username));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					entries.values().removeIf(e -> e.user().getUsername().equals(username));
				}
			});
		}
	}

	private static String key(String username, String password) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(username.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
