package com.investtrack.security;

import org.springframework.stereotype.Service;

import com.investtrack.common.Role;

/** What other modules may ask about user accounts. */
@Service
public class Accounts {

	private final UserRepository users;

	Accounts(UserRepository users) {
		this.users = users;
	}

	/** Whether the user exists, is enabled and holds the role: who may own, lead or decide something. */
	public boolean isActiveWith(String username, Role role) {
		return users.find(username).filter(u -> u.enabled() && u.roles().contains(role)).isPresent();
	}

}
