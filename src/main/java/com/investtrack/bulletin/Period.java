package com.investtrack.bulletin;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The days a bulletin for 1–N月 counts: the period (1–N月), month N alone, the same period
 * of the year before, and the day the lists and the cohort are taken on.
 */
record Period(int year, int month, LocalDate from, LocalDate to, LocalDate monthFrom, LocalDate lastYearFrom,
		LocalDate lastYearTo, LocalDate asOf) {

	static Period of(int year, int month, LocalDate today) {
		YearMonth ym = YearMonth.of(year, month);
		LocalDate end = ym.atEndOfMonth();
		return new Period(year, month, LocalDate.of(year, 1, 1), end, ym.atDay(1), LocalDate.of(year - 1, 1, 1),
				YearMonth.of(year - 1, month).atEndOfMonth(), end.isAfter(today) ? today : end);
	}

	/**
	 * The named parameters of every query: the windows as day numbers
	 * (milestone_timeline) and as dates.
	 */
	Map<String, Object> params() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("year", year);
		p.put("fromDay", from.toEpochDay());
		p.put("toDay", to.toEpochDay());
		p.put("monthDay", monthFrom.toEpochDay());
		p.put("lyFromDay", lastYearFrom.toEpochDay());
		p.put("lyToDay", lastYearTo.toEpochDay());
		p.put("fromDate", Date.valueOf(from));
		p.put("toDate", Date.valueOf(to));
		p.put("monthDate", Date.valueOf(monthFrom));
		p.put("lyFromDate", Date.valueOf(lastYearFrom));
		p.put("lyToDate", Date.valueOf(lastYearTo));
		p.put("asOf", Date.valueOf(asOf));
		p.put("asOfDay", asOf.toEpochDay());
		return p;
	}

}
