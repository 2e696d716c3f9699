package com.investtrack.report;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.LongToIntFunction;

/**
 * Summary of a set of durations in days. Percentiles interpolate linearly between ranks (as SQL's PERCENTILE_CONT
 * does), so a median of an even count is the mean of the two middle values.
 */
public record DurationStats(int projects, Double medianDays, Double p90Days, Integer minDays, Integer maxDays) {

	public static DurationStats of(int[] days) {
		int[] sorted = days.clone();
		Arrays.sort(sorted);
		return summarise(sorted.length, k -> sorted[(int) k]);
	}

	/** The same summary from a histogram: how many projects took each number of days. */
	public static DurationStats ofCounts(NavigableMap<Integer, Long> projectsByDays) {
		long total = projectsByDays.values().stream().mapToLong(Long::longValue).sum();
		int[] days = new int[projectsByDays.size()];
		long[] upTo = new long[projectsByDays.size()];
		int i = 0;
		long running = 0;
		for (Map.Entry<Integer, Long> e : projectsByDays.entrySet()) {
			running += e.getValue();
			days[i] = e.getKey();
			upTo[i++] = running;
		}
		return summarise((int) total, k -> {
			int at = Arrays.binarySearch(upTo, k + 1);
			return days[at >= 0 ? at : -at - 1];
		});
	}

	/** Summary of {@code count} values given the k-th smallest of them (0-based). */
	private static DurationStats summarise(int count, LongToIntFunction kthSmallest) {
		if (count == 0) {
			return new DurationStats(0, null, null, null, null);
		}
		return new DurationStats(count, percentile(count, kthSmallest, 0.5), percentile(count, kthSmallest, 0.9),
				kthSmallest.applyAsInt(0), kthSmallest.applyAsInt(count - 1));
	}

	/** The p-th percentile, rounded to one decimal. */
	private static double percentile(int count, LongToIntFunction kthSmallest, double p) {
		double rank = p * (count - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		int low = kthSmallest.applyAsInt(lower);
		double value = low + (rank - lower) * (kthSmallest.applyAsInt(upper) - low);
		return Math.round(value * 10) / 10.0;
	}

}
