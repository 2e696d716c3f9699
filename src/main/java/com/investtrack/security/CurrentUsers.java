package com.investtrack.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.investtrack.common.Role;

/** Turns Spring Security's authentication into the domain's {@link CurrentUser}. */
public final class CurrentUsers {

	public static CurrentUser of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		authentication.getAuthorities().forEach(a -> {
			String name = a.getAuthority();
			if (name.startsWith("ROLE_")) {
				roles.add(Role.valueOf(name.substring(5)));
			}
		});
		return new CurrentUser(authentication.getName(), roles);
	}

	/**
	 * The caller of the current request; fails if there is none (every endpoint but login
	 * is authenticated).
	 */
	public static CurrentUser current() {
		CurrentUser user = of(SecurityContextHolder.getContext().getAuthentication());
		if (user == null) {
			throw new IllegalStateException("No authenticated user");
		}
		return user;
	}

	private CurrentUsers() {
	}

}
