package com.investtrack.fulfilment;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.investtrack.project.ListCondition;

/**
 * The agreement flags as SQL over {@code project p}, its plan ({@code pl}) and its
 * milestone days ({@code t}, milestone_timeline), as they stood on a day: for one project
 * (the project page and API, on today) and for every project at once (the bulletin's
 * lists, on the last day of its month), so that both always agree. A project dropped on
 * or before that day is never flagged.
 */
public final class FlagRules {

	/**
	 * The flags about dates, as opposed to the park's minimums which are computed in
	 * Java.
	 */
	public static final List<Flag> DATE_FLAGS = List.of(Flag.SIGNED_NOT_STARTED, Flag.BUILT_NOT_PRODUCING,
			Flag.IDLE_LAND);

	/** Land delivered this many days ago and still no construction is idle (闲置). */
	static final int IDLE_AFTER_DAYS = 365;

	public static final String JOIN = " LEFT JOIN project_plan pl ON pl.project_id = p.id"
			+ " LEFT JOIN milestone_timeline t ON t.project_id = p.id";

	private static final String ALIVE = "(p.dropped_on IS NULL OR p.dropped_on > :asOf)";

	private FlagRules() {
	}

	/** The projects carrying {@code flag} on {@code asOf}. */
	public static ListCondition condition(Flag flag, LocalDate asOf) {
		String where = switch (flag) {
			case SIGNED_NOT_STARTED -> ALIVE + " AND t.signing_day <= :asOfDay AND pl.construction_on < :asOf"
					+ " AND (t.construction_day IS NULL OR t.construction_day > :asOfDay)";
			case BUILT_NOT_PRODUCING -> ALIVE + " AND t.construction_day <= :asOfDay AND pl.production_on < :asOf"
					+ " AND (t.production_day IS NULL OR t.production_day > :asOfDay)";
			case IDLE_LAND -> ALIVE + " AND p.asset_model = 'HEAVY' AND t.site_selection_day < :idleDay"
					+ " AND (t.construction_day IS NULL OR t.construction_day > :asOfDay)";
			default -> throw new IllegalArgumentException(flag + " is not a rule about dates");
		};
		return new ListCondition(JOIN, where, params(asOf));
	}

	/** The named parameters every condition of {@link #condition} uses. */
	static Map<String, Object> params(LocalDate asOf) {
		long day = asOf.toEpochDay();
		return Map.of("asOf", Date.valueOf(asOf), "asOfDay", day, "idleDay", day - IDLE_AFTER_DAYS);
	}

}
