package com.investtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * User administration through the API and the page: accounts are created with
 * BCrypt-hashed passwords, roles changed, accounts disabled and re-enabled, passwords
 * reset; each change is audited and ends the user's open sessions, and an administrator
 * cannot lock themselves out.
 */
class UserAdminApiTest extends ApiTestBase {

	private static final String PASSWORD = "correct horse battery";

	@Test
	void anAdministratorCreatesAUserWhoCanThenWork() {
		String name = AccessMatrixApiTest.uniqueName();
		Response created = post("admin", "/api/admin/users",
				Map.of("username", name, "displayName", "Sun Li", "roles", List.of("OFFICER"), "password", PASSWORD));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.headers().getLocation().getPath()).isEqualTo("/api/admin/users/" + name);
		assertThat(created.body().get("roles").get(0).asText()).isEqualTo("OFFICER");
		assertThat(created.raw()).doesNotContain(PASSWORD).doesNotContain("password");

		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
			.param(name)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);

		Response project = as(name, PASSWORD, HttpMethod.POST, "/api/projects", newProject(name, today()));
		assertThat(project.status()).as(project.raw()).isEqualTo(201);

		String details = lastAudit("USER_CREATED", "admin");
		assertThat(details).contains("user: " + name).contains("[OFFICER]").doesNotContain(PASSWORD);
	}

	@Test
	void badAccountsAreRefusedWithTheReason() {
		String name = AccessMatrixApiTest.uniqueName();
		Map<String, Map<String, Object>> bad = Map.of("password",
				Map.of("username", name, "displayName", "X", "roles", List.of("OFFICER"), "password", "short"),
				"username",
				Map.of("username", "Upper Case", "displayName", "X", "roles", List.of("OFFICER"), "password", PASSWORD),
				"displayName", Map.of("username", name, "displayName", "line\nbreak", "roles", List.of("OFFICER"),
						"password", PASSWORD));
		bad.forEach((field, body) -> {
			Response r = post("admin", "/api/admin/users", body);
			assertThat(r.status()).as(field).isEqualTo(400);
			assertThat(r.body().get("fields").has(field)).as(field + ": " + r.raw()).isTrue();
		});
		assertThat(post("admin", "/api/admin/users",
				Map.of("username", name, "displayName", "X", "roles", List.of("OFFICER"), "password", "é".repeat(40)))
			.status()).as("more than BCrypt's 72 bytes").isEqualTo(400);
		assertThat(post("admin", "/api/admin/users",
				Map.of("username", name, "displayName", "X", "roles", List.of(), "password", PASSWORD))
			.status()).as("no role").isEqualTo(400);
		assertThat(post("admin", "/api/admin/users",
				Map.of("username", name, "displayName", "X", "roles", List.of("GOD"), "password", PASSWORD))
			.status()).as("unknown role").isEqualTo(400);
		assertThat(post("admin", "/api/admin/users",
				Map.of("username", "officer", "displayName", "X", "roles", List.of("OFFICER"), "password", PASSWORD))
			.status()).as("taken").isEqualTo(409);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(name).query(Long.class).single())
			.isZero();
		assertThat(get("admin", "/api/admin/users/nobody").status()).isEqualTo(404);
	}

	@Test
	void changingRolesTakesEffectAtOnceAndEndsOpenSessions() throws Exception {
		String name = create(List.of("OFFICER"));
		MockHttpSession session = login(name, PASSWORD);
		assertThat(sessionGet(session, "/api/parks")).isEqualTo(200);

		Response changed = put("admin", "/api/admin/users/" + name + "/roles",
				Map.of("roles", List.of("MANAGER", "OFFICER")));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(sessionGet(session, "/api/parks")).as("the session ended").isEqualTo(401);

		long project = createProject("officer", today().minusDays(5));
		assertThat(as(name, PASSWORD, HttpMethod.POST, "/api/projects/" + project + "/reassign",
				Map.of("officer", "officer2"))
			.status()).as("now a manager").isEqualTo(200);
		assertThat(lastAudit("USER_ROLES_CHANGED", "admin")).contains("user: " + name)
			.contains("[OFFICER] -> [MANAGER, OFFICER]");
	}

	@Test
	void aDisabledAccountCannotLogInAndItsSessionsEnd() throws Exception {
		String name = create(List.of("OFFICER"));
		MockHttpSession apiSession = login(name, PASSWORD);
		MockHttpSession pageSession = login(name, PASSWORD);

		assertThat(post("admin", "/api/admin/users/" + name + "/disable", null).status()).isEqualTo(200);
		assertThat(as(name, PASSWORD, HttpMethod.GET, "/api/parks", null).status()).isEqualTo(401);
		assertThat(mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(name).password(PASSWORD))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).as("the login form refuses it too").isEqualTo("/login?error");
		assertThat(sessionGet(apiSession, "/api/parks")).isEqualTo(401);
		var page = mvc.perform(MockMvcRequestBuilders.get("/admin/users").session(pageSession))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(302);
		assertThat(page.getRedirectedUrl()).endsWith("/login");
		assertThat(lastAudit("USER_DISABLED", "admin")).isEqualTo("user: " + name);
		assertThat(lastAudit("LOGIN_FAILED", name)).contains("account disabled");

		assertThat(post("admin", "/api/admin/users/" + name + "/enable", null).status()).isEqualTo(200);
		assertThat(as(name, PASSWORD, HttpMethod.GET, "/api/parks", null).status()).isEqualTo(200);
		assertThat(lastAudit("USER_ENABLED", "admin")).isEqualTo("user: " + name);
	}

	@Test
	void aPasswordResetReplacesThePasswordAndEndsSessions() throws Exception {
		String name = create(List.of("AUDITOR"));
		MockHttpSession session = login(name, PASSWORD);
		String newPassword = "another long secret";
		assertThat(put("admin", "/api/admin/users/" + name + "/password", Map.of("password", newPassword)).status())
			.isEqualTo(204);
		assertThat(as(name, PASSWORD, HttpMethod.GET, "/api/parks", null).status()).isEqualTo(401);
		assertThat(as(name, newPassword, HttpMethod.GET, "/api/parks", null).status()).isEqualTo(200);
		assertThat(sessionGet(session, "/api/parks")).isEqualTo(401);
		assertThat(lastAudit("PASSWORD_RESET", "admin")).isEqualTo("user: " + name).doesNotContain(newPassword);
	}

	@Test
	void anAdministratorCannotLockThemselvesOut() {
		String admin2 = create(List.of("ADMIN"));
		assertThat(as(admin2, PASSWORD, HttpMethod.POST, "/api/admin/users/" + admin2 + "/disable", null).status())
			.isEqualTo(409);
		assertThat(as(admin2, PASSWORD, HttpMethod.PUT, "/api/admin/users/" + admin2 + "/roles",
				Map.of("roles", List.of("AUDITOR")))
			.status()).isEqualTo(409);
		assertThat(as(admin2, PASSWORD, HttpMethod.PUT, "/api/admin/users/" + admin2 + "/roles",
				Map.of("roles", List.of("ADMIN", "AUDITOR")))
			.status()).as("keeping ADMIN is fine").isEqualTo(200);
		assertThat(post("admin", "/api/admin/users/" + admin2 + "/disable", null).status())
			.as("another administrator may")
			.isEqualTo(200);
	}

	@Test
	void thePageCreatesUsersAndShowsWhyAChangeWasRefused() throws Exception {
		MockHttpSession admin = login("admin", TestData.PASSWORD);
		String name = AccessMatrixApiTest.uniqueName();
		var created = mvc
			.perform(MockMvcRequestBuilders.post("/admin/users")
				.session(admin)
				.with(csrf())
				.param("username", name)
				.param("displayName", "Page user")
				.param("password", PASSWORD)
				.param("roles", "OFFICER")
				.param("roles", "AUDITOR"))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
		assertThat(created.getFlashMap().get("message")).isEqualTo("User " + name + " created.");
		assertThat(get("admin", "/api/admin/users/" + name).body().get("roles").toString()).contains("OFFICER",
				"AUDITOR");

		var refused = mvc
			.perform(MockMvcRequestBuilders.post("/admin/users/" + name + "/password")
				.session(admin)
				.with(csrf())
				.param("password", "short"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Password: must be at least 12 characters long");

		var self = mvc.perform(MockMvcRequestBuilders.post("/admin/users/admin/disable").session(admin).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(self.getStatus()).isEqualTo(409);

		var page = mvc.perform(MockMvcRequestBuilders.get("/admin/users").session(admin)).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains(name).contains("name=\"_csrf\"").contains("Create user");
	}

	@Test
	void auditorsSeeTheAccountsButNoForms() throws Exception {
		var page = mvc.perform(MockMvcRequestBuilders.get("/admin/users").session(login("auditor", TestData.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("officer2")
			.doesNotContain("Create user")
			.doesNotContain("action=\"/admin/users");
		assertThat(get("auditor", "/api/admin/users").body().size()).isGreaterThanOrEqualTo(TestData.USERS.size());
	}

	private String create(List<String> roles) {
		String name = AccessMatrixApiTest.uniqueName();
		Response r = post("admin", "/api/admin/users",
				Map.of("username", name, "displayName", "Test " + name, "roles", roles, "password", PASSWORD));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return name;
	}

	private Response as(String user, String password, HttpMethod method, String path, Object body) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return exchange(null, method, path, body, Map.of(HttpHeaders.AUTHORIZATION, "Basic " + credentials));
	}

	private int sessionGet(MockHttpSession session, String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(path).session(session)).andReturn().getResponse().getStatus();
	}

	private String lastAudit(String action, String actor) {
		return jdbc.sql("SELECT details FROM audit_entry WHERE action = ? AND actor = ? ORDER BY seq DESC LIMIT 1")
			.params(action, actor)
			.query(String.class)
			.single();
	}

}
