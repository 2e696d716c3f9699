package com.investtrack.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A slice: only the database (an embedded one, with the product's Flyway migrations) and
 * the calendar's own beans, no web layer, no engine. The working-day count reads the
 * calendar as V7 ships it, and follows a year replaced in the table once the cache
 * rechecks.
 */
@JdbcTest
@Import({ CalendarRepository.class, CalendarCache.class, WorkingDays.class })
@TestPropertySource(properties = "app.calendar.recheck-interval=0s")
class CalendarStoreJdbcTest {

	@Autowired
	CalendarRepository repository;

	@Autowired
	WorkingDays workingDays;

	@Test
	void theShippedCalendarCountsTheSpringFestivalAsTheStateCouncilSetIt() {
		// 2025-01-28 to 2025-02-04 off, Sunday 2025-01-26 and Saturday 2025-02-08 worked
		assertThat(workingDays.between(DayUnit.WORKING_DAYS, LocalDate.of(2025, 1, 27), LocalDate.of(2025, 2, 10)))
			.isEqualTo(5);
		assertThat(workingDays.between(DayUnit.CALENDAR_DAYS, LocalDate.of(2025, 1, 27), LocalDate.of(2025, 2, 10)))
			.isEqualTo(14);
		assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 2, 8))).as("an adjusted working Saturday").isTrue();
		assertThat(repository.years()).contains(2024, 2025, 2026);
	}

	@Test
	void aYearReplacedInTheTableIsCountedAtTheNextRecheck() {
		LocalDate monday = LocalDate.of(2031, 3, 3);
		assertThat(workingDays.isWorkingDay(monday)).as("a year without data counts Monday to Friday").isTrue();

		repository.replaceYear(2031, Map.of(monday, DayKind.HOLIDAY, LocalDate.of(2031, 3, 8), DayKind.WORKDAY),
				Instant.now(), "admin");
		repository.setVersion(repository.lockVersion() + 1);

		assertThat(workingDays.isWorkingDay(monday)).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 3, 8))).as("a Saturday made a working day").isTrue();
		assertThat(workingDays.between(DayUnit.WORKING_DAYS, LocalDate.of(2031, 3, 2), LocalDate.of(2031, 3, 9)))
			.as("Sunday to Sunday: four weekdays and the working Saturday")
			.isEqualTo(5);
	}

}
