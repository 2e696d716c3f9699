package com.investtrack.calendar;

/**
 * How SQL reports count working days: the work_day table holds one row per day from
 * 1990-01-01 to 2100-12-31 (every date the product accepts), keyed by the day as
 * milestone_timeline stores it (days since 1970-01-01), with the number of working days
 * from 1990-01-01 up to and including that day. Working days d with a &lt; d &le; b are
 * the ordinal of b minus the ordinal of a, the same figure as
 * {@link WorkingDays#between}. For example:
 *
 * <pre>
 * SELECT wt.ordinal - wf.ordinal, COUNT(*) FROM milestone_timeline t
 *   JOIN work_day wf ON wf.day_num = t.signing_day
 *   JOIN work_day wt ON wt.day_num = t.construction_day
 * GROUP BY wt.ordinal - wf.ordinal
 * </pre>
 *
 * which {@code WorkDaySql.join("wf", "t.signing_day")} and
 * {@code WorkDaySql.ordinal("wf")} spell. The calendar module alone writes the table, in
 * the transaction that changes a year's holidays; reports that read it are as current as
 * the calendar.
 */
public final class WorkDaySql {

	public static final String TABLE = "work_day";

	/** The day: days since 1970-01-01, like the *_day columns of milestone_timeline. */
	public static final String DAY_NUM = "day_num";

	/** Working days from 1990-01-01 up to and including the day. */
	public static final String ORDINAL = "ordinal";

	/** The day's year, so reports can group by year without date functions. */
	public static final String YEAR_NUM = "year_num";

	/**
	 * {@code " JOIN work_day alias ON alias.day_num = dayNumExpression"}: the row of the
	 * day an expression holds.
	 */
	public static String join(String alias, String dayNumExpression) {
		return " JOIN " + TABLE + " " + alias + " ON " + alias + "." + DAY_NUM + " = " + dayNumExpression;
	}

	/** The ordinal column of a joined work_day row. */
	public static String ordinal(String alias) {
		return alias + "." + ORDINAL;
	}

	/** The year column of a joined work_day row. */
	public static String year(String alias) {
		return alias + "." + YEAR_NUM;
	}

	private WorkDaySql() {
	}

}
