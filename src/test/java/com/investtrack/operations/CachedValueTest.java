package com.investtrack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A gauge read from the database is read at most once per period, and is NaN while it
 * cannot be read.
 */
class CachedValueTest {

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void readsAtMostOncePerPeriod() {
		CachedValue value = new CachedValue("test", Duration.ofHours(1), reads::incrementAndGet);

		assertThat(value.get()).isEqualTo(1);
		assertThat(value.get()).isEqualTo(1);
		assertThat(reads).hasValue(1);
	}

	@Test
	void readsAgainOnceThePeriodPassed() {
		CachedValue value = new CachedValue("test", Duration.ZERO, reads::incrementAndGet);

		assertThat(value.get()).isEqualTo(1);
		assertThat(value.get()).isEqualTo(2);
	}

	@Test
	void isNaNWhileItCannotBeReadAndDoesNotAskAgainWithinThePeriod() {
		CachedValue value = new CachedValue("test", Duration.ofHours(1), () -> {
			reads.incrementAndGet();
			throw new IllegalStateException("database away");
		});

		assertThat(value.get()).isNaN();
		assertThat(value.get()).isNaN();
		assertThat(reads).hasValue(1);
	}

}
