package com.investtrack.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calendar's tables: calendar_year, calendar_day, calendar_version and work_day (see
 * V7__calendar.sql).
 */
@Repository
class CalendarRepository {

	/**
	 * A year that has entries: whether they are the shipped ones, and who changed them
	 * last.
	 */
	record YearRow(int year, boolean shipped, Instant changedAt, String changedBy) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	CalendarRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	long version() {
		return jdbc.sql("SELECT version FROM calendar_version WHERE id = 1").query(Long.class).single();
	}

	/** Locks the version row: changes of the calendar run one at a time on every node. */
	long lockVersion() {
		return jdbc.sql("SELECT version FROM calendar_version WHERE id = 1 FOR UPDATE").query(Long.class).single();
	}

	void setVersion(long version) {
		jdbc.sql("UPDATE calendar_version SET version = ? WHERE id = 1").param(version).update();
	}

	Map<LocalDate, DayKind> allEntries() {
		Map<LocalDate, DayKind> entries = new HashMap<>();
		jdbc.sql("SELECT calendar_date, kind FROM calendar_day").query(rs -> {
			entries.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)));
		});
		return entries;
	}

	Map<LocalDate, DayKind> entries(int year) {
		Map<LocalDate, DayKind> entries = new HashMap<>();
		jdbc.sql("SELECT calendar_date, kind FROM calendar_day WHERE year_num = ?").param(year).query(rs -> {
			entries.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)));
		});
		return entries;
	}

	Optional<YearRow> year(int year) {
		return jdbc.sql("SELECT year_num, shipped, changed_at, changed_by FROM calendar_year WHERE year_num = ?")
			.param(year)
			.query((rs, n) -> new YearRow(rs.getInt(1), rs.getBoolean(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.optional();
	}

	List<Integer> years() {
		return jdbc.sql("SELECT year_num FROM calendar_year ORDER BY year_num").query(Integer.class).list();
	}

	/**
	 * Replaces a year's entries; a year without entries has no calendar_year row (it
	 * counts Monday to Friday).
	 */
	void replaceYear(int year, Map<LocalDate, DayKind> entries, Instant at, String by) {
		jdbc.sql("DELETE FROM calendar_day WHERE year_num = ?").param(year).update();
		jdbc.sql("DELETE FROM calendar_year WHERE year_num = ?").param(year).update();
		if (entries.isEmpty()) {
			return;
		}
		jdbc.sql("INSERT INTO calendar_year (year_num, shipped, changed_at, changed_by) VALUES (?, FALSE, ?, ?)")
			.params(year, Timestamp.from(at), by)
			.update();
		List<Object[]> rows = new ArrayList<>();
		entries.forEach((day, kind) -> rows.add(new Object[] { Date.valueOf(day), year, kind.name() }));
		batch.batchUpdate("INSERT INTO calendar_day (calendar_date, year_num, kind) VALUES (?, ?, ?)", rows);
	}

	/**
	 * Rebuilds work_day from the year on: the year's own days are counted afresh from the
	 * day before it (only rows that change are written), and every later day moves by the
	 * difference in the year's working days. Later years' own entries are unchanged, so
	 * shifting them by that difference is the same as counting them again.
	 */
	void rebuildWorkDays(int year, Map<LocalDate, DayKind> entries) {
		long first = LocalDate.of(year, 1, 1).toEpochDay();
		long last = LocalDate.of(year, 12, 31).toEpochDay();
		int before = jdbc.sql("SELECT ordinal FROM work_day WHERE day_num = ?")
			.param(first - 1)
			.query(Integer.class)
			.optional()
			.orElse(0);
		Map<Long, Integer> stored = new HashMap<>();
		jdbc.sql("SELECT day_num, ordinal FROM work_day WHERE day_num BETWEEN ? AND ?")
			.params(first, last)
			.query(rs -> {
				stored.put(rs.getLong(1), rs.getInt(2));
			});
		List<Object[]> changed = new ArrayList<>();
		int count = before;
		for (long day = first; day <= last; day++) {
			LocalDate date = LocalDate.ofEpochDay(day);
			if (WorkDayIndex.isWorking(date, entries.get(date))) {
				count++;
			}
			if (stored.get(day) != count) {
				changed.add(new Object[] { count, day });
			}
		}
		batch.batchUpdate("UPDATE work_day SET ordinal = ? WHERE day_num = ?", changed);
		int shift = count - stored.get(last);
		if (shift != 0) {
			jdbc.sql("UPDATE work_day SET ordinal = ordinal + ? WHERE day_num > ?").params(shift, last).update();
		}
	}

}
