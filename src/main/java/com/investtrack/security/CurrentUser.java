package com.investtrack.security;

import java.util.Set;

import com.investtrack.common.Role;

/** The authenticated caller as the domain sees it. */
public record CurrentUser(String username, Set<Role> roles) {

	public static final String SYSTEM = "system";

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isManager() {
		return has(Role.MANAGER);
	}

	public boolean isOfficer() {
		return has(Role.OFFICER);
	}

}
