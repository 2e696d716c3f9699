package com.investtrack.security;

import org.springframework.stereotype.Component;

import com.investtrack.common.ForbiddenException;
import com.investtrack.common.Role;

/**
 * The access rules, in one place for the API, the pages and the engine's tasks: every
 * check of role, ownership and four-eyes is a method here, and every refusal is thrown
 * from here (and noted for the audit trail, see {@link Refusals}). Projects and reports
 * are read by every role; the audit trail by auditors and managers; the administration
 * (users, parks) by administrators, and read-only by auditors; writes as each method
 * says.
 */
@Component
public class AccessPolicy {

	/** Officers work on their own projects; managers on every project. */
	public boolean canWork(CurrentUser user, String projectOfficer) {
		return user.isManager() || (user.isOfficer() && user.username().equals(projectOfficer));
	}

	public void checkCanWork(CurrentUser user, String projectOfficer) {
		if (!canWork(user, projectOfficer)) {
			throw deny(user.isOfficer() ? "Only the project's officer or a manager may change this project"
					: "Your role may not change projects");
		}
	}

	public void checkCanCreateProject(CurrentUser user) {
		if (!user.isOfficer() && !user.isManager()) {
			throw deny("Only officers and managers create projects");
		}
	}

	/** Four-eyes: a manager decides, and never on a request of their own. */
	public boolean canDecide(CurrentUser user, String requestedBy) {
		return user.isManager() && !user.username().equals(requestedBy);
	}

	public void checkCanDecide(CurrentUser user, String requestedBy) {
		if (!user.isManager()) {
			throw deny("Only managers approve or reject");
		}
		if (user.username().equals(requestedBy)) {
			throw deny("Four-eyes rule: you cannot decide on a request you made yourself");
		}
	}

	/** The ledger number is the bureau's: only managers change it once it is given. */
	public void checkCanChangeCode(CurrentUser user) {
		if (!user.isManager()) {
			throw deny("Only managers may change a project's ledger number");
		}
	}

	/**
	 * The progress log: the project's officer and managers write it (everyone signed in
	 * reads it).
	 */
	public void checkCanRecordProgress(CurrentUser user, String projectOfficer) {
		if (!canWork(user, projectOfficer)) {
			throw deny("Only the project's officer or a manager may record its progress");
		}
	}

	/** Evidence files: the project's officer and managers add them. */
	public void checkCanAddEvidence(CurrentUser user, String projectOfficer) {
		if (!canWork(user, projectOfficer)) {
			throw deny("Only the project's officer or a manager may add evidence");
		}
	}

	/**
	 * Evidence files are read by every signed-in role, like the projects they belong to.
	 */
	public void checkCanReadEvidence(CurrentUser user) {
		if (user.roles().isEmpty()) {
			throw deny("Your account has no role");
		}
	}

	/**
	 * Evidence rules (which stages need an evidence file before a project steps into
	 * them): administrators switch them; everyone signed in reads them.
	 */
	public boolean canChangeEvidenceRules(CurrentUser user) {
		return user.has(Role.ADMIN);
	}

	public void checkCanChangeEvidenceRules(CurrentUser user) {
		if (!canChangeEvidenceRules(user)) {
			throw deny("Only administrators may do this");
		}
	}

	/**
	 * Fulfilment (funds in place, tax, the capacity date): the project's officer and
	 * managers record it; everyone signed in reads it.
	 */
	public void checkCanRecordFulfilment(CurrentUser user, String projectOfficer) {
		if (!canWork(user, projectOfficer)) {
			throw deny("Only the project's officer or a manager may record its fulfilment");
		}
	}

	/** The year's targets and publishing the monthly bulletin are the managers'. */
	public void checkCanSetTargets(CurrentUser user) {
		if (!user.isManager()) {
			throw deny("Only managers set targets and publish the monthly bulletin");
		}
	}

