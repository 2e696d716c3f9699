package com.investtrack.calendar;

/**
 * How a number of days is counted: every day, or only the days the calendar says are
 * worked.
 */
public enum DayUnit {

	CALENDAR_DAYS, WORKING_DAYS

}
