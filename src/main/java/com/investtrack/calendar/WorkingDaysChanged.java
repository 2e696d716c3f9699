package com.investtrack.calendar;

/**
 * Published, inside the transaction that changes a year's calendar, once work_day has
 * been rebuilt from that year on: whoever keeps working-day ordinals of days (see
 * {@link WorkDaySql}) from {@code fromDayNum} on (days since 1970-01-01) rewrites them
 * before the change commits, listening synchronously, so that nothing ever reads a mix of
 * old and new ordinals.
 */
public record WorkingDaysChanged(int year, long fromDayNum) {
}
