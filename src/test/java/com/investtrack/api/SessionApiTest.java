package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.HttpMethod;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.FormLogin;
import com.investtrack.support.TestData;

/**
 * Sessions live in the database, so that any node of a cluster serves a logged-in user;
 * scripts calling the API with HTTP Basic leave no session behind.
 */
@TestPropertySource(properties = "spring.autoconfigure.exclude=")
class SessionApiTest extends ApiTestBase {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void callsWithBasicAuthenticationCreateNoSession() {
		long before = sessions();

		Response read = get("officer", "/api/projects");
		Response write = post("officer", "/api/projects", newProject("officer", null));
		Response refused = exchange("officer", HttpMethod.POST, "/api/projects/0/advance", Map.of("to", "SIGNING"),
				Map.of());
		Response wrongPassword = exchange(null, HttpMethod.GET, "/api/projects", null,
				Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:wrong".getBytes())));

		assertThat(read.status()).isEqualTo(200);
		assertThat(write.status()).isEqualTo(201);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(wrongPassword.status()).isEqualTo(401);
		for (Response r : new Response[] { read, write, refused, wrongPassword }) {
			assertThat(r.headers().get("Set-Cookie")).isNull();
		}
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void aFormLoginIsKeptInTheDatabase() throws Exception {
		String cookie = FormLogin.login(http, rest.getRootUri(), jdbc, "officer2", TestData.PASSWORD);
		String sessionId = new String(Base64.getDecoder().decode(cookie));

		assertThat(jdbc.sql("SELECT PRINCIPAL_NAME FROM SPRING_SESSION WHERE SESSION_ID = ?")
			.param(sessionId)
			.query(String.class)
			.single()).isEqualTo("officer2");
		assertThat(withSession(cookie).statusCode()).isEqualTo(200);

		// the session is the row: without it the same cookie is a stranger
		jdbc.sql("DELETE FROM SPRING_SESSION WHERE SESSION_ID = ?").param(sessionId).update();
		assertThat(withSession(cookie).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> withSession(String cookie) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/api/projects"))
			.header("Cookie", FormLogin.SESSION_COOKIE + "=" + cookie)
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long sessions() {
		return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
	}

}
