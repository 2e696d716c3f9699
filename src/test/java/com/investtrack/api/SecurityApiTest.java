package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

import com.investtrack.support.ApiTestBase;

/**
 * Every endpoint answers 401 as JSON, and writes nothing, without valid credentials of an
 * enabled user.
 */
class SecurityApiTest extends ApiTestBase {

	private static final Map<String, Object> ADVANCE = Map.of("to", "SIGNING", "effectiveOn", "2024-01-02");

	static Stream<Arguments> endpoints() {
		return Stream.of(Arguments.of(HttpMethod.GET, "/api/parks", null),
				Arguments.of(HttpMethod.GET, "/api/industries", null),
				Arguments.of(HttpMethod.POST, "/api/projects", Map.of("name", "x")),
				Arguments.of(HttpMethod.GET, "/api/projects", null),
				Arguments.of(HttpMethod.GET, "/api/projects/1", null),
				Arguments.of(HttpMethod.PUT, "/api/projects/1", Map.of("name", "x")),
				Arguments.of(HttpMethod.POST, "/api/projects/1/advance", ADVANCE),
				Arguments.of(HttpMethod.POST, "/api/projects/1/drop",
						Map.of("effectiveOn", "2024-01-02", "reason", "x")),
				Arguments.of(HttpMethod.POST, "/api/projects/1/reassign", Map.of("officer", "officer2")),
				Arguments.of(HttpMethod.GET, "/api/projects/1/history", null),
				Arguments.of(HttpMethod.GET, "/api/tasks", null),
				Arguments.of(HttpMethod.GET, "/api/tasks/rejected", null),
				Arguments.of(HttpMethod.POST, "/api/tasks/abc/decision", Map.of("decision", "APPROVE")),
				Arguments.of(HttpMethod.GET, "/api/reports/durations?from=NEGOTIATION&to=SIGNING", null),
				Arguments.of(HttpMethod.GET, "/api/reports/time-to-production", null),
				Arguments.of(HttpMethod.GET, "/api/audit", null),
				Arguments.of(HttpMethod.GET, "/api/audit/verify", null),
				Arguments.of(HttpMethod.GET, "/api/thresholds", null),
				Arguments.of(HttpMethod.PUT, "/api/thresholds/SIGNING", Map.of("yellowDays", 1, "redDays", 2)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void withoutValidCredentialsEveryEndpointIs401(HttpMethod method, String path, Object body) {
		// each case starts with a clean throttle: five wrong passwords in a row would
		// rightly turn 401 into 429
		jdbc.sql("DELETE FROM login_attempt").update();
		// failed logins are recorded (LOGIN_FAILED) by design; nothing else may be
		long audit = count("SELECT COUNT(*) FROM audit_entry WHERE action NOT IN ('LOGIN_FAILED', 'ACCESS_DENIED')");
		long projects = count("SELECT COUNT(*) FROM project");
		assertUnauthorized(exchange(null, method, path, body, Map.of()));
		assertUnauthorized(exchange(null, method, path, body, Map.of("Authorization", basic("wrongpass", "wrong"))));
		assertUnauthorized(exchange(null, method, path, body, Map.of("Authorization", basic("nobody", "demo"))));
		assertUnauthorized(exchange("disabled", method, path, body, Map.of()));
		assertUnauthorized(exchange(null, method, path, body, Map.of("Authorization", "Basic !!!not-base64")));
		assertUnauthorized(exchange(null, method, path, body, Map.of("Authorization", "Bearer abc")));
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action NOT IN ('LOGIN_FAILED', 'ACCESS_DENIED')"))
			.isEqualTo(audit);
	}

	private void assertUnauthorized(Response r) {
		assertError(r, 401, "unauthorized");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
	}

}
