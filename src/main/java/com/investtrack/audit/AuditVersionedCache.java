package com.investtrack.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Answers computed from the product's data, kept while nothing they read has changed.
 * Every write to the product's tables appends to the audit trail in its own transaction,
 * so the audit chain's head sequence is a version of all that data: one primary-key read
 * tells whether a kept answer is still exact. The check goes to the shared database, so
 * every node of a cluster drops its answers as soon as any node commits a step. What an
 * answer depends on beyond the data (a filter, today, the reader's language) belongs in
 * its key.
 * <p>
 * Hits and misses are counted under the metric the owner names, with a {@code result}
 * tag, so an operator sees whether keeping answers pays.
 */
public final class AuditVersionedCache {

	private record Entry(long version, Object value) {
	}

	private final JdbcClient jdbc;

	private final int maxEntries;

	private final Map<List<?>, Entry> entries = new ConcurrentHashMap<>();

	private final Counter hits;

	private final Counter misses;

	/**
	 * A cache keeping at most {@code maxEntries} answers per data version (more are
	 * computed but not kept), counted as {@code metric} hits and misses.
	 */
	public AuditVersionedCache(JdbcClient jdbc, MeterRegistry registry, String metric, String description,
			int maxEntries) {
		this.jdbc = jdbc;
		this.maxEntries = maxEntries;
		this.hits = counter(registry, metric, description, "hit");
		this.misses = counter(registry, metric, description, "miss");
	}

	/**
	 * The answer identified by {@code key} as of the current data version. The version is
	 * read before computing, so an answer kept under a version never reflects older data
	 * than that version (at worst newer, which the next version replaces).
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(List<?> key, Supplier<T> compute) {
		long version = version();
		Entry cached = entries.get(key);
		if (cached != null && cached.version() == version) {
			hits.increment();
			return (T) cached.value();
		}
		misses.increment();
		T value = compute.get();
		if (entries.size() >= maxEntries) {
			entries.values().removeIf(e -> e.version() != version);
		}
		if (entries.size() < maxEntries) {
			entries.merge(key, new Entry(version, value),
					(old, fresh) -> old.version() > fresh.version() ? old : fresh);
		}
		return value;
	}

	private static Counter counter(MeterRegistry registry, String metric, String description, String result) {
		return Counter.builder(metric).description(description).tag("result", result).register(registry);
	}

	private long version() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

}
