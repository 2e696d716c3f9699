package com.investtrack.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of an authenticated user. It carries the account's access version at
 * login, so that a session opened before the account was disabled, its roles changed or
 * its password reset can be recognised and ended.
 */
final class AppUserPrincipal extends User {

	private static final long serialVersionUID = 1L;

	private final int authVersion;

	AppUserPrincipal(String username, String passwordHash, boolean enabled,
			Collection<? extends GrantedAuthority> authorities, int authVersion) {
		super(username, passwordHash, enabled, true, true, true, authorities);
		this.authVersion = authVersion;
	}

	int authVersion() {
		return authVersion;
	}

}
