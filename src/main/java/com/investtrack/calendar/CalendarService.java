package com.investtrack.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Reads and changes a year of the working-day calendar. Everyone signed in reads it;
 * administrators change it, each change audited with the year's entries before and after.
 * A change replaces the year's entries, rebuilds the working day counts from that year on
 * and moves the calendar's version, all in one transaction; every node then reloads.
 * <p>
 * What a year may hold: dates of that year, each listed once and not in both lists.
 * Holidays are taken as the notice gives them, weekends included (2025's Spring Festival
 * holiday 1/28–2/4 spans a weekend; a weekend day in it is not worked either way). An
 * adjusted working day must be a Saturday or Sunday: a weekday is a working day already,
 * so listing one would be a mistake in the entry.
 */
@Service
public class CalendarService {

	private final CalendarRepository repository;

	private final CalendarCache cache;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CalendarService(CalendarRepository repository, CalendarCache cache, AccessPolicy access, AuditTrail audit,
			Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.cache = cache;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public CalendarYear year(int year) {
		checkYear(year);
		return view(year, repository.entries(year), repository.year(year).orElse(null));
	}

	/** The years that have entries, ascending. */
	@Transactional(readOnly = true)
	public List<Integer> definedYears() {
		return repository.years();
	}

	/**
	 * Replaces a year's holidays and adjusted working days; two empty lists remove the
	 * year's entries (it counts Monday to Friday again). Unchanged entries write nothing.
	 * Bad input is refused with the field it concerns, nothing written.
	 */
	@Transactional
	public CalendarYear change(int year, List<LocalDate> holidays, List<LocalDate> workdays, CurrentUser user) {
		access.checkCanChangeCalendar(user);
		checkYear(year);
		Map<LocalDate, DayKind> entries = checkedEntries(year, holidays, workdays);
		long version = repository.lockVersion();
		Map<LocalDate, DayKind> before = repository.entries(year);
		if (before.equals(entries)) {
			return view(year, before, repository.year(year).orElse(null));
		}
		Instant now = Instant.now(clock);
		repository.replaceYear(year, entries, now, user.username());
		repository.rebuildWorkDays(year, entries);
		events.publishEvent(new WorkingDaysChanged(year, LocalDate.of(year, 1, 1).toEpochDay()));
		repository.setVersion(version + 1);
		// this node answers from the new calendar as soon as the change commits (and from
		// the old one if it rolls back)
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				cache.refresh();
			}

		});
		audit.append(AuditEvent.of(user.username(), AuditAction.CALENDAR_CHANGED, null)
			.details("year: " + year + "; holidays: " + summary(before, DayKind.HOLIDAY) + " -> "
					+ summary(entries, DayKind.HOLIDAY) + "; workdays: " + summary(before, DayKind.WORKDAY) + " -> "
					+ summary(entries, DayKind.WORKDAY)));
		return view(year, entries, repository.year(year).orElse(null));
	}

	private static void checkYear(int year) {
		if (year < WorkDayIndex.FIRST_YEAR || year > WorkDayIndex.LAST_YEAR) {
			throw new InvalidInputException("year",
					"must be between " + WorkDayIndex.FIRST_YEAR + " and " + WorkDayIndex.LAST_YEAR);
		}
	}

	/** The entries of both lists, or every field's first problem. */
	private static Map<LocalDate, DayKind> checkedEntries(int year, List<LocalDate> holidays,
			List<LocalDate> workdays) {
		Map<String, String> problems = new LinkedHashMap<>();
		Map<LocalDate, DayKind> entries = new HashMap<>();
		String holidayProblem = problem(year, holidays, entries, DayKind.HOLIDAY);
		if (holidayProblem != null) {
			problems.put("holidays", holidayProblem);
		}
		String workdayProblem = problem(year, workdays, entries, DayKind.WORKDAY);
		if (workdayProblem != null) {
			problems.put("workdays", workdayProblem);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return entries;
	}

	/**
	 * Adds one list's days to the entries; the first reason the list cannot be taken, or
	 * null.
	 */
	private static String problem(int year, List<LocalDate> days, Map<LocalDate, DayKind> entries, DayKind kind) {
		if (days == null) {
			return "is required";
		}
		Set<LocalDate> seen = new HashSet<>();
		for (LocalDate day : days) {
			if (day == null) {
				return "must not contain an empty date";
			}
			if (day.getYear() != year) {
				return day + " is not in " + year;
			}
			if (!seen.add(day)) {
				return day + " is listed twice";
			}
			if (entries.containsKey(day)) {
				return day + " is both a holiday and an adjusted working day";
			}
			if (kind == DayKind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
					&& day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				return day + " is not a Saturday or Sunday: an adjusted working day is a weekend day that is worked";
			}
		}
		days.forEach(day -> entries.put(day, kind));
		return null;
	}

	private static CalendarYear view(int year, Map<LocalDate, DayKind> entries, CalendarRepository.YearRow row) {
		boolean defined = !entries.isEmpty();
		int workingDays = 0;
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			if (WorkDayIndex.isWorking(day, entries.get(day))) {
				workingDays++;
			}
		}
		return new CalendarYear(year, defined, row != null && row.shipped(),
				defined ? CalendarYear.Counting.AS_LISTED : CalendarYear.Counting.MONDAY_TO_FRIDAY, workingDays,
				days(entries, DayKind.HOLIDAY), days(entries, DayKind.WORKDAY), row == null ? null : row.changedAt(),
				row == null ? null : row.changedBy());
	}

	private static List<LocalDate> days(Map<LocalDate, DayKind> entries, DayKind kind) {
		return entries.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).sorted().toList();
	}

	/**
	 * A list for the audit trail as the notices write it: 01-01, 01-28..02-04 (or
	 * "none").
	 */
	private static String summary(Map<LocalDate, DayKind> entries, DayKind kind) {
		List<CalendarYear.DateRange> ranges = CalendarYear.ranges(days(entries, kind));
		if (ranges.isEmpty()) {
			return "none";
		}
		return ranges.stream()
			.map(r -> r.days() == 1 ? monthDay(r.first()) : monthDay(r.first()) + ".." + monthDay(r.last()))
			.collect(Collectors.joining(", "));
	}

	private static String monthDay(LocalDate day) {
		return day.toString().substring(5);
	}

}
