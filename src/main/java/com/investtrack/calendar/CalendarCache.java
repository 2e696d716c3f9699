package com.investtrack.calendar;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar in memory, so that counting working days costs no database round trip: the
 * lights count them for every project on every page. The calendar_version row tells
 * whether the copy is current: it is read at most once per
 * {@code app.calendar.recheck-interval} (1 second by default) per node, and the copy is
 * reloaded when the version moved. The node that changes the calendar reloads as soon as
 * its transaction ends, so it never answers from the old calendar; another node of a
 * cluster follows within the interval.
 * <p>
 * While one thread checks or reloads, the others go on with the copy they have rather
 * than wait for the database.
 */
@Component
class CalendarCache {

	private record Checked(WorkDayIndex index, long atNanos) {
	}

	private final CalendarRepository repository;

	private final long recheckNanos;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile Checked current;

	CalendarCache(CalendarRepository repository,
			@Value("${app.calendar.recheck-interval:1s}") Duration recheckInterval) {
		this.repository = repository;
		this.recheckNanos = recheckInterval.toNanos();
	}

	WorkDayIndex index() {
		Checked checked = current;
		if (checked != null && isFresh(checked)) {
			return checked.index();
		}
		if (checked == null) {
			refreshing.lock();
		}
		else if (!refreshing.tryLock()) {
			return checked.index();
		}
		try {
			// another thread may have checked while this one waited for the lock
			Checked now = current;
			return now != null && isFresh(now) ? now.index() : check(now).index();
		}
		finally {
			refreshing.unlock();
		}
	}

	/**
	 * Reads the version now and reloads if it moved: called when a change of the calendar
	 * has ended.
	 */
	void refresh() {
		refreshing.lock();
		try {
			check(current);
		}
		finally {
			refreshing.unlock();
		}
	}

	private boolean isFresh(Checked checked) {
		return System.nanoTime() - checked.atNanos() < recheckNanos;
	}

	/**
	 * With the lock held: the version read first, so the entries read after it are never
	 * older than it says.
	 */
	private Checked check(Checked known) {
		long version = repository.version();
		WorkDayIndex index = known != null && known.index().version() == version ? known.index()
				: WorkDayIndex.of(version, repository.allEntries());
		Checked checked = new Checked(index, System.nanoTime());
		current = checked;
		return checked;
	}

}
