package com.investtrack.operations;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.investtrack.common.DatabaseFailures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a write again when its transaction lost to a concurrent one and was rolled back as
 * a whole: a lock conflict (deadlock, lock-wait timeout, the engine's optimistic locking)
 * or the engine finding the state moved on under it (see {@link DatabaseFailures}). The
 * run after a loss sees what the winner committed, so a collision between two nodes costs
 * a few milliseconds instead of an error. Pauses between runs grow exponentially and are
 * jittered, so that two losers do not collide again in step.
 * <p>
 * A write that still loses after {@value #MAX_ATTEMPTS} runs, or once
 * {@link #RETRY_BUDGET} has passed, is given up: its failure is thrown on, and the API
 * answers 503 with Retry-After (409 where the state moved on), the pages a message. Each
 * lost conflict is counted ({@value #METRIC}: {@code retried} or {@code gave_up}), and so
 * is each write that got through after losing ({@code recovered}).
 * <p>
 * The caller's action must be one whole transaction that starts inside it, so that
 * running it again is safe.
 */
@Component
public class ContendedWrites {

	static final String METRIC = "investtrack.conflicts";

	/** How often a write runs at most: once, and three more times after losing. */
	static final int MAX_ATTEMPTS = 4;

	/**
	 * The first pause lasts between half of this and all of it; each further one twice as
	 * long.
	 */
	static final Duration FIRST_PAUSE = Duration.ofMillis(40);

	/**
	 * No new run starts later than this after the first began: a lock held that long (a
	 * lock-wait timeout is 10 s on H2, 50 s by default on MariaDB) is better answered
	 * with a 503 the client retries than with a request that hangs.
	 */
	static final Duration RETRY_BUDGET = Duration.ofSeconds(5);

	private static final List<String> OUTCOMES = List.of("retried", "recovered", "gave_up");

	private static final Logger log = LoggerFactory.getLogger(ContendedWrites.class);

	/**
	 * One run of a write; {@code E} lets callers whose action throws no checked exception
	 * catch none.
	 */
	@FunctionalInterface
	public interface Attempt<T, E extends Throwable> {

		T run() throws E;

	}

	/** What the write lost to; a tag of {@value #METRIC}. */
	enum Cause {

		LOCK_CONFLICT, STATE_MOVED_ON;

		static Cause of(Throwable failure) {
			if (DatabaseFailures.isUnavailable(failure)) {
				return null;
			}
			if (DatabaseFailures.isLockConflict(failure)) {
				return LOCK_CONFLICT;
			}
			return DatabaseFailures.isStateMovedOn(failure) ? STATE_MOVED_ON : null;
		}

	}

	private final MeterRegistry registry;

	private final Duration firstPause;

	private final Duration budget;

	private final LongSupplier nanoTime;

	@Autowired
	ContendedWrites(MeterRegistry registry) {
		this(registry, FIRST_PAUSE, RETRY_BUDGET, System::nanoTime);
	}

	ContendedWrites(MeterRegistry registry, Duration firstPause, Duration budget, LongSupplier nanoTime) {
		this.registry = registry;
		this.firstPause = firstPause;
		this.budget = budget;
		this.nanoTime = nanoTime;
		// every series from the start, at 0, so that rates and alerts see them before the
		// first conflict
		for (Cause cause : Cause.values()) {
			for (String outcome : OUTCOMES) {
				counter(cause, outcome);
			}
		}
	}

	/**
	 * Runs the write, again after each lost conflict while the attempts and the budget
	 * allow; returns its result.
	 */
	public <T, E extends Throwable> T run(Attempt<T, E> attempt) throws E {
		long started = nanoTime.getAsLong();
		Cause lost = null;
		for (int run = 1;; run++) {
			try {
				T result = attempt.run();
				recovered(lost);
				return result;
			}
			catch (Throwable failure) {
				Cause cause = Cause.of(failure);
				if (cause == null) {
					recovered(lost);
					throw failure;
				}
				lost = cause;
				if (run >= MAX_ATTEMPTS || nanoTime.getAsLong() - started >= budget.toNanos()) {
					counter(cause, "gave_up").increment();
					log.warn("{} lost a {} {} times in {} ms; giving up: {}", what(), name(cause), run,
							(nanoTime.getAsLong() - started) / 1_000_000, rootMessage(failure));
					throw failure;
				}
				counter(cause, "retried").increment();
				log.info("{} lost a {} ({}); running it again, attempt {} of {}", what(), name(cause),
						rootMessage(failure), run + 1, MAX_ATTEMPTS);
				if (!pause(run)) {
					throw failure;
				}
			}
		}
	}

	/** Between half and all of the first pause doubled {@code run - 1} times. */
	long pauseMillis(int run) {
		long ceiling = firstPause.toMillis() << (run - 1);
		return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
	}

	private void recovered(Cause lost) {
		if (lost != null) {
			counter(lost, "recovered").increment();
		}
	}

	private Counter counter(Cause cause, String outcome) {
		return Counter.builder(METRIC)
			.description("Writes that lost to a concurrent transaction: run again (retried), given up after the last "
					+ "attempt (gave_up), and writes that got through after losing (recovered)")
			.tag("cause", cause.name().toLowerCase())
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * Sleeps before the next run; false if the thread was interrupted, which ends the
	 * retries.
	 */
	private boolean pause(int run) {
		try {
			Thread.sleep(pauseMillis(run));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String name(Cause cause) {
		return cause == Cause.LOCK_CONFLICT ? "lock conflict" : "race with a concurrent change of the process";
	}

	private static String what() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI();
		}
		return "A write";
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
