package com.investtrack.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;

/**
 * Counts days between two dates in either unit. Working days follow the State Council's holidays and adjusted working
 * days where the calendar has them, Monday to Friday elsewhere. A count between start and end takes each day d with
 * start &lt; d &le; end, so calendar days are end &minus; start; counts are negative when end is before start.
 */
@Service
public class WorkingDays {

	/** Days d with start &lt; d &le; end in the given unit (negative when end &lt; start). */
	public long between(DayUnit unit, LocalDate start, LocalDate end) {
		if (unit == DayUnit.CALENDAR_DAYS) {
			return ChronoUnit.DAYS.between(start, end);
		}
		if (end.isBefore(start)) {
			return -between(unit, end, start);
		}
		long count = 0;
		for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The latest date s with {@code between(unit, s, date) >= days}: a stage entered on or before it is at least
	 * {@code days} old on {@code date}. Lets a list filter compare stored dates instead of counting per row.
	 */
	public LocalDate minus(DayUnit unit, LocalDate date, long days) {
		if (unit == DayUnit.CALENDAR_DAYS || days <= 0) {
			return date.minusDays(days);
		}
		long counted = 0;
		LocalDate d = date;
		while (counted < days) {
			if (isWorkingDay(d)) {
				counted++;
			}
			d = d.minusDays(1);
		}
		return d;
	}

	public boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
