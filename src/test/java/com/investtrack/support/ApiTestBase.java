package com.investtrack.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Base of tests that call the running application over real HTTP, as scripts and other systems do. The same test
 * classes run once on H2 and once on MySQL/MariaDB (see {@link TestDatabase}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestBase {

	/** An answer: status, parsed JSON body (null if none) and headers. */
	public record Response(int status, JsonNode body, HttpHeaders headers, String raw) {
	}

	@Autowired
	protected TestRestTemplate rest;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected ObjectMapper json;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void testData() {
		TestData.ensure(jdbc, TestData.demoHash());
	}

	protected static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	protected Response get(String user, String path) {
		return exchange(user, HttpMethod.GET, path, null, Map.of());
	}

	protected Response post(String user, String path, Object body) {
		return exchange(user, HttpMethod.POST, path, body, Map.of());
	}

	protected Response put(String user, String path, Object body) {
		return exchange(user, HttpMethod.PUT, path, body, Map.of());
	}

	/** Sends a request with HTTP Basic (user "demo" password) or anonymously when user is null. */
	protected Response exchange(String user, HttpMethod method, String path, Object body, Map<String, String> extraHeaders) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		if (user != null) {
			headers.setBasicAuth(user, TestData.PASSWORD);
		}
		extraHeaders.forEach(headers::set);
		Object payload = body;
		if (body != null && !(body instanceof String)) {
			try {
				payload = json.writeValueAsString(body);
			}
			catch (Exception ex) {
				throw new IllegalArgumentException(ex);
			}
		}
		ResponseEntity<String> answer = rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
		JsonNode node = null;
		String raw = answer.getBody();
		if (raw != null && !raw.isBlank()) {
			try {
				node = json.readTree(raw);
			}
			catch (Exception ex) {
				node = null;
			}
		}
		return new Response(answer.getStatusCode().value(), node, answer.getHeaders(), raw);
	}

	/** The audit trail's hash chain verifies, as an auditor sees it. */
	protected void assertAuditChainIntact() {
		Response verification = get("auditor", "/api/audit/verify");
		if (verification.status() != 200 || !verification.body().get("valid").asBoolean()) {
			throw new AssertionError("The audit trail does not verify: " + verification.raw());
		}
	}

	/** A valid creation request for a project of {@code officer}, with a unique name. */
	protected Map<String, Object> newProject(String officer, LocalDate negotiationStartedOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Test project " + UUID.randomUUID().toString().substring(0, 8));
		body.put("investor", "Test investor");
		body.put("industryCode", "EQUIPMENT");
		body.put("parkCode", "JS-IMP");
		body.put("assetModel", "HEAVY");
		body.put("investmentAmountYuan", 120000000);
		body.put("landAreaM2", 50000);
		body.put("officer", officer);
		body.put("negotiationStartedOn", negotiationStartedOn == null ? null : negotiationStartedOn.toString());
		return body;
	}

	/** Creates a project as its officer and returns its id. */
	protected long createProject(String officer, LocalDate negotiationStartedOn) {
		Response r = post(officer, "/api/projects", newProject(officer, negotiationStartedOn));
		if (r.status() != 201) {
			throw new AssertionError("create failed: " + r.status() + " " + r.raw());
		}
		return r.body().get("id").asLong();
	}

	protected Response advance(String user, long projectId, String to, LocalDate effectiveOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("to", to);
		body.put("effectiveOn", effectiveOn.toString());
		return post(user, "/api/projects/" + projectId + "/advance", body);
	}

	/** Decides the project's pending approval as {@code manager}. */
	protected Response decide(String manager, long projectId, String decision, String comment) {
		Response project = get(manager, "/api/projects/" + projectId);
		String taskId = project.body().get("pendingApproval").get("taskId").asText();
		return post(manager, "/api/tasks/" + taskId + "/decision", Map.of("decision", decision, "comment", comment));
	}

}
