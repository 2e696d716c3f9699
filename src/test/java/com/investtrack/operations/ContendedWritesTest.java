package com.investtrack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

import com.investtrack.common.ConflictException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** When a write runs again, how long it waits, when it gives up, and what it counts. */
class ContendedWritesTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ContendedWrites writes = new ContendedWrites(registry, Duration.ofMillis(2), Duration.ofSeconds(5),
			System::nanoTime);

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void aWriteThatLosesALockConflictOnceRunsAgainAndGetsThrough() {
		String result = writes.run(() -> {
			if (runs.incrementAndGet() == 1) {
				throw new CannotAcquireLockException("Deadlock found when trying to get lock",
						new SQLException("Deadlock found", "40001", 1213));
			}
			return "done";
		});

		assertThat(result).isEqualTo("done");
		assertThat(runs).hasValue(2);
		assertThat(count("lock_conflict", "retried")).isEqualTo(1);
		assertThat(count("lock_conflict", "recovered")).isEqualTo(1);
		assertThat(count("lock_conflict", "gave_up")).isZero();
	}

	@Test
	void aWriteThatKeepsLosingIsGivenUpAfterTheLastAttemptWithItsFailure() {
		var conflict = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed");

		assertThatThrownBy(() -> writes.run(() -> {
			runs.incrementAndGet();
			throw conflict;
		})).isSameAs(conflict);

		assertThat(runs).hasValue(ContendedWrites.MAX_ATTEMPTS);
		assertThat(count("lock_conflict", "retried")).isEqualTo(ContendedWrites.MAX_ATTEMPTS - 1);
		assertThat(count("lock_conflict", "gave_up")).isEqualTo(1);
		assertThat(count("lock_conflict", "recovered")).isZero();
	}

	@Test
	void aWriteThatFoundTheProcessMovedOnRunsAgainAndItsRealAnswerCounts() {
		var refusal = new ConflictException("A project in SIGNING can only advance to SITE_SELECTION");

		assertThatThrownBy(() -> writes.run(() -> {
			if (runs.incrementAndGet() == 1) {
				throw new PvmException("cannot signal execution 42: it has no current activity");
			}
			throw refusal;
		})).isSameAs(refusal);

		assertThat(runs).hasValue(2);
		assertThat(count("state_moved_on", "retried")).isEqualTo(1);
		assertThat(count("state_moved_on", "recovered")).isEqualTo(1);
	}

	@Test
	void anUnreachableDatabaseAndOrdinaryFailuresAreNotRunAgain() {
		var away = new CannotAcquireLockException("lock",
				new SQLNonTransientConnectionException("link failure", "08S01"));
		assertThatThrownBy(() -> writes.run(() -> {
			runs.incrementAndGet();
			throw away;
		})).isSameAs(away);
		assertThatThrownBy(() -> writes.run(() -> {
			runs.incrementAndGet();
			throw new IllegalStateException("a bug");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(runs).hasValue(2);
		assertThat(registry.find(ContendedWrites.METRIC).counters()).isNotEmpty().allMatch(c -> c.count() == 0);
	}

	@Test
	void noRunStartsOnceTheBudgetIsSpent() {
		AtomicLong now = new AtomicLong();
		var slowLocks = new ContendedWrites(registry, Duration.ofMillis(1), Duration.ofSeconds(5), now::get);

		assertThatThrownBy(() -> slowLocks.run(() -> {
			runs.incrementAndGet();
			// each run waits out a 3-second lock-wait timeout
			now.addAndGet(Duration.ofSeconds(3).toNanos());
			throw new CannotAcquireLockException("Lock wait timeout exceeded",
					new SQLException("Lock wait timeout exceeded", "HY000", 1205));
		})).isInstanceOf(CannotAcquireLockException.class);

		assertThat(runs).hasValue(2);
		assertThat(count("lock_conflict", "gave_up")).isEqualTo(1);
	}

	@Test
	void pausesGrowExponentiallyWithJitter() {
		var real = new ContendedWrites(registry);
		for (int run = 1; run < ContendedWrites.MAX_ATTEMPTS; run++) {
			long ceiling = ContendedWrites.FIRST_PAUSE.toMillis() << (run - 1);
			for (int i = 0; i < 200; i++) {
				assertThat(real.pauseMillis(run)).isBetween(ceiling / 2, ceiling);
			}
		}
		long distinct = java.util.stream.IntStream.range(0, 200).mapToLong(i -> real.pauseMillis(3)).distinct().count();
		assertThat(distinct).as("jittered").isGreaterThan(10);
	}

	private double count(String cause, String outcome) {
		var counter = registry.find(ContendedWrites.METRIC).tag("cause", cause).tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

}
