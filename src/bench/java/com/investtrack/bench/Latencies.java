package com.investtrack.bench;

import java.util.Arrays;

/**
 * A run's step latencies and wall time: throughput and percentiles, computed one way for
 * both sides of a comparison.
 */
record Latencies(int clients, long[] micros, long elapsedNanos) {

	static Latencies of(int clients, long[] micros, long elapsedNanos) {
		long[] sorted = micros.clone();
		Arrays.sort(sorted);
		return new Latencies(clients, sorted, elapsedNanos);
	}

	int count() {
		return micros.length;
	}

	double perSecond() {
		return micros.length / (elapsedNanos / 1e9);
	}

	/** Nearest-rank percentile in milliseconds. */
	double percentileMillis(double p) {
		if (micros.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * micros.length);
		return micros[Math.max(0, Math.min(micros.length - 1, rank - 1))] / 1000.0;
	}

	double p50() {
		return percentileMillis(50);
	}

	double p95() {
		return percentileMillis(95);
	}

	double p99() {
		return percentileMillis(99);
	}

}
