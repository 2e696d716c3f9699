package com.investtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * CSRF, session fixation, session cookie and timeout, and the security headers of pages
 * and API answers.
 */
class WebSecurityApiTest extends ApiTestBase {

	@Autowired
	ServerProperties server;

	@Test
	void aFormPostWithoutAValidCsrfTokenIsRefused() throws Exception {
		MockHttpSession admin = login("admin", TestData.PASSWORD);
		String name = AccessMatrixApiTest.uniqueName();
		for (var attempt : List.of(MockMvcRequestBuilders.post("/admin/users"),
				MockMvcRequestBuilders.post("/admin/users").with(csrf().useInvalidToken()))) {
			int status = mvc
				.perform(attempt.session(admin)
					.param("username", name)
					.param("displayName", "Forged")
					.param("password", "correct horse battery")
					.param("roles", "ADMIN"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).isEqualTo(403);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(name).query(Long.class).single())
			.isZero();

		assertThat(mvc.perform(MockMvcRequestBuilders.post("/logout").session(admin))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/users").session(admin))
			.andReturn()
			.getResponse()
			.getStatus()).as("the session survived the forged logout").isEqualTo(200);
		assertThat(mvc.perform(
				MockMvcRequestBuilders.post("/login").param("username", "admin").param("password", TestData.PASSWORD))
			.andReturn()
			.getResponse()
			.getStatus()).as("login without token").isEqualTo(403);
	}

	@Test
	void apiCallsRidingOnASessionNeedTheCsrfTokenToo() throws Exception {
		MockHttpSession officer = login("officer", TestData.PASSWORD);
		String body = json.writeValueAsString(newProject("officer", today().minusDays(3)));
		var withoutToken = mvc
			.perform(MockMvcRequestBuilders.post("/api/projects")
				.session(officer)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
		assertThat(withoutToken.getStatus()).isEqualTo(403);
		assertThat(withoutToken.getContentAsString()).contains("\"error\":\"forbidden\"");
		var withToken = mvc
			.perform(MockMvcRequestBuilders.post("/api/projects")
				.session(officer)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
		assertThat(withToken.getStatus()).isEqualTo(201);
	}

	@Test
	void loginGivesTheSessionANewId() throws Exception {
		var anonymous = mvc.perform(MockMvcRequestBuilders.get("/admin/users")).andReturn();
		MockHttpSession session = (MockHttpSession) anonymous.getRequest().getSession(false);
		assertThat(session).as("the saved request opened a session").isNotNull();
		String before = session.getId();
		var login = mvc
			.perform(MockMvcRequestBuilders.post("/login")
				.session(session)
				.with(csrf())
				.param("username", "admin")
				.param("password", TestData.PASSWORD))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).contains("/admin/users");
		assertThat(login.getRequest().getSession(false).getId()).isNotEqualTo(before);
	}

	@Test
	void sessionsTimeOutAfterThirtyMinutesAndTheirCookieIsHttpOnlyAndSameSite() {
		var session = server.getServlet().getSession();
		assertThat(session.getTimeout()).isEqualTo(Duration.ofMinutes(30));
		assertThat(session.getCookie().getHttpOnly()).isTrue();
		assertThat(session.getCookie().getSameSite()).isEqualTo(SameSite.LAX);

		Response anonymousPage = exchange(null, HttpMethod.GET, "/admin/users", null,
				Map.of(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE));
		assertThat(anonymousPage.status()).isEqualTo(302);
		assertThat(anonymousPage.headers().getLocation().getPath()).isEqualTo("/login");
		String cookie = anonymousPage.headers().getFirst(HttpHeaders.SET_COOKIE);
		assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void pagesAndApiAnswersCarryTheSecurityHeadersAndAreNotCached() {
		for (Response r : List.of(get("officer", "/api/projects?size=1"), get("admin", "/admin/users"),
				get("auditor", "/api/audit/verify"), get(null, "/api/projects"), get("officer", "/admin/users"))) {
			HttpHeaders h = r.headers();
			assertThat(h.getFirst("Content-Security-Policy")).isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY)
				.contains("script-src 'self'")
				.doesNotContain("unsafe-inline");
			assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
			assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(h.getFirst("Referrer-Policy")).isEqualTo("same-origin");
			assertThat(h.getCacheControl()).contains("no-store");
		}
	}

	@Test
	void refusedAndMissingPagesAnswer4xxWithoutInternals() {
		Map<String, String> browser = Map.of(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE);
		Response forbidden = exchange("officer", HttpMethod.GET, "/admin/users", null, browser);
		assertThat(forbidden.status()).isEqualTo(403);
		Response missing = exchange("officer", HttpMethod.GET, "/no-such-page", null, browser);
		assertThat(missing.status()).isEqualTo(404);
		for (Response r : List.of(forbidden, missing)) {
			assertThat(String.valueOf(r.raw())).doesNotContain("Exception").doesNotContain("at org.");
		}
	}

	@Test
	void theApiNeverAsksBrowsersForBasicCredentials() {
		Response r = get(null, "/api/projects");
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.headers().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
		assertThat(r.body().get("error").asText()).isEqualTo("unauthorized");
	}

}
