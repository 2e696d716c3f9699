/**
 * The working-day calendar: the State Council's statutory holidays and adjusted working
 * days per year (shipped for 2024 to 2026, administrators enter the next), and day counts
 * in either unit. Its public API:
 * <ul>
 * <li>{@link com.investtrack.calendar.WorkingDays}: days between two dates, the latest
 * date old enough, whether a day is worked, in memory (a fraction of a microsecond a
 * call), current on every node;</li>
 * <li>{@link com.investtrack.calendar.WorkDaySql}: the work_day table for SQL reports,
 * working days as the difference of two ordinals;</li>
 * <li>{@link com.investtrack.calendar.CalendarService} and
 * {@link com.investtrack.calendar.CalendarYear}: a year's entries, read by everyone and
 * changed by administrators, audited.</li>
 * </ul>
 * A year without entries counts Monday to Friday.
 */
package com.investtrack.calendar;
