package com.investtrack.security;

import org.springframework.stereotype.Component;

import com.investtrack.common.ForbiddenException;
import com.investtrack.common.Role;

/**
 * The access rules, in one place for the API, the pages and the engine's tasks. Reading is open to every role; every
 * write is checked here against role, ownership and four-eyes.
 */
@Component
public class AccessPolicy {

	/** Officers work on their own projects; managers on every project. */
	public boolean canWork(CurrentUser user, String projectOfficer) {
		return user.isManager() || (user.isOfficer() && user.username().equals(projectOfficer));
	}

	public void checkCanWork(CurrentUser user, String projectOfficer) {
		if (!canWork(user, projectOfficer)) {
			throw new ForbiddenException(user.isOfficer() ? "Only the project's officer or a manager may change this project"
					: "Your role may not change projects");
		}
	}

	public void checkCanCreateProject(CurrentUser user) {
		if (!user.isOfficer() && !user.isManager()) {
			throw new ForbiddenException("Only officers and managers create projects");
		}
	}

	/** Four-eyes: a manager decides, and never on a request of their own. */
	public boolean canDecide(CurrentUser user, String requestedBy) {
		return user.isManager() && !user.username().equals(requestedBy);
	}

	public void checkCanDecide(CurrentUser user, String requestedBy) {
		if (!user.isManager()) {
			throw new ForbiddenException("Only managers approve or reject");
		}
		if (user.username().equals(requestedBy)) {
			throw new ForbiddenException("Four-eyes rule: you cannot decide on a request you made yourself");
		}
	}

	public void checkManager(CurrentUser user) {
		if (!user.isManager()) {
			throw new ForbiddenException("Only managers may do this");
		}
	}

	public void checkAdmin(CurrentUser user) {
		if (!user.has(Role.ADMIN)) {
			throw new ForbiddenException("Only administrators may do this");
		}
	}

	/** The working-day calendar: everyone signed in reads it (the lights count by it), administrators change it. */
	public boolean canChangeCalendar(CurrentUser user) {
		return user.has(Role.ADMIN);
	}

	public void checkCanChangeCalendar(CurrentUser user) {
		if (!canChangeCalendar(user)) {
			throw new ForbiddenException("Only administrators may do this");
		}
	}

	public void checkManagerOrAdmin(CurrentUser user) {
		if (!user.isManager() && !user.has(Role.ADMIN)) {
			throw new ForbiddenException("Only managers and administrators may do this");
		}
	}

}
