package com.investtrack.milestone;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.investtrack.calendar.WorkingDaysChanged;

/**
 * Keeps the working-day ordinals in milestone_timeline in step with the calendar: a
 * synchronous listener, so the rewrite is part of the calendar change's transaction and
 * commits or rolls back with it (reports never see new days counted with old ordinals).
 * At 100,000 projects a change of the current year rewrites a few tens of thousands of
 * rows, once, when an administrator changes the holidays.
 */
@Component
class WorkDayOrdinals {

	private final MilestoneRepository milestones;

	WorkDayOrdinals(MilestoneRepository milestones) {
		this.milestones = milestones;
	}

	@EventListener
	void calendarChanged(WorkingDaysChanged change) {
		milestones.refreshWorkDays(change.fromDayNum());
	}

}
