package com.investtrack.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.investtrack.common.InvalidInputException;

/**
 * The effective-date rules, on a clock where it is already the 10th in Jingmen but still
 * the 9th in UTC.
 */
class MilestoneDatesTest {

	private static final LocalDate TODAY = LocalDate.of(2024, 3, 10);

	private final MilestoneDates dates = new MilestoneDates(
			Clock.fixed(Instant.parse("2024-03-09T16:30:00Z"), ZoneId.of("Asia/Shanghai")));

	@Test
	void todayIsTheBureausLocalDay() {
		assertThat(dates.today()).isEqualTo(TODAY);
	}

	@Test
	void todayAndPastDatesAreAccepted() {
		dates.check("effectiveOn", TODAY, null);
		dates.check("effectiveOn", TODAY.minusYears(5), null);
		dates.check("effectiveOn", LocalDate.of(1990, 1, 1), null);
	}

	@Test
	void aDateOnTheDayOfThePreviousMilestoneOrLaterIsAccepted() {
		dates.check("effectiveOn", TODAY.minusDays(3), TODAY.minusDays(3));
		dates.check("effectiveOn", TODAY, TODAY.minusDays(3));
	}

	@Test
	void aMissingDateIsRequired() {
		assertRefused(null, null, "effectiveOn", "is required");
	}

	@Test
	void tomorrowIsInTheFuture() {
		assertRefused(TODAY.plusDays(1), null, "effectiveOn", "must not be in the future (today is 2024-03-10)");
	}

	@Test
	void aDayBeforeThePreviousMilestoneIsRefused() {
		assertRefused(TODAY.minusDays(4), TODAY.minusDays(3), "effectiveOn",
				"must not be before the previous milestone (2024-03-07)");
	}

	@Test
	void datesBefore1990AreRefused() {
		assertRefused(LocalDate.of(1989, 12, 31), null, "effectiveOn", "must not be before 1990-01-01");
	}

	@Test
	void theErrorNamesTheCallersField() {
		assertRefused(TODAY.plusDays(1), null, "negotiationStartedOn",
				"must not be in the future (today is 2024-03-10)");
	}

	private void assertRefused(LocalDate on, LocalDate previous, String field, String reason) {
		assertThatThrownBy(() -> dates.check(field, on, previous)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.fields()).containsExactly(java.util.Map.entry(field, reason)));
	}

}
