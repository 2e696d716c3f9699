package com.investtrack.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Base of tests that call the running application over real HTTP, as scripts and other
 * systems do. The same test classes run once on H2 and once on MySQL/MariaDB (see
 * {@link TestDatabase}). Browser-session behaviour (form login, CSRF tokens, session
 * cookies) is driven through {@link #mvc}, which runs the same filter chain in-process.
 */
public abstract class ApiTestBase extends AppTestBase {

	/** An answer: status, parsed JSON body (null if none) and headers. */
	public record Response(int status, JsonNode body, HttpHeaders headers, String raw) {
	}

	@Autowired
	protected TestRestTemplate rest;

	@Autowired
	protected ObjectMapper json;

	@Autowired
	protected MockMvc mvc;

	protected Response get(String user, String path) {
		return exchange(user, HttpMethod.GET, path, null, Map.of());
	}

	protected Response post(String user, String path, Object body) {
		return exchange(user, HttpMethod.POST, path, body, Map.of());
	}

	protected Response put(String user, String path, Object body) {
		return exchange(user, HttpMethod.PUT, path, body, Map.of());
	}

	/**
	 * Sends a request with HTTP Basic (user "demo" password) or anonymously when user is
	 * null.
	 */
	protected Response exchange(String user, HttpMethod method, String path, Object body,
			Map<String, String> extraHeaders) {
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
		// redirects are answers too (pages send anonymous callers to the login form):
		// never follow them
		ResponseEntity<String> answer = rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
			.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
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

	/**
	 * Logs in through the login form, as a browser does, and returns the authenticated
	 * session.
	 */
	protected MockHttpSession login(String username, String password) throws Exception {
		MvcResult result = mvc
			.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(username).password(password))
			.andReturn();
		if (!"/".equals(result.getResponse().getRedirectedUrl())) {
			throw new AssertionError("login of " + username + " failed: " + result.getResponse().getRedirectedUrl());
		}
		return (MockHttpSession) result.getRequest().getSession(false);
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

	/**
	 * Asserts an error answer: its status, its error code, a message for humans and a
	 * fields object. Returns the fields, so a test can name the field it expects.
	 */
	protected JsonNode assertError(Response r, int status, String error) {
		org.assertj.core.api.Assertions.assertThat(r.status()).as("status of %s", r.raw()).isEqualTo(status);
		org.assertj.core.api.Assertions.assertThat(r.body()).as("JSON body").isNotNull();
		org.assertj.core.api.Assertions.assertThat(r.body().path("error").asText()).isEqualTo(error);
		org.assertj.core.api.Assertions.assertThat(r.body().path("message").asText()).isNotBlank();
		org.assertj.core.api.Assertions.assertThat(r.body().path("fields").isObject())
			.as("fields is an object")
			.isTrue();
		return r.body().get("fields");
	}

	/** Creates a project with the given facts as {@code officer}; returns its id. */
	protected long createProject(String officer, LocalDate start, String park, String industry, String assetModel) {
		Map<String, Object> body = newProject(officer, start);
		body.put("parkCode", park);
		body.put("industryCode", industry);
		body.put("assetModel", assetModel);
		Response r = post(officer, "/api/projects", body);
		if (r.status() != 201) {
			throw new AssertionError("create failed: " + r.status() + " " + r.raw());
		}
		return r.body().get("id").asLong();
	}

	/**
	 * Records the milestone {@code to} on {@code on}; where it needs an approval,
	 * "manager" approves it.
	 */
	protected void reach(String officer, long projectId, String to, LocalDate on) {
		Response r = advance(officer, projectId, to, on);
		if (r.status() == 202) {
			r = decide("manager", projectId, "APPROVE", "approved in test");
		}
		if (r.status() != 200) {
			throw new AssertionError("advance to " + to + " failed: " + r.status() + " " + r.raw());
		}
	}

	/**
	 * Walks a project through the given milestones in order, from SIGNING on: dates[0] is
	 * SIGNING, dates[1] SITE_SELECTION...
	 */
	protected void walk(String officer, long projectId, LocalDate... dates) {
		String[] stages = { "SIGNING", "SITE_SELECTION", "CONSTRUCTION", "PRODUCTION" };
		for (int i = 0; i < dates.length; i++) {
			reach(officer, projectId, stages[i], dates[i]);
		}
	}

	protected String pendingTask(String user, long projectId) {
		return get(user, "/api/projects/" + projectId).body().get("pendingApproval").get("taskId").asText();
	}

	/** Decides the project's pending approval as {@code manager}. */
	protected Response decide(String manager, long projectId, String decision, String comment) {
		Response project = get(manager, "/api/projects/" + projectId);
		String taskId = project.body().get("pendingApproval").get("taskId").asText();
		return post(manager, "/api/tasks/" + taskId + "/decision", Map.of("decision", decision, "comment", comment));
	}

	/**
	 * Uploads an evidence file of {@code stage} to the project (multipart, as HTTP Basic
	 * {@code user}, anonymously when null).
	 */
	protected Response uploadEvidence(String user, long project, String stage, String name, byte[] content) {
		var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
		parts.add("stage", stage);
		parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return name;
			}

		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		if (user != null) {
			headers.setBasicAuth(user, TestData.PASSWORD);
		}
		ResponseEntity<String> answer = rest.exchange("/api/projects/" + project + "/evidence", HttpMethod.POST,
				new HttpEntity<>(parts, headers), String.class);
		JsonNode node;
		try {
			node = answer.getBody() == null ? null : json.readTree(answer.getBody());
		}
		catch (Exception ex) {
			node = null;
		}
		return new Response(answer.getStatusCode().value(), node, answer.getHeaders(), answer.getBody());
	}

	/**
	 * Switches every evidence rule off, as an administrator: the rules are global, so a
	 * test that switches one on calls this before and after itself.
	 */
	protected void allEvidenceRulesOff() {
		for (String stage : new String[] { "SIGNING", "SITE_SELECTION", "CONSTRUCTION", "PRODUCTION" }) {
			Response r = put("admin", "/api/evidence-rules/" + stage, Map.of("required", false));
			if (r.status() != 200) {
				throw new AssertionError("switching the evidence rule of " + stage + " off failed: " + r.raw());
			}
		}
	}

}
