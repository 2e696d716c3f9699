package com.investtrack.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reports answered again without recomputing them while nothing they read has changed.
 * Every write to the product's tables appends to the audit trail in its own transaction,
 * so the audit chain's head sequence is a version of all the data reports read: one
 * primary-key read tells whether a cached answer is still exact. The check goes to the
 * shared database, so every node of a cluster drops its answers as soon as any node
 * commits a step.
 * <p>
 * Reports are read far more often than milestones are recorded (every dashboard view runs
 * several), which is what makes this pay; the first request after a step computes the
 * report afresh. Hits and misses are counted ({@value #METRIC}), so an operator sees
 * whether it does.
 */
@Component
class ReportCache {

	static final String METRIC = "investtrack.report.cache";

	/**
	 * Distinct reports (kind and filter) kept per data version; more are computed but not
	 * kept.
	 */
	static final int MAX_ENTRIES = 512;

	private record Entry(long version, Object value) {
	}

	private final JdbcClient jdbc;

	private final Map<List<?>, Entry> entries = new ConcurrentHashMap<>();

	private final Counter hits;

	private final Counter misses;

	ReportCache(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.hits = counter(registry, "hit");
		this.misses = counter(registry, "miss");
	}

	/**
	 * The report identified by {@code key} as of the current data version. The version is
	 * read before computing, so an answer kept under a version never reflects older data
	 * than that version.
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
			.description("Reports answered from the cache (hit) or computed (miss)")
			.tag("result", result)
			.register(registry);
	}

	private long version() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

}