	/** Supervision notices are issued by managers. */
	public void checkCanIssueNotice(CurrentUser user) {
		if (!user.isManager()) {
			throw deny("Only managers issue supervision notices");
		}
	}

	/** A notice is answered by its owner and nobody else. */
	public void checkCanReplyToNotice(CurrentUser user, String owner) {
		if (!user.username().equals(owner)) {
			throw deny("Only the notice's owner may reply to it");
		}
	}

	/** Closing (销号) or sending back a notice: a manager other than its owner. */
	public boolean canCloseNotice(CurrentUser user, String owner) {
		return user.isManager() && !user.username().equals(owner);
	}

	public void checkCanCloseNotice(CurrentUser user, String owner) {
		if (!user.isManager()) {
			throw deny("Only managers close or send back supervision notices");
		}
		if (user.username().equals(owner)) {
			throw deny("A manager may not close or send back a notice they own");
		}
	}

	/** Reviews of red projects are the managers' to acknowledge. */
	public void checkCanAcknowledgeReview(CurrentUser user) {
		if (!user.isManager()) {
			throw deny("Only managers review stalled projects");
		}
	}

	public void checkManager(CurrentUser user) {
		if (!user.isManager()) {
			throw deny("Only managers may do this");
		}
	}

	public void checkAdmin(CurrentUser user) {
		if (!user.has(Role.ADMIN)) {
			throw deny("Only administrators may do this");
		}
	}

	/**
	 * The working-day calendar: everyone signed in reads it (the lights count by it),
	 * administrators change it.
	 */
	public boolean canChangeCalendar(CurrentUser user) {
		return user.has(Role.ADMIN);
	}

	public void checkCanChangeCalendar(CurrentUser user) {
		if (!canChangeCalendar(user)) {
			throw deny("Only administrators may change the calendar");
		}
	}

	public void checkManagerOrAdmin(CurrentUser user) {
		if (!user.isManager() && !user.has(Role.ADMIN)) {
			throw deny("Only managers and administrators may do this");
		}
	}

	/**
	 * The Excel ledger's import: managers and administrators, who take a bureau's whole
	 * record over at once.
	 */
	public boolean canImport(CurrentUser user) {
		return user.isManager() || user.has(Role.ADMIN);
	}

	public void checkCanImport(CurrentUser user) {
		if (!canImport(user)) {
			throw deny("Only managers and administrators import the ledger");
		}
	}

	/**
	 * Reports (durations, time to production, the dashboard, the monthly bulletin) are
	 * the bureau's own figures: every signed-in role reads them, on the pages and through
	 * the API alike.
	 */
	public void checkCanReadReports(CurrentUser user) {
		if (user.roles().isEmpty()) {
			throw deny("Your account has no role");
		}
	}

	/** The audit trail: auditors, and managers who answer for what their staff did. */
	public boolean canReadAudit(CurrentUser user) {
		return user.has(Role.AUDITOR) || user.isManager();
	}

	public void checkCanReadAudit(CurrentUser user) {
		if (!canReadAudit(user)) {
			throw deny("Only auditors and managers read the audit trail");
		}
	}

	/** User accounts and parks: administrators change them, auditors read them. */
	public void checkCanReadAdministration(CurrentUser user) {
		if (!user.has(Role.ADMIN) && !user.has(Role.AUDITOR)) {
			throw deny("Only administrators and auditors see the administration");
		}
	}

	/**
	 * Four-eyes whoever drives the engine: a decision taken by nobody, or by the
	 * requester, is refused.
	 */
	public void checkFourEyes(String decidedBy, String requestedBy) {
		if (decidedBy == null || decidedBy.equals(requestedBy)) {
			throw deny("Four-eyes rule: a request must be decided by a manager other than its requester");
		}
	}

	/**
	 * Every refusal leaves through here: noted for the audit trail, then thrown (a 403,
	 * or a page's message).
	 */
	private static ForbiddenException deny(String reason) {
		Refusals.note(reason);
		return new ForbiddenException(reason);
	}

}
