package com.investtrack.project;

import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.ConflictException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Adds and renames industrial parks; administrators only, audited. Parks are never
 * deleted: projects refer to them.
 */
@Service
public class ParkService {

	private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,31}$");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final ReferenceData reference;

	private final AccessPolicy access;

	private final AuditTrail audit;

	ParkService(ReferenceData reference, AccessPolicy access, AuditTrail audit) {
		this.reference = reference;
		this.access = access;
		this.audit = audit;
	}

	@Transactional
	public Park create(Park park, CurrentUser actor) {
		access.checkAdmin(actor);
		String code = park.code() == null ? "" : park.code().strip();
		if (!CODE.matcher(code).matches()) {
			throw new InvalidInputException("code", "must be 2 to 32 upper-case letters, digits or '-'");
		}
		Park checked = new Park(code, text("name", park.name(), 200), text("district", park.district(), 100));
		if (reference.park(code).isPresent()) {
			throw new ConflictException("A park with code " + code + " already exists");
		}
		reference.addPark(checked);
		audit.append(AuditEvent.of(actor.username(), AuditAction.PARK_CREATED, null)
			.details("park: " + code + "; name: " + checked.name() + "; district: " + checked.district()));
		return checked;
	}

	@Transactional
	public Park change(String code, String name, String district, CurrentUser actor) {
		access.checkAdmin(actor);
		Park before = reference.lockPark(code).orElseThrow(() -> new NotFoundException("No park " + code));
		Park after = new Park(code, text("name", name, 200), text("district", district, 100));
		if (after.equals(before)) {
			return before;
		}
		reference.updatePark(after);
		audit.append(AuditEvent.of(actor.username(), AuditAction.PARK_CHANGED, null)
			.details("park: " + code + "; name: " + before.name() + " -> " + after.name() + "; district: "
					+ before.district() + " -> " + after.district()));
		return after;
	}

	private static String text(String field, String value, int max) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty() || stripped.length() > max || CONTROL.matcher(stripped).find()) {
			throw new InvalidInputException(field,
					"is required, at most " + max + " characters, no control characters");
		}
		return stripped;
	}

}
