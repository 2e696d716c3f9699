package com.investtrack.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One year of the working-day calendar: its statutory holidays and adjusted working days
 * (weekend days that are worked), in date order, and the working days the year counts. A
 * year without entries is not {@code defined}: its lists are empty and it counts Monday
 * to Friday. {@code shipped}: the entries came with the product (from the State Council's
 * notice) and nobody changed them since; otherwise {@code changedBy} entered them at
 * {@code changedAt}.
 */
public record CalendarYear(int year, boolean defined, boolean shipped, Counting counting, int workingDays,
		List<LocalDate> holidays, List<LocalDate> workdays, Instant changedAt, String changedBy) {

	/** Which days a year counts as working days. */
	public enum Counting {

		/** Monday to Friday, except the holidays, plus the adjusted working days. */
		AS_LISTED,

		/** Monday to Friday: the year has no entries. */
		MONDAY_TO_FRIDAY

	}

	/**
	 * Consecutive days, as a notice writes them (2/10–2/17); a single day has first equal
	 * to last.
	 */
	public record DateRange(LocalDate first, LocalDate last) {

		public int days() {
			return (int) (last.toEpochDay() - first.toEpochDay()) + 1;
		}

	}

	public List<DateRange> holidayRanges() {
		return ranges(holidays);
	}

	public List<DateRange> workdayRanges() {
		return ranges(workdays);
	}

	/** Days in ascending order as runs of consecutive days. */
	static List<DateRange> ranges(List<LocalDate> ascending) {
		List<DateRange> ranges = new ArrayList<>();
		for (LocalDate day : ascending) {
			int last = ranges.size() - 1;
			if (last >= 0 && ranges.get(last).last().plusDays(1).equals(day)) {
				ranges.set(last, new DateRange(ranges.get(last).first(), day));
			}
			else {
				ranges.add(new DateRange(day, day));
			}
		}
		return ranges;
	}

}
