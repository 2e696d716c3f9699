package com.investtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import com.investtrack.common.InvalidInputException;

/**
 * An installation without demo accounts gets its first administrator from
 * APP_ADMIN_USERNAME / APP_ADMIN_PASSWORD on its first start, audited, and never again
 * once users exist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(properties = { "app.admin.username=chief", "app.admin.password=first start secret" })
@ActiveProfiles("test")
class FirstAdminTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	UserAdminService admin;

	@Test
	@Order(1)
	void theFirstStartCreatesTheConfiguredAdministratorOnce() {
		assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("chief");
		assertThat(jdbc.sql("SELECT role FROM app_user_role WHERE username = 'chief'").query(String.class).list())
			.containsExactly("ADMIN");
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'chief'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2");
		assertThat(encoder.matches("first start secret", hash)).isTrue();
		assertThat(jdbc.sql("SELECT actor || ' ' || details FROM audit_entry WHERE action = 'USER_CREATED'")
			.query(String.class)
			.list()).containsExactly("system user: chief; name: Administrator; roles: [ADMIN]");

		new FirstAdmin(admin, "second", "another long secret").run(new DefaultApplicationArguments());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).as("users exist now")
			.isEqualTo(1);
	}

	/** Runs last: it empties the user table to play a first start again. */
	@Test
	@Order(2)
	void halfAConfigurationOrAWeakPasswordStopsTheStart() {
		assertThatThrownBy(() -> new FirstAdmin(admin, "chief2", "").run(new DefaultApplicationArguments()))
			.isInstanceOf(IllegalStateException.class);
		jdbc.sql("DELETE FROM audit_entry").update();
		jdbc.sql("UPDATE audit_head SET last_seq = 0, last_hash = ?").param("0".repeat(64)).update();
		jdbc.sql("DELETE FROM app_user_role").update();
		jdbc.sql("DELETE FROM app_user").update();
		assertThatThrownBy(() -> new FirstAdmin(admin, "chief2", "short").run(new DefaultApplicationArguments()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("password");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isZero();
	}

}
