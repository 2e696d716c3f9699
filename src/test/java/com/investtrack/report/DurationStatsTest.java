package com.investtrack.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentiles interpolate between ranks like SQL's PERCENTILE_CONT and are rounded to one decimal. */
class DurationStatsTest {

	@Test
	void noDurationsGiveZeroProjectsAndNoFigures() {
		assertThat(DurationStats.of(new int[0])).isEqualTo(new DurationStats(0, null, null, null, null));
	}

	@Test
	void oneDurationIsEveryFigure() {
		assertThat(DurationStats.of(new int[] { 36 })).isEqualTo(new DurationStats(1, 36.0, 36.0, 36, 36));
	}

	@Test
	void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
		assertThat(DurationStats.of(new int[] { 40, 10, 30, 20 }).medianDays()).isEqualTo(25.0);
		assertThat(DurationStats.of(new int[] { 1, 2 }).medianDays()).isEqualTo(1.5);
	}

	@Test
	void theMedianOfAnOddCountIsTheMiddleValue() {
		assertThat(DurationStats.of(new int[] { 90, 20, 60 })).isEqualTo(new DurationStats(3, 60.0, 84.0, 20, 90));
	}

	@Test
	void theNinetiethPercentileInterpolatesBetweenRanks() {
		// ten values 1..10: rank 0.9 * 9 = 8.1, between 9 and 10
		assertThat(DurationStats.of(new int[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }).p90Days()).isEqualTo(9.1);
		// rank 0.9 * 3 = 2.7, between 3 and 5
		assertThat(DurationStats.of(new int[] { 1, 2, 3, 5 }).p90Days()).isEqualTo(4.4);
		// eleven values: rank 9 exactly
		assertThat(DurationStats.of(new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100 }).p90Days()).isEqualTo(9.0);
	}

	@Test
	void percentilesAreRoundedToOneDecimal() {
		// rank 0.9 * 3 = 2.7 between 1 and 4: 1 + 0.7 * 3, which is 3.0999999999999996 in binary floating point
		assertThat(DurationStats.of(new int[] { 0, 0, 1, 4 }).p90Days()).isEqualTo(3.1);
		// rank 0.9 * 6 = 5.4 between 1 and 4: 2.2
		assertThat(DurationStats.of(new int[] { 0, 0, 0, 0, 0, 1, 4 }).p90Days()).isEqualTo(2.2);
	}

	@Test
	void equalValuesAndZeroDurations() {
		assertThat(DurationStats.of(new int[] { 0, 0, 0 })).isEqualTo(new DurationStats(3, 0.0, 0.0, 0, 0));
		assertThat(DurationStats.of(new int[] { 7, 7, 7, 7 })).isEqualTo(new DurationStats(4, 7.0, 7.0, 7, 7));
	}

	@Test
	void theCallersArrayIsLeftInItsOrder() {
		int[] days = { 30, 10, 20 };
		DurationStats.of(days);
		assertThat(days).containsExactly(30, 10, 20);
	}

}
