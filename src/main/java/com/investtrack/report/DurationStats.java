package com.investtrack.report;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.LongToIntFunction;

/**
 * Summary of a set of durations, in calendar days and in working days (see the calendar
 * module: each working day d with start &lt; d &le; end). Percentiles interpolate
 * linearly between ranks (as SQL's PERCENTILE_CONT does), so a median of an even count is
 * the mean of the two middle values. Shortest and longest are in calendar days.
 */
public record DurationStats(int projects, Double medianDays, Double p90Days, Double medianWorkingDays,
		Double p90WorkingDays, Integer minDays, Integer maxDays) {

	/**
	 * The summary of durations given one by one: each project's calendar days and working
	 * days.
	 */
	public static DurationStats of(int[] days, int[] workingDays) {
		return summarise(days.length, kthSmallest(days), workingDays.length, kthSmallest(workingDays));
	}

	/**
	 * The same summary from histograms: how many projects took each number of calendar
	 * days and of working days.
	 */
	public static DurationStats ofCounts(NavigableMap<Integer, Long> projectsByDays,
			NavigableMap<Integer, Long> projectsByWorkingDays) {
		return summarise(total(projectsByDays), kthSmallest(projectsByDays), total(projectsByWorkingDays),
				kthSmallest(projectsByWorkingDays));
	}

	private static int total(Map<Integer, Long> histogram) {
		return (int) histogram.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The k-th smallest (0-based) of some values. */
	private static LongToIntFunction kthSmallest(int[] values) {
		int[] sorted = values.clone();
		Arrays.sort(sorted);
		return k -> sorted[(int) k];
	}

	/** The k-th smallest (0-based) of the values a histogram counts. */
	private static LongToIntFunction kthSmallest(NavigableMap<Integer, Long> histogram) {
		int[] values = new int[histogram.size()];
		long[] upTo = new long[histogram.size()];
		int i = 0;
		long running = 0;
		for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
			running += e.getValue();
			values[i] = e.getKey();
			upTo[i++] = running;
		}
		return k -> {
			int at = Arrays.binarySearch(upTo, k + 1);
			return values[at >= 0 ? at : -at - 1];
		};
	}

	private static DurationStats summarise(int count, LongToIntFunction days, int workingCount,
			LongToIntFunction workingDays) {
		if (count == 0) {
			return new DurationStats(0, null, null, null, null, null, null);
		}
		return new DurationStats(count, percentile(count, days, 0.5), percentile(count, days, 0.9),
				percentile(workingCount, workingDays, 0.5), percentile(workingCount, workingDays, 0.9),
				days.applyAsInt(0), days.applyAsInt(count - 1));
	}

	/**
	 * The p-th percentile of {@code count} values given the k-th smallest of them,
	 * rounded to one decimal.
	 */
	private static Double percentile(int count, LongToIntFunction kthSmallest, double p) {
		if (count == 0) {
			return null;
		}
		double rank = p * (count - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		int low = kthSmallest.applyAsInt(lower);
		double value = low + (rank - lower) * (kthSmallest.applyAsInt(upper) - low);
		return Math.round(value * 10) / 10.0;
	}

}
