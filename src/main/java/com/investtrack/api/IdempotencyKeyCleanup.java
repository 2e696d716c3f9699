package com.investtrack.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys once no client can still be retrying with them
 * ({@code app.idempotency.key-ttl}, a day by default). Every node runs it; the deletes
 * are idempotent, so they need no coordination.
 */
@Component
class IdempotencyKeyCleanup {

	private static final int BATCH = 1000;

	private static final int MAX_BATCHES = 100;

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

	private final IdempotencyKeys keys;

	private final Duration ttl;

	private final Clock clock;

	IdempotencyKeyCleanup(IdempotencyKeys keys, @Value("${app.idempotency.key-ttl:24h}") Duration ttl, Clock clock) {
		this.keys = keys;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${app.idempotency.cleanup-interval:10m}",
			fixedDelayString = "${app.idempotency.cleanup-interval:10m}")
	void deleteExpired() {
		try {
			deleteCreatedBefore(Instant.now(clock).minus(ttl));
		}
		catch (DataAccessException ex) {
			log.warn("Could not delete expired idempotency keys, will try again: {}", ex.getMessage());
		}
	}

	/**
	 * Deletes in small batches, so that the clean-up never holds many row locks at once;
	 * returns how many went.
	 */
	int deleteCreatedBefore(Instant cutoff) {
		int total = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			int deleted = keys.deleteCreatedBefore(cutoff, BATCH);
			total += deleted;
			if (deleted < BATCH) {
				break;
			}
		}
		if (total > 0) {
			log.info("Deleted {} idempotency keys older than {}", total, ttl);
		}
		return total;
	}

}
