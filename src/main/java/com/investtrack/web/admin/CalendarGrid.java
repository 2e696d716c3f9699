package com.investtrack.web.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.investtrack.calendar.CalendarYear;

/** A year as twelve month sheets, Monday first, each day marked by what it counts as. */
record CalendarGrid(List<String> weekdays, List<Month> months) {

	/**
	 * What a day is: worked Monday to Friday, a weekend day, a holiday, or an adjusted
	 * working day.
	 */
	enum Kind {

		WORKING, WEEKEND, HOLIDAY, WORKDAY;

		/** The CSS class and message key suffix. */
		public String css() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** A day of the sheet; days of the neighbouring months are blanks (null date). */
	record Day(LocalDate date, Kind kind) {

		public int dayOfMonth() {
			return date.getDayOfMonth();
		}

	}

	record Month(String name, List<List<Day>> weeks) {
	}

	/** Every kind, in the order the legend explains them. */
	public List<Kind> legend() {
		return List.of(Kind.values());
	}

	static CalendarGrid of(CalendarYear calendar, Locale locale, DateTimeFormatter monthName) {
		List<String> weekdays = Arrays.stream(DayOfWeek.values())
			.map(d -> d.getDisplayName(TextStyle.SHORT, locale))
			.toList();
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(calendar.year(), m);
			List<List<Day>> weeks = new ArrayList<>();
			List<Day> week = new ArrayList<>();
			for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
				week.add(new Day(null, null));
			}
			for (int d = 1; d <= month.lengthOfMonth(); d++) {
				LocalDate date = month.atDay(d);
				week.add(new Day(date, kind(date, calendar)));
				if (week.size() == 7) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(new Day(null, null));
				}
				weeks.add(week);
			}
			months.add(new Month(monthName.withLocale(locale).format(month), weeks));
		}
		return new CalendarGrid(weekdays, months);
	}

	private static Kind kind(LocalDate date, CalendarYear calendar) {
		if (calendar.holidays().contains(date)) {
			return Kind.HOLIDAY;
		}
		if (calendar.workdays().contains(date)) {
			return Kind.WORKDAY;
		}
		return date.getDayOfWeek().getValue() >= 6 ? Kind.WEEKEND : Kind.WORKING;
	}

}
