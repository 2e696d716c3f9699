package com.investtrack.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The number of working days up to each day from 1990-01-01 to 2100-12-31 (the dates the
 * product accepts), as one array in memory: the same figures as the work_day table,
 * computed by the same rule ({@link #isWorking}). Working days d with a &lt; d &le; b are
 * {@code ordinal(b) - ordinal(a)}; outside the range every Monday to Friday counts.
 * Immutable: a changed calendar is a new index.
 */
final class WorkDayIndex {

	static final int FIRST_YEAR = 1990;

	static final int LAST_YEAR = 2100;

	static final long FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();

	static final long LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31).toEpochDay();

	/**
	 * 1970-01-05, the first Monday of the epoch: weekdays are counted in whole weeks from
	 * it.
	 */
	private static final long A_MONDAY = LocalDate.of(1970, 1, 5).toEpochDay();

	private final long version;

	/** ordinals[i]: working days from FIRST_DAY to FIRST_DAY + i, both included. */
	private final int[] ordinals;

	private WorkDayIndex(long version, int[] ordinals) {
		this.version = version;
		this.ordinals = ordinals;
	}

	/** The index of a calendar with these entries, as of the calendar's version. */
	static WorkDayIndex of(long version, Map<LocalDate, DayKind> entries) {
		int[] ordinals = new int[(int) (LAST_DAY - FIRST_DAY + 1)];
		int count = 0;
		for (int i = 0; i < ordinals.length; i++) {
			LocalDate day = LocalDate.ofEpochDay(FIRST_DAY + i);
			if (isWorking(day, entries.get(day))) {
				count++;
			}
			ordinals[i] = count;
		}
		return new WorkDayIndex(version, ordinals);
	}

	/**
	 * The rule, in one place for the index and for the work_day table: an entry decides,
	 * otherwise Monday to Friday are worked.
	 */
	static boolean isWorking(LocalDate day, DayKind entry) {
		if (entry != null) {
			return entry == DayKind.WORKDAY;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
	}

	long version() {
		return version;
	}

	/**
	 * Working days from 1990-01-01 up to and including the day (zero or negative before
	 * 1990).
	 */
	long ordinal(long epochDay) {
		if (epochDay < FIRST_DAY) {
			return -(mondayToFriday(FIRST_DAY - 1) - mondayToFriday(epochDay));
		}
		if (epochDay > LAST_DAY) {
			return ordinals[ordinals.length - 1] + mondayToFriday(epochDay) - mondayToFriday(LAST_DAY);
		}
		return ordinals[(int) (epochDay - FIRST_DAY)];
	}

	boolean isWorkingDay(long epochDay) {
		return ordinal(epochDay) != ordinal(epochDay - 1);
	}

	/**
	 * The latest day s &le; {@code notAfter} with {@code ordinal(s) <= target}: a binary
	 * search, since ordinals never decrease. Every stretch of 30 days holds a working
	 * day, so the search starts far enough back.
	 */
	long latestWithOrdinalAtMost(long target, long notAfter) {
		long high = notAfter;
		if (ordinal(high) <= target) {
			return high;
		}
		long low = notAfter - 2 * (ordinal(notAfter) - target) - 30;
		while (ordinal(low) > target) {
			low -= 2 * (ordinal(low) - target) + 30;
		}
		// ordinal(low) <= target < ordinal(high)
		while (high - low > 1) {
			long middle = low + (high - low) / 2;
			if (ordinal(middle) <= target) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * Mondays to Fridays from the epoch's first Monday up to and including the day
	 * (negative before it).
	 */
	private static long mondayToFriday(long epochDay) {
		long sinceMonday = epochDay - A_MONDAY;
		return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
	}

}
