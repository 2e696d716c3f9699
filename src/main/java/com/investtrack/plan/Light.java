package com.investtrack.plan;

import java.util.List;

import com.investtrack.calendar.DayUnit;

import com.investtrack.project.Health;

/**
 * A project's light and why: {@code reason} names the rule that decided it (a message key
 * under {@code light.}), {@code args} fill that message, {@code daysLate} counts how far
 * the next milestone is past its agreed date (in the stage's unit; null without an agreed
 * date or for a finished project).
 */
public record Light(Health health, Reason reason, List<Object> args, Long daysLate) {

	/** A number of days in a unit, as the reason says it ("3 working days"). */
	public record Days(long count, DayUnit unit) {
	}

	/** The rule that decided a light. */
	public enum Reason {

		/**
		 * The next milestone has an agreed date that has not passed (or passed by less
		 * than the yellow margin).
		 */
		ON_PLAN,
		/** The next milestone's agreed date passed. */
		BEHIND_PLAN,
		/**
		 * No agreed date for the next milestone, but the current one was reached on or
		 * before its own.
		 */
		ON_TIME,
		/** No agreed date: the stage's age against its thresholds. */
		STAGE_AGE,
		/**
		 * Nothing moved (no milestone, no progress entry) for longer than the "no
		 * progress" limits.
		 */
		NO_PROGRESS,
		/** Finished: in production. */
		IN_PRODUCTION,
		/** Finished: dropped. */
		DROPPED

	}

}
