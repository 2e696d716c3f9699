package com.investtrack.operations;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The work waiting for managers: open approval requests and open reviews of stalled projects, as gauges read from the
 * shared database (so every node reports the cluster's figure), each at most once per
 * {@code app.operations.gauge-cache-ttl}.
 */
@Component
class BacklogMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final ReviewBacklog reviews;

	private final Duration freshFor;

	BacklogMetrics(JdbcClient jdbc, ReviewBacklog reviews,
			@Value("${app.operations.gauge-cache-ttl}") Duration freshFor) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.freshFor = freshFor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		// one count over the status index (V8); the approval module has no service method for it
		Gauge.builder("investtrack.approvals.pending",
				new CachedValue("pending approvals", freshFor,
						() -> jdbc.sql("SELECT COUNT(*) FROM approval_request WHERE status = 'PENDING'")
							.query(Long.class)
							.single()),
				CachedValue::get)
			.description("Approval requests waiting for a manager's decision")
			.strongReference(true)
			.register(registry);
		Gauge.builder("investtrack.reviews.open", new CachedValue("open reviews", freshFor, reviews::open),
				CachedValue::get)
			.description("Reviews of stalled (red) projects not yet acknowledged by a manager")
			.strongReference(true)
			.register(registry);
	}

}
