package com.investtrack.milestone;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.investtrack.common.InvalidInputException;

/**
 * The rules on effective dates: a milestone happened on a real day, not in the future,
 * not before the previous one.
 */
@Component
public class MilestoneDates {

	private final Clock clock;

	MilestoneDates(Clock clock) {
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Checks an effective date against today and the previous milestone's date; the field
	 * name goes into the error.
	 */
	public void check(String field, LocalDate effectiveOn, LocalDate previousMilestoneOn) {
		if (effectiveOn == null) {
			throw new InvalidInputException(field, "is required");
		}
		if (effectiveOn.isAfter(today())) {
			throw new InvalidInputException(field, "must not be in the future (today is " + today() + ")");
		}
		if (previousMilestoneOn != null && effectiveOn.isBefore(previousMilestoneOn)) {
			throw new InvalidInputException(field,
					"must not be before the previous milestone (" + previousMilestoneOn + ")");
		}
		if (effectiveOn.isBefore(LocalDate.of(1990, 1, 1))) {
			throw new InvalidInputException(field, "must not be before 1990-01-01");
		}
	}

}
