package com.investtrack.operations;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Counts the 503 answers ({@value #METRIC}) by reason: the database could not be reached,
 * or a write kept losing lock conflicts. They are counted in one place, where every
 * answer passes on its way out (see the system module's DatabaseUnavailableFilter),
 * because several layers write them: the API's and the pages' exception handlers, the
 * login's entry point and that filter itself. Whoever answers 503 for contention says so
 * with {@link #markContention(HttpServletRequest)}.
 */
@Component
public class UnavailableAnswers {

	static final String METRIC = "investtrack.unavailable";

	/** Why a 503 was answered; the tag of {@value #METRIC}. */
	public enum Reason {

		DATABASE_UNAVAILABLE, CONTENTION

	}

	private static final String REASON = UnavailableAnswers.class.getName() + ".reason";

	private final MeterRegistry registry;

	UnavailableAnswers(MeterRegistry registry) {
		this.registry = registry;
		for (Reason reason : Reason.values()) {
			counter(reason);
		}
	}

	/**
	 * Says that the 503 about to be answered is for a write that kept losing lock
	 * conflicts.
	 */
	public static void markContention(HttpServletRequest request) {
		request.setAttribute(REASON, Reason.CONTENTION);
	}

	/**
	 * Counts one 503 answer to this request, for the reason marked on it (an unreachable
	 * database unless marked).
	 */
	public void count(HttpServletRequest request) {
		Reason reason = request.getAttribute(REASON) instanceof Reason marked ? marked : Reason.DATABASE_UNAVAILABLE;
		counter(reason).increment();
	}

	private Counter counter(Reason reason) {
		return Counter.builder(METRIC)
			.description("Answers 503 with Retry-After, by reason")
			.tag("reason", reason.name().toLowerCase())
			.register(registry);
	}

}
