package com.investtrack.plan;

import java.util.Collection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.calendar.DayUnit;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Stage;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Reads and changes the stage thresholds. Lights are computed from them whenever they are
 * shown, so a change takes effect everywhere at once; nothing is scheduled from them.
 */
@Service
public class ThresholdService {

	private final Thresholds thresholds;

	private final AccessPolicy access;

	private final AuditTrail audit;

	ThresholdService(Thresholds thresholds, AccessPolicy access, AuditTrail audit) {
		this.thresholds = thresholds;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Collection<Threshold> all() {
		return thresholds.all().values();
	}

	/**
	 * A change of a stage's thresholds; a null unit or late-day count keeps the stored
	 * one.
	 */
	public record Change(Stage stage, int yellowDays, int redDays, DayUnit unit, Integer lateYellowDays,
			Integer lateRedDays) {
	}

	@Transactional
	public Threshold update(Change change, CurrentUser user) {
		access.checkManagerOrAdmin(user);
		Threshold before = thresholds.all().get(change.stage());
		if (before == null) {
			throw new NotFoundException("Stage " + change.stage() + " has no thresholds");
		}
		Threshold t = new Threshold(change.stage(), change.yellowDays(), change.redDays(),
				change.unit() == null ? before.unit() : change.unit(),
				change.lateYellowDays() == null ? before.lateYellowDays() : change.lateYellowDays(),
				change.lateRedDays() == null ? before.lateRedDays() : change.lateRedDays());
		if (t.redDays() <= t.yellowDays()) {
			throw new InvalidInputException("redDays", "must be greater than yellowDays");
		}
		if (t.lateRedDays() <= t.lateYellowDays()) {
			throw new InvalidInputException("lateRedDays", "must be greater than lateYellowDays");
		}
		if (t.equals(before)) {
			return before;
		}
		thresholds.update(t);
		audit.append(AuditEvent.of(user.username(), AuditAction.THRESHOLD_CHANGED, null)
			.stages(t.stage(), null)
			.details("yellowDays: " + before.yellowDays() + " -> " + t.yellowDays() + "; redDays: " + before.redDays()
					+ " -> " + t.redDays() + "; unit: " + before.unit() + " -> " + t.unit() + "; lateYellowDays: "
					+ before.lateYellowDays() + " -> " + t.lateYellowDays() + "; lateRedDays: " + before.lateRedDays()
					+ " -> " + t.lateRedDays()));
		return t;
	}

}
