package com.investtrack.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Counts days between two dates in either unit. Working days follow the State Council's
 * holidays and adjusted working days where the calendar has them, Monday to Friday
 * elsewhere. A count between start and end takes each day d with start &lt; d &le; end,
 * so calendar days are end &minus; start; counts are negative when end is before start.
 * <p>
 * Every call answers from the calendar in memory (a subtraction of two array entries,
 * well under a microsecond), kept current with the database as {@link CalendarCache}
 * describes: on the node that changed the calendar at once, on the other nodes of a
 * cluster within a second. SQL reports count the same way through {@link WorkDaySql}.
 */
@Service
public class WorkingDays {

	private final Supplier<WorkDayIndex> calendar;

	/** The application's calendar, as the database holds it. */
	@Autowired
	WorkingDays(CalendarCache cache) {
		this.calendar = cache::index;
	}

	/**
	 * A calendar without entries, Monday to Friday everywhere, with no database: for unit
	 * tests of counting rules.
	 */
	public WorkingDays() {
		WorkDayIndex mondayToFriday = WorkDayIndex.of(0, Map.of());
		this.calendar = () -> mondayToFriday;
	}

	/**
	 * Days d with start &lt; d &le; end in the given unit (negative when end &lt; start).
	 */
	public long between(DayUnit unit, LocalDate start, LocalDate end) {
		if (unit == DayUnit.CALENDAR_DAYS) {
			return ChronoUnit.DAYS.between(start, end);
		}
		WorkDayIndex index = calendar.get();
		return index.ordinal(end.toEpochDay()) - index.ordinal(start.toEpochDay());
	}

	/**
	 * The latest date s with {@code between(unit, s, date) >= days}: a stage entered on
	 * or before it is at least {@code days} old on {@code date}. Lets a list filter
	 * compare stored dates instead of counting per row. For {@code days <= 0} it is
	 * {@code date} plus that many calendar days.
	 */
	public LocalDate minus(DayUnit unit, LocalDate date, long days) {
		if (unit == DayUnit.CALENDAR_DAYS || days <= 0) {
			return date.minusDays(days);
		}
		WorkDayIndex index = calendar.get();
		long target = index.ordinal(date.toEpochDay()) - days;
		return LocalDate.ofEpochDay(index.latestWithOrdinalAtMost(target, date.toEpochDay()));
	}

	public boolean isWorkingDay(LocalDate day) {
		return calendar.get().isWorkingDay(day.toEpochDay());
	}

	/**
	 * Working days from 1990-01-01 up to and including the day (zero or negative before
	 * 1990): the work_day table's ordinal for the days it holds, so a query can compare a
	 * stored ordinal with one computed here.
	 */
	public long ordinal(LocalDate day) {
		return calendar.get().ordinal(day.toEpochDay());
	}

}
