package com.investtrack.web.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.investtrack.calendar.CalendarYear;

/**
 * A list of dates as an administrator types it from a State Council notice: ISO dates or
 * ranges of them (2025-01-28..2025-02-04, also with ~, – or 至), separated by new lines,
 * commas, semicolons or spaces. Parsing keeps every day a range covers, in the order
 * typed, duplicates included, so the calendar's own rules judge them.
 */
final class DateListText {

	/**
	 * A range longer than any year is a typing error, not 400 dates to check one by one.
	 */
	static final int MAX_RANGE_DAYS = 366;

	private static final Pattern RANGE = Pattern.compile("\\s*(?:\\.\\.|~|～|–|—|至)\\s*");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;，；、]+");

	/**
	 * Why a text could not be read: the message key and its argument (the piece of text
	 * at fault).
	 */
	static final class UnreadableException extends Exception {

		private final String key;

		private final String piece;

		UnreadableException(String key, String piece) {
			super(key + ": " + piece);
			this.key = key;
			this.piece = piece;
		}

		String key() {
			return key;
		}

		String piece() {
			return piece;
		}

	}

	static List<LocalDate> parse(String text) throws UnreadableException {
		List<LocalDate> days = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return days;
		}
		for (String piece : SEPARATORS.split(RANGE.matcher(text.strip()).replaceAll(".."))) {
			int dots = piece.indexOf("..");
			if (dots < 0) {
				days.add(date(piece));
				continue;
			}
			LocalDate first = date(piece.substring(0, dots));
			LocalDate last = date(piece.substring(dots + 2));
			if (last.isBefore(first)) {
				throw new UnreadableException("calendar.error.backwards", piece);
			}
			if (last.toEpochDay() - first.toEpochDay() >= MAX_RANGE_DAYS) {
				throw new UnreadableException("calendar.error.tooLong", piece);
			}
			first.datesUntil(last.plusDays(1)).forEach(days::add);
		}
		return days;
	}

	/** The days as the form shows them: one line per run of consecutive days. */
	static String format(List<CalendarYear.DateRange> ranges) {
		return ranges.stream()
			.map(r -> r.days() == 1 ? r.first().toString() : r.first() + ".." + r.last())
			.collect(Collectors.joining("\n"));
	}

	private static LocalDate date(String piece) throws UnreadableException {
		try {
			return LocalDate.parse(piece);
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableException("calendar.error.notADate", piece);
		}
	}

	private DateListText() {
	}

}
