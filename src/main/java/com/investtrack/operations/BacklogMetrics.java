package com.investtrack.operations;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.investtrack.approval.ApprovalService;
import com.investtrack.review.StalledProjectReviews;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The work waiting for managers: open approval requests and open reviews of stalled
 * projects, as gauges read from the shared database (so every node reports the cluster's
 * figure), each at most once per {@code app.operations.gauge-cache-ttl}.
 */
@Component
class BacklogMetrics implements MeterBinder {

	private final ApprovalService approvals;

	private final StalledProjectReviews reviews;

	private final Duration freshFor;

	BacklogMetrics(ApprovalService approvals, StalledProjectReviews reviews,
			@Value("${app.operations.gauge-cache-ttl}") Duration freshFor) {
		this.approvals = approvals;
		this.reviews = reviews;
		this.freshFor = freshFor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge
			.builder("investtrack.approvals.pending",
					new CachedValue("pending approvals", freshFor, approvals::pendingCount), CachedValue::get)
			.description("Approval requests waiting for a manager's decision")
			.strongReference(true)
			.register(registry);
		Gauge
			.builder("investtrack.reviews.open", new CachedValue("open reviews", freshFor, reviews::openCount),
					CachedValue::get)
			.description("Reviews of stalled (red) projects not yet acknowledged by a manager")
			.strongReference(true)
			.register(registry);
	}

}
