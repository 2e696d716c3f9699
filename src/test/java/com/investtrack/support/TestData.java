package com.investtrack.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.investtrack.project.AssetModel;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.ProjectFacts;

/**
 * The users, parks and industries tests rely on, inserted where missing (a MySQL test
 * database outlives one context). Passwords are all "demo", hashed with BCrypt at
 * strength 4 so that tests do not spend their time hashing.
 */
public final class TestData {

	public static final String PASSWORD = "demo";

	private static final String DEMO_HASH_STRENGTH_4 = "$2a$04$R2QVAr/pj5DUVk9ka7UKHe8LFZ.eDs5SPc1yXAQsbTkrDsIKhVE5C";

	public static final Map<String, List<String>> USERS = Map.of("officer", List.of("OFFICER"), "officer2",
			List.of("OFFICER"), "lead", List.of("OFFICER", "MANAGER"), "manager", List.of("MANAGER"), "manager2",
			List.of("MANAGER"), "auditor", List.of("AUDITOR"), "admin", List.of("ADMIN"), "disabled",
			List.of("OFFICER"), "leader", List.of("LEADER"),
			// takes the wrong passwords of tests that need a real user, so the login
			// throttle locks nobody else
			"wrongpass", List.of("OFFICER"));

	public static final List<String> PARKS = List.of("JS-IMP", "ZX-CNC", "SY-GF", "QJL-EA");

	public static final List<String> INDUSTRIES = List.of("EQUIPMENT", "NEW_ENERGY", "CHEMICAL", "AGRI_FOOD",
			"ELECTRONICS", "RENEWABLE", "HEALTH");

	public static void ensure(JdbcClient jdbc, String passwordHash) {
		USERS.forEach((username, roles) -> {
			if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
				.param(username)
				.query(Long.class)
				.single() == 0) {
				jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) VALUES "
						+ "(?, ?, ?, ?, ?)")
					.params(username, username, passwordHash, !username.equals("disabled"),
							Timestamp.from(Instant.now()))
					.update();
				roles.forEach(role -> jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)")
					.params(username, role)
					.update());
			}
		});
		for (String park : PARKS) {
			if (jdbc.sql("SELECT COUNT(*) FROM park WHERE code = ?").param(park).query(Long.class).single() == 0) {
				jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)")
					.params(park, park + " park", "Jingmen")
					.update();
			}
		}
		for (String industry : INDUSTRIES) {
			if (jdbc.sql("SELECT COUNT(*) FROM industry WHERE code = ?")
				.param(industry)
				.query(Long.class)
				.single() == 0) {
				jdbc.sql("INSERT INTO industry (code, name) VALUES (?, ?)")
					.params(industry, industry.toLowerCase())
					.update();
			}
		}
	}

	/**
	 * The facts of a heavy-asset equipment project of 10,000 万元 on 30 亩, for tests that
	 * need any project.
	 */
	public static ProjectFacts facts(String name, String park) {
		return new ProjectFacts(name, "Investor", "EQUIPMENT", park, AssetModel.HEAVY, new BigDecimal("10000"), null,
				null, new BigDecimal("30"), null, null, null, null, null, null, null, null, KeyLevel.NONE);
	}

	public static String demoHash() {
		return DEMO_HASH_STRENGTH_4;
	}

	private TestData() {
	}

}
