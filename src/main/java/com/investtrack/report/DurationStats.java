package com.investtrack.report;

import java.util.Arrays;

/**
 * Summary of a set of durations in days. Percentiles interpolate linearly between ranks (as SQL's PERCENTILE_CONT
 * does), so a median of an even count is the mean of the two middle values.
 */
public record DurationStats(int projects, Double medianDays, Double p90Days, Integer minDays, Integer maxDays) {

	public static DurationStats of(int[] days) {
		if (days.length == 0) {
			return new DurationStats(0, null, null, null, null);
		}
		int[] sorted = days.clone();
		Arrays.sort(sorted);
		return new DurationStats(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9), sorted[0],
				sorted[sorted.length - 1]);
	}

	/** The p-th percentile of sorted values, rounded to one decimal. */
	static double percentile(int[] sorted, double p) {
		double rank = p * (sorted.length - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		double value = sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
		return Math.round(value * 10) / 10.0;
	}

}
