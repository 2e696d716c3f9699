package com.investtrack.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counting working days over the calendar as shipped (the entries of V7__calendar.sql),
 * checked against a day-by-day count and against the State Council's published totals,
 * without a database.
 */
class WorkingDaysTest {

	static Map<LocalDate, DayKind> shipped;

	/**
	 * A repository that answers from memory, so the cache's rules can be tested without a
	 * database.
	 */
	static final class MemoryRepository extends CalendarRepository {

		long version = 1;

		Map<LocalDate, DayKind> entries;

		int loads;

		MemoryRepository(Map<LocalDate, DayKind> entries) {
			super(null, null);
			this.entries = entries;
		}

		@Override
		long version() {
			return version;
		}

		@Override
		Map<LocalDate, DayKind> allEntries() {
			loads++;
			return entries;
		}

	}

	@BeforeAll
	static void readShippedEntries() throws IOException {
		shipped = new HashMap<>();
		Matcher m = Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})', \\d{4}, '(HOLIDAY|WORKDAY)'")
			.matcher(Files.readString(Path.of("db/migration/V7__calendar.sql")));
		while (m.find()) {
			shipped.put(LocalDate.parse(m.group(1)), DayKind.valueOf(m.group(2)));
		}
	}

	static WorkingDays workingDays(Map<LocalDate, DayKind> entries) {
		return new WorkingDays(new CalendarCache(new MemoryRepository(entries), Duration.ofHours(1)));
	}

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	/**
	 * The definition itself, one day at a time: each working day d with start < d <= end.
	 */
	private static long countDayByDay(LocalDate start, LocalDate end, Map<LocalDate, DayKind> entries) {
		if (end.isBefore(start)) {
			return -countDayByDay(end, start, entries);
		}
		long count = 0;
		for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
			if (WorkDayIndex.isWorking(day, entries.get(day))) {
				count++;
			}
		}
		return count;
	}

	@Test
	void theShippedNoticesAreThoseOfTheStateCouncil() {
		// 2024: 28 holidays, 8 adjusted working days; 2025: 28 and 5; 2026: 33 and 6
		// (DOMAIN.md)
		assertThat(shipped.entrySet().stream().filter(e -> e.getKey().getYear() == 2024).count()).isEqualTo(36);
		assertThat(shipped.entrySet().stream().filter(e -> e.getKey().getYear() == 2025).count()).isEqualTo(33);
		assertThat(shipped.entrySet().stream().filter(e -> e.getKey().getYear() == 2026).count()).isEqualTo(39);
		assertThat(shipped.entrySet().stream().filter(e -> e.getValue() == DayKind.WORKDAY))
			.allMatch(e -> e.getKey().getDayOfWeek().getValue() >= 6);
		WorkingDays calendar = workingDays(shipped);
		// the published totals: 251 working days in 2024, 248 in 2025
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2023-12-31"), d("2024-12-31"))).isEqualTo(251);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2024-12-31"), d("2025-12-31"))).isEqualTo(248);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2025-12-31"), d("2026-12-31"))).isEqualTo(248);
	}

	@Test
	void fourteenCalendarDaysAcrossTheSpringFestivalOf2025AreFiveWorkingDays() {
		WorkingDays calendar = workingDays(shipped);
		assertThat(calendar.between(DayUnit.CALENDAR_DAYS, d("2025-01-27"), d("2025-02-10"))).isEqualTo(14);
		// 1/28-2/4 holiday; 2/5, 2/6, 2/7 worked, 2/8 a Saturday worked, 2/9 Sunday, 2/10
		// Monday
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2025-01-27"), d("2025-02-10"))).isEqualTo(5);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2025-02-10"), d("2025-01-27"))).isEqualTo(-5);
		assertThat(calendar.between(DayUnit.CALENDAR_DAYS, d("2025-02-10"), d("2025-01-27"))).isEqualTo(-14);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2025-01-27"), d("2025-01-27"))).isZero();
	}

	@Test
	void anAdjustedWorkingDayOnAWeekendCountsAndAHolidayOnAWeekdayDoesNot() {
		WorkingDays calendar = workingDays(shipped);
		assertThat(calendar.isWorkingDay(d("2025-02-08"))).as("Saturday 2025-02-08, adjusted").isTrue();
		assertThat(calendar.isWorkingDay(d("2025-01-26"))).as("Sunday 2025-01-26, adjusted").isTrue();
		assertThat(calendar.isWorkingDay(d("2025-02-09"))).as("an ordinary Sunday").isFalse();
		assertThat(calendar.isWorkingDay(d("2025-10-08"))).as("Wednesday in the National Day holiday").isFalse();
		assertThat(calendar.isWorkingDay(d("2025-10-09"))).as("an ordinary Thursday").isTrue();
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2025-02-07"), d("2025-02-08"))).isEqualTo(1);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2025-02-08"), d("2025-02-09"))).isZero();
		// 2024-02-04, a Sunday before the Spring Festival, was worked
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2024-02-02"), d("2024-02-05"))).isEqualTo(2);
	}

	@Test
	void aYearWithoutEntriesCountsMondayToFriday() {
		WorkingDays calendar = workingDays(shipped);
		// 2027 has no notice yet: its New Year's Day, a Friday, counts; then Monday 1/4
		// to Friday 1/8 and Monday 1/11
		assertThat(calendar.isWorkingDay(d("2027-01-01"))).isTrue();
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2026-12-31"), d("2027-01-11"))).isEqualTo(7);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2026-12-31"), d("2027-12-31"))).isEqualTo(261);
		// and so do the days outside the calendar's range, before 1990 and after 2100
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("1989-12-29"), d("1990-01-02"))).isEqualTo(2);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("1980-01-01"), d("1981-01-01"))).isEqualTo(262);
		assertThat(calendar.between(DayUnit.WORKING_DAYS, d("2100-12-30"), d("2101-01-10"))).isEqualTo(7);
		assertThat(calendar.isWorkingDay(d("1989-12-31"))).isFalse();
		assertThat(calendar.isWorkingDay(d("2101-01-03"))).isTrue();
	}

	@Test
	void countsEqualTheDayByDayDefinitionEverywhere() {
		WorkingDays calendar = workingDays(shipped);
		Random random = new Random(10);
		for (int i = 0; i < 3000; i++) {
			LocalDate start = d("1987-01-01").plusDays(random.nextInt(45_000));
			LocalDate end = start.plusDays(random.nextInt(900) - 300);
			assertThat(calendar.between(DayUnit.WORKING_DAYS, start, end)).as(start + " to " + end)
				.isEqualTo(countDayByDay(start, end, shipped));
		}
		for (LocalDate day = d("2023-12-25"); day.isBefore(d("2027-01-10")); day = day.plusDays(1)) {
			assertThat(calendar.isWorkingDay(day)).as(day.toString())
				.isEqualTo(WorkDayIndex.isWorking(day, shipped.get(day)));
		}
	}

	@Test
	void minusIsTheLatestStartThatIsOldEnough() {
		WorkingDays calendar = workingDays(shipped);
		// a stage entered on 2025-02-04 (the holiday's last day) is five working days old
		// on 2025-02-10; the sixth
		// working day reaches back over the whole holiday to Monday 1/27, so one entered
		// the day before it
		assertThat(calendar.minus(DayUnit.WORKING_DAYS, d("2025-02-10"), 5)).isEqualTo(d("2025-02-04"));
		assertThat(calendar.minus(DayUnit.WORKING_DAYS, d("2025-02-10"), 6)).isEqualTo(d("2025-01-26"));
		assertThat(calendar.minus(DayUnit.CALENDAR_DAYS, d("2025-02-10"), 14)).isEqualTo(d("2025-01-27"));
		assertThat(calendar.minus(DayUnit.WORKING_DAYS, d("2025-02-10"), 0)).isEqualTo(d("2025-02-10"));
		Random random = new Random(11);
		for (int i = 0; i < 3000; i++) {
			LocalDate date = d("1988-01-01").plusDays(random.nextInt(44_500));
			int days = 1 + random.nextInt(400);
			LocalDate start = calendar.minus(DayUnit.WORKING_DAYS, date, days);
			assertThat(countDayByDay(start, date, shipped)).as(days + " before " + date).isGreaterThanOrEqualTo(days);
			assertThat(countDayByDay(start.plusDays(1), date, shipped)).as(days + " before " + date).isLessThan(days);
		}
	}

	@Test
	void aCallTakesWellUnderAMicrosecond() {
		WorkingDays calendar = workingDays(shipped);
		LocalDate start = d("2025-01-27");
		long sum = 0;
		for (int i = 0; i < 200_000; i++) {
			sum += calendar.between(DayUnit.WORKING_DAYS, start, start.plusDays(i % 700));
		}
		int calls = 1_000_000;
		long began = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			sum += calendar.between(DayUnit.WORKING_DAYS, start, start.plusDays(i % 700));
			sum += calendar.isWorkingDay(start.plusDays(i % 700)) ? 1 : 0;
		}
		double nanosPerCall = (System.nanoTime() - began) / (2.0 * calls);
		System.out.printf("WorkingDays: %.0f ns per call (checksum %d)%n", nanosPerCall, sum);
		// generous, for a busy shared machine: the measured figure is printed above
		assertThat(nanosPerCall).isLessThan(2_000);
	}

	@Test
	void withoutADatabaseEveryYearCountsMondayToFriday() {
		WorkingDays plain = new WorkingDays();
		assertThat(plain.between(DayUnit.WORKING_DAYS, d("2025-01-27"), d("2025-02-10"))).isEqualTo(10);
		assertThat(plain.isWorkingDay(d("2025-01-28"))).isTrue();
		assertThat(plain.minus(DayUnit.WORKING_DAYS, d("2025-02-10"), 10)).isEqualTo(d("2025-01-27"));
	}

	@Test
	void theCacheReloadsWhenTheVersionMovesAndOnlyThen() {
		MemoryRepository repository = new MemoryRepository(Map.of());
		CalendarCache cache = new CalendarCache(repository, Duration.ofHours(1));
		WorkingDays calendar = new WorkingDays(cache);
		assertThat(calendar.isWorkingDay(d("2025-01-28"))).isTrue();
		repository.entries = shipped;
		repository.version = 2;
		// within the recheck interval the copy stands, however often it is asked
		assertThat(calendar.isWorkingDay(d("2025-01-28"))).isTrue();
		assertThat(repository.loads).isEqualTo(1);
		// the node that made the change refreshes when its transaction ends
		cache.refresh();
		assertThat(calendar.isWorkingDay(d("2025-01-28"))).isFalse();
		assertThat(repository.loads).isEqualTo(2);
		// a check that finds the same version keeps the copy
		cache.refresh();
		assertThat(repository.loads).isEqualTo(2);

		MemoryRepository other = new MemoryRepository(Map.of());
		WorkingDays everyCall = new WorkingDays(new CalendarCache(other, Duration.ZERO));
		assertThat(everyCall.isWorkingDay(d("2025-01-28"))).isTrue();
		other.entries = shipped;
		other.version = 2;
		assertThat(everyCall.isWorkingDay(d("2025-01-28"))).as("another node, after its interval").isFalse();
	}

}
