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
public class UserRepository {

	/** A user with the hash, for authentication only. */
	record Credentials(UserAccount account, String passwordHash) {
	}

	private final JdbcClient jdbc;

	private final CredentialCache credentials;

	UserRepository(JdbcClient jdbc, CredentialCache credentials) {
		this.jdbc = jdbc;
		this.credentials = credentials;
	}

	Optional<Credentials> credentials(String username) {
		var rows = jdbc.sql("""
				SELECT u.username, u.display_name, u.enabled, u.password_hash, r.role
				FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username WHERE u.username = ?""")
			.param(username)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getString(5) })
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		rows.stream().filter(r -> r[4] != null).forEach(r -> roles.add(Role.valueOf((String) r[4])));
		Object[] first = rows.get(0);
		return Optional.of(new Credentials(
				new UserAccount((String) first[0], (String) first[1], (Boolean) first[2], roles), (String) first[3]));
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

	/** Usernames holding a role, e.g. the officers a project can be assigned to. */
	public List<String> withRole(Role role) {
		return jdbc.sql("""
				SELECT u.username FROM app_user u JOIN app_user_role r ON r.username = u.username
				WHERE r.role = ? AND u.enabled = TRUE ORDER BY u.username""")
			.param(role.name())
			.query(String.class)
			.list();
	}

	public boolean exists(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() > 0;
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	public void insert(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) VALUES (?, ?, ?, TRUE, ?)")
			.params(username, displayName, passwordHash, Timestamp.from(now))
			.update();
		setRoles(username, roles);
	}

	public void setRoles(String username, Set<Role> roles) {
		credentials.evict(username);
		jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
		}
	}

	public void setEnabled(String username, boolean enabled) {
		credentials.evict(username);
		jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
	}

	public void setPasswordHash(String username, String hash) {
		credentials.evict(username);
		jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(hash, username).update();
	}

}
