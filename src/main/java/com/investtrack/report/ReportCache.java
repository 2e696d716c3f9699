package com.investtrack.report;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import com.investtrack.audit.AuditVersionedCache;

/**
 * Reports answered again without recomputing them while nothing they read has changed
 * (the audit chain's head is their data's version, see {@link AuditVersionedCache}).
 * Reports are read far more often than milestones are recorded (every dashboard view runs
 * several), which is what makes this pay; the first request after a step computes the
 * report afresh. Hits and misses are counted ({@value #METRIC}).
 */
@Component
class ReportCache {

	static final String METRIC = "investtrack.report.cache";

	/**
	 * Distinct reports (kind and filter) kept per data version; more are computed but not
	 * kept.
	 */
	static final int MAX_ENTRIES = 512;

	private final AuditVersionedCache cache;

	ReportCache(JdbcClient jdbc, MeterRegistry registry) {
		this.cache = new AuditVersionedCache(jdbc, registry, METRIC,
				"Reports answered from the cache (hit) or computed (miss)", MAX_ENTRIES);
	}

	<T> T get(List<?> key, Supplier<T> compute) {
		return cache.get(key, compute);
	}

}
