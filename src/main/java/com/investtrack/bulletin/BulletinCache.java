package com.investtrack.bulletin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bulletin pages answered again without recomputing them while nothing they read has
 * changed, as the report module's cache answers reports. Every write to the product's
 * tables (milestones, plans, funds, notices, targets, thresholds, the calendar) appends
 * to the audit trail in its own transaction, so the audit chain's head sequence is a
 * version of all the data a bulletin reads: one primary-key read tells whether a kept
 * page is still exact. The check goes to the shared database, so every node of a cluster
 * drops its pages as soon as any node commits a step. What does not come from the data
 * (today, on which the lights and the current month's bulletin depend, and the reader's
 * language of the red projects' reasons) is part of the caller's key.
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

	private record Entry(long version, Object value) {
	}

	private final JdbcClient jdbc;

	private final Map<List<?>, Entry> entries = new ConcurrentHashMap<>();

	private final Counter hits;

	private final Counter misses;

	BulletinCache(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.hits = counter(registry, "hit");
		this.misses = counter(registry, "miss");
	}

	/**
	 * The value identified by {@code key} as of the current data version. The version is
	 * read before computing, so a value kept under a version never reflects older data
	 * than that version (at worst newer, which the next version replaces).
	 */
	@SuppressWarnings("unchecked")
	<T> T get(List<?> key, Supplier<T> compute) {
		long version = version();
		Entry cached = entries.get(key);
		if (cached != null && cached.version() == version) {
			hits.increment();
			return (T) cached.value();
		}
		misses.increment();
		T value = compute.get();
		if (entries.size() >= MAX_ENTRIES) {
			entries.values().removeIf(e -> e.version() != version);
		}
		if (entries.size() < MAX_ENTRIES) {
			entries.merge(key, new Entry(version, value),
					(old, fresh) -> old.version() > fresh.version() ? old : fresh);
		}
		return value;
	}

	private static Counter counter(MeterRegistry registry, String result) {
		return Counter.builder(METRIC)
			.description("Bulletin pages answered from the cache (hit) or computed (miss)")
			.tag("result", result)
			.register(registry);
	}

	private long version() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

}
