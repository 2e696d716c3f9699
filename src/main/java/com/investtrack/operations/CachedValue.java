package com.investtrack.operations;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A count read from the database at most once per period, so that scrapes (every 15 s,
 * perhaps from two Prometheus servers, on every node) cost the database next to nothing.
 * While it cannot be read the value is NaN, which is what Prometheus shows for "unknown",
 * and the next read waits for the period too, so an unreachable database is not asked
 * again on every scrape.
 */
final class CachedValue {

	private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

	private final String name;

	private final Duration period;

	private final LongSupplier read;

	private boolean loaded;

	private long readAt;

	private double value;

	CachedValue(String name, Duration period, LongSupplier read) {
		this.name = name;
		this.period = period;
		this.read = read;
	}

	synchronized double get() {
		long now = System.nanoTime();
		if (!loaded || now - readAt >= period.toNanos()) {
			try {
				value = read.getAsLong();
			}
			catch (RuntimeException ex) {
				log.debug("Cannot read {}: {}", name, ex.toString());
				value = Double.NaN;
			}
			loaded = true;
			readAt = now;
		}
		return value;
	}

}
