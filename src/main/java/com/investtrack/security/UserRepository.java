package com.investtrack.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.common.Role;

@Repository
class UserRepository {

	/** A user with the hash and the version of their access, for authentication only. */
	record Credentials(UserAccount account, String passwordHash, int authVersion) {
	}

	/** What a running session is checked against on every request. */
	record Status(boolean enabled, int authVersion) {
	}

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Credentials> credentials(String username) {
		var rows = jdbc.sql("""
				SELECT u.username, u.display_name, u.enabled, u.password_hash, r.role, u.auth_version
				FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username WHERE u.username = ?""")
			.param(username)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
							rs.getString(5), rs.getInt(6) })
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		rows.stream().filter(r -> r[4] != null).forEach(r -> roles.add(Role.valueOf((String) r[4])));
		Object[] first = rows.get(0);
		return Optional
			.of(new Credentials(new UserAccount((String) first[0], (String) first[1], (Boolean) first[2], roles),
					(String) first[3], (Integer) first[5]));
	}

	Optional<Status> status(String username) {
		return jdbc.sql("SELECT enabled, auth_version FROM app_user WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Status(rs.getBoolean(1), rs.getInt(2)))
			.optional();
	}

	/**
	 * Locks the user's row until commit, so that concurrent changes to one account queue
	 * up.
	 */
	Optional<UserAccount> lock(String username) {
		boolean exists = jdbc.sql("SELECT username FROM app_user WHERE username = ? FOR UPDATE")
			.param(username)
			.query(String.class)
			.optional()
			.isPresent();
		return exists ? find(username) : Optional.empty();
	}

	public Optional<UserAccount> find(String username) {
		return credentials(username).map(Credentials::account);
	}

	public List<UserAccount> all() {
		Map<String, UserAccount> users = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.username, u.display_name, u.enabled, r.role
				FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username ORDER BY u.username""")
			.query(rs -> {
				String username = rs.getString(1);
				UserAccount account = users.get(username);
				if (account == null) {
					account = new UserAccount(username, rs.getString(2), rs.getBoolean(3), EnumSet.noneOf(Role.class));
					users.put(username, account);
				}
				String role = rs.getString(4);
				if (role != null) {
					account.roles().add(Role.valueOf(role));
				}
			});
		return new ArrayList<>(users.values());
	}

	public boolean exists(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	public void insert(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) VALUES (?, ?, ?, "
				+ "TRUE, ?)")
			.params(username, displayName, passwordHash, Timestamp.from(now))
			.update();
		setRoles(username, roles);
	}

	/**
	 * Replaces the user's roles; the user's open sessions end (see
	 * {@link AccountStatusFilter}).
	 */
	public void setRoles(String username, Set<Role> roles) {
		jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
		}
		jdbc.sql("UPDATE app_user SET auth_version = auth_version + 1 WHERE username = ?").param(username).update();
	}

	public void setEnabled(String username, boolean enabled) {
		jdbc.sql("UPDATE app_user SET enabled = ?, auth_version = auth_version + 1 WHERE username = ?")
			.params(enabled, username)
			.update();
	}

	public void setPasswordHash(String username, String hash) {
		jdbc.sql("UPDATE app_user SET password_hash = ?, auth_version = auth_version + 1 WHERE username = ?")
			.params(hash, username)
			.update();
	}

}
