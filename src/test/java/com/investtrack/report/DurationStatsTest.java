package com.investtrack.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Percentiles interpolate between ranks like SQL's PERCENTILE_CONT and are rounded to one
 * decimal, in calendar days and in working days alike; a histogram gives the same figures
 * as the values it counts.
 */
class DurationStatsTest {

	/** The same durations in both units. */
	private static DurationStats stats(int... days) {
		return DurationStats.of(days, days);
	}

	@Test
	void noDurationsGiveZeroProjectsAndNoFigures() {
		assertThat(stats()).isEqualTo(new DurationStats(0, null, null, null, null, null, null));
	}

	@Test
	void oneDurationIsEveryFigure() {
		assertThat(stats(36)).isEqualTo(new DurationStats(1, 36.0, 36.0, 36.0, 36.0, 36, 36));
	}

	@Test
	void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
		assertThat(stats(40, 10, 30, 20).medianDays()).isEqualTo(25.0);
		assertThat(stats(1, 2).medianDays()).isEqualTo(1.5);
	}

	@Test
	void theMedianOfAnOddCountIsTheMiddleValue() {
		assertThat(stats(90, 20, 60)).isEqualTo(new DurationStats(3, 60.0, 84.0, 60.0, 84.0, 20, 90));
	}

	@Test
	void theNinetiethPercentileInterpolatesBetweenRanks() {
		// ten values 1..10: rank 0.9 * 9 = 8.1, between 9 and 10
		assertThat(stats(10, 9, 8, 7, 6, 5, 4, 3, 2, 1).p90Days()).isEqualTo(9.1);
		// rank 0.9 * 3 = 2.7, between 3 and 5
		assertThat(stats(1, 2, 3, 5).p90Days()).isEqualTo(4.4);
		// eleven values: rank 9 exactly
		assertThat(stats(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100).p90Days()).isEqualTo(9.0);
	}

	@Test
	void percentilesAreRoundedToOneDecimal() {
		// rank 0.9 * 3 = 2.7 between 1 and 4: 1 + 0.7 * 3, which is 3.0999999999999996 in
		// binary floating point
		assertThat(stats(0, 0, 1, 4).p90Days()).isEqualTo(3.1);
		// rank 0.9 * 6 = 5.4 between 1 and 4: 2.2
		assertThat(stats(0, 0, 0, 0, 0, 1, 4).p90Days()).isEqualTo(2.2);
	}

	@Test
	void equalValuesAndZeroDurations() {
		assertThat(stats(0, 0, 0)).isEqualTo(new DurationStats(3, 0.0, 0.0, 0.0, 0.0, 0, 0));
		assertThat(stats(7, 7, 7, 7)).isEqualTo(new DurationStats(4, 7.0, 7.0, 7.0, 7.0, 7, 7));
	}

	@Test
	void theCallersArraysAreLeftInTheirOrder() {
		int[] days = { 30, 10, 20 };
		int[] working = { 20, 8, 14 };
		DurationStats.of(days, working);
		assertThat(days).containsExactly(30, 10, 20);
		assertThat(working).containsExactly(20, 8, 14);
	}

	@Test
	void workingDaysHaveTheirOwnPercentilesAndShortestAndLongestStayInCalendarDays() {
		// three projects: 14 calendar days across the 2025 Spring Festival are 5 working
		// days
		DurationStats s = DurationStats.of(new int[] { 14, 7, 30 }, new int[] { 5, 5, 22 });
		assertThat(s).isEqualTo(new DurationStats(3, 14.0, 26.8, 5.0, 18.6, 7, 30));
	}

	@Test
	void histogramsGiveTheFiguresOfTheValuesTheyCount() {
		Random random = new Random(7);
		for (int run = 0; run < 200; run++) {
			int[] days = new int[1 + random.nextInt(40)];
			int[] working = new int[days.length];
			TreeMap<Integer, Long> byDays = new TreeMap<>();
			TreeMap<Integer, Long> byWorking = new TreeMap<>();
			for (int i = 0; i < days.length; i++) {
				days[i] = random.nextInt(60);
				working[i] = days[i] * 5 / 7;
				byDays.merge(days[i], 1L, Long::sum);
				byWorking.merge(working[i], 1L, Long::sum);
			}
			assertThat(DurationStats.ofCounts(byDays, byWorking)).isEqualTo(DurationStats.of(days, working));
		}
	}

}
