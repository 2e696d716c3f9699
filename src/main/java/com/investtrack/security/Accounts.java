package com.investtrack.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.investtrack.common.Role;

/**
 * What other modules may ask of user accounts; the account tables are written by this
 * module only.
 */
@Service
public class Accounts {

	/** An account of the demo data. */
	public record DemoAccount(String username, String displayName, Set<Role> roles) {
	}

	private final UserRepository users;

	Accounts(UserRepository users) {
		this.users = users;
	}

	public Optional<UserAccount> find(String username) {
		return users.find(username);
	}

	/** Every account, for pick lists and name look-ups. */
	public List<UserAccount> all() {
		return users.all();
	}

	/**
	 * Whether the user exists, is enabled and holds the role: who may own, lead or decide
	 * something.
	 */
	public boolean isActiveWith(String username, Role role) {
		return users.find(username).filter(u -> u.enabled() && u.roles().contains(role)).isPresent();
	}

	/**
	 * Creates the demo accounts, all with the same password hash, on a database without
	 * any user; returns false and changes nothing where users exist (demo data never
	 * overwrites real accounts).
	 */
	public boolean createDemoAccounts(List<DemoAccount> accounts, String passwordHash, Instant at) {
		if (users.count() > 0) {
			return false;
		}
		accounts.forEach(a -> users.insert(a.username(), a.displayName(), passwordHash, a.roles(), at));
		return true;
	}

}
