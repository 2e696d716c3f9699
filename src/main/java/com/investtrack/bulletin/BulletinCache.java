package com.investtrack.bulletin;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import com.investtrack.audit.AuditVersionedCache;

/**
 * Bulletin pages answered again without recomputing them while nothing they read has
 * changed, as the report module's cache answers reports: every write to what a bulletin
 * reads (milestones, plans, funds, notices, targets, thresholds, the calendar) is
 * audited, so the audit chain's head is its version (see {@link AuditVersionedCache}).
 * What does not come from the data (today, on which the lights and the current month's
 * bulletin depend, and the reader's language of the red projects' reasons) is part of the
 * caller's key.
 * <p>
 * Only the bounded page is kept: a whole bulletin runs to megabytes at 100,000 projects.
 * Hits and misses are counted ({@value #METRIC}).
 */
@Component
class BulletinCache {

	static final String METRIC = "investtrack.bulletin.cache";

	/**
	 * Pages (period, language, day) kept per data version; more are computed but not
	 * kept. A page holds a few hundred list entries, so this bounds the cache at a few
	 * megabytes.
	 */
	static final int MAX_ENTRIES = 64;

	private final AuditVersionedCache cache;

	BulletinCache(JdbcClient jdbc, MeterRegistry registry) {
		this.cache = new AuditVersionedCache(jdbc, registry, METRIC,
				"Bulletin pages answered from the cache (hit) or computed (miss)", MAX_ENTRIES);
	}

	<T> T get(List<?> key, Supplier<T> compute) {
		return cache.get(key, compute);
	}

}
