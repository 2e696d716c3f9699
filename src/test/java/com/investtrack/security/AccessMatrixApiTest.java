package com.investtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.servlet.WebMvcEndpointHandlerMapping;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * Who may do what: every endpoint and page of the application against every kind of
 * caller, compared with an explicit table. A mapping the table does not list fails
 * {@link #everyEndpointAndPageIsInTheTable()}, so a new endpoint cannot arrive without
 * its access rules being written down here.
 * <p>
 * API rows are called over real HTTP with Basic credentials. Page rows are called with
 * the session of a form login and a valid CSRF token (CSRF itself is tested elsewhere);
 * the "disabled" caller of a page holds a session opened before its account was disabled.
 * Every cell that may change something gets fresh data of its own.
 */
class AccessMatrixApiTest extends ApiTestBase {

	enum Caller {

		ANONYMOUS(null), OWNER("officer"), OTHER_OFFICER("officer2"), MANAGER("manager"), AUDITOR("auditor"),
		ADMIN("admin"), DISABLED("disabled"), LEADER("leader");

		final String username;

		Caller(String username) {
			this.username = username;
		}

	}

	/**
	 * One concrete request: its path with ids filled in, and its body (JSON for the API,
	 * form fields for pages).
	 */
	record Call(String path, Object body) {
	}

	/**
	 * One mapping. {@code redirect} is what an accepted page form redirects to (a regular
	 * expression over the path), or null for API rows and pages that do not redirect.
	 */
	record Row(HttpMethod method, String pattern, boolean page, Function<Caller, Call> call,
			Map<Caller, Integer> expected, String redirect) {

		String key() {
			return method.name() + " " + pattern;
		}

	}

	private static final int REDIRECT = 302;

	/**
	 * A page form the service refused: a redirect back to the form carrying the reason as
	 * the top message, nothing changed. The URL rules let these callers through (they
	 * have a working role); the service says no.
	 */
	private static final int REFUSED = -302;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	WebMvcEndpointHandlerMapping actuator;

	/**
	 * The table. Columns: anonymous, owning officer, other officer, manager, auditor,
	 * admin, disabled user, leader. For pages, 302 means "to the login form" for
	 * anonymous and disabled callers and "on to the row's page" after an accepted form;
	 * {@link #REFUSED} is a form the service turned down with a message.
	 */
	List<Row> table() {
		List<Row> rows = new ArrayList<>();
		// reference data and lists: every signed-in user reads them
		rows.add(api("GET", "/api/parks", c -> call("/api/parks"), 401, 200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/industries", c -> call("/api/industries"), 401, 200, 200, 200, 200, 200, 401, 200));
		rows.add(
				api("GET", "/api/projects", c -> call("/api/projects?size=5"), 401, 200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/projects/{id}", c -> call("/api/projects/" + project()), 401, 200, 200, 200, 200, 200,
				401, 200));
		rows.add(api("GET", "/api/projects/{id}/history", c -> call("/api/projects/" + project() + "/history"), 401,
				200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/tasks", c -> call("/api/tasks"), 401, 200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/tasks/rejected", c -> call("/api/tasks/rejected"), 401, 200, 200, 200, 200, 200, 401,
				200));
		rows.add(api("GET", "/api/reports/durations", c -> call("/api/reports/durations?from=NEGOTIATION&to=SIGNING"),
				401, 200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/reports/time-to-production", c -> call("/api/reports/time-to-production"), 401, 200,
				200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/thresholds", c -> call("/api/thresholds"), 401, 200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/calendar/{year}", c -> call("/api/calendar/2025"), 401, 200, 200, 200, 200, 200, 401,
				200));
		// the audit trail: auditors and managers
		rows.add(api("GET", "/api/audit", c -> call("/api/audit?size=5"), 401, 403, 403, 200, 200, 403, 401, 403));
		rows.add(api("GET", "/api/audit/verify", c -> call("/api/audit/verify"), 401, 403, 403, 200, 200, 403, 401,
				403));
		// project work: officers on their own projects (an officer creates only for
		// themselves), managers on all
		rows.add(api("POST", "/api/projects",
				c -> new Call("/api/projects", newProject("officer", today().minusDays(10))), 401, 201, 400, 201, 403,
				403, 401, 403));
		rows.add(api("PUT", "/api/projects/{id}", c -> new Call("/api/projects/" + project(), edit()), 401, 200, 403,
				200, 403, 403, 401, 403));
		rows.add(api("GET", "/api/projects/{id}/plan", c -> call("/api/projects/" + project() + "/plan"), 401, 200, 200,
				200, 200, 200, 401, 200));
		rows.add(api("PUT", "/api/projects/{id}/plan",
				c -> new Call("/api/projects/" + project() + "/plan", Map.of("dates",
						Map.of("SIGNING", today().plusDays(30).toString()), "reason", "agreed with investor")),
				401, 200, 403, 200, 403, 403, 401, 403));
		rows.add(api("POST", "/api/projects/{id}/advance",
				c -> new Call("/api/projects/" + project() + "/advance",
						Map.of("to", "SIGNING", "effectiveOn", today().minusDays(1).toString())),
				401, 202, 403, 202, 403, 403, 401, 403));
		rows.add(api("POST", "/api/projects/{id}/drop",
				c -> new Call("/api/projects/" + project() + "/drop",
						Map.of("effectiveOn", today().minusDays(1).toString(), "reason", "investor withdrew")),
				401, 200, 403, 200, 403, 403, 401, 403));
		// manager decisions: reassigning, approving (four-eyes has its own test),
		// thresholds (also admins)
		rows.add(api("POST", "/api/projects/{id}/reassign",
				c -> new Call("/api/projects/" + project() + "/reassign", Map.of("officer", "officer2")), 401, 403, 403,
				200, 403, 403, 401, 403));
		rows.add(
				api("POST", "/api/tasks/{taskId}/decision",
						c -> new Call("/api/tasks/" + pendingApproval() + "/decision",
								Map.of("decision", "APPROVE", "comment", "fine")),
						401, 403, 403, 200, 403, 403, 401, 403));
		rows.add(api("PUT", "/api/thresholds/{stage}", c -> new Call("/api/thresholds/NEGOTIATION", currentThreshold()),
				401, 403, 403, 200, 403, 200, 401, 403));
		// supervision: the progress log (its officer and managers write it), notices
		// (managers issue, close and send
		// back those they do not own; the owner, of any role, replies); everyone signed
		// in reads both
		rows.add(api("GET", "/api/projects/{id}/progress", c -> call("/api/projects/" + project() + "/progress"), 401,
				200, 200, 200, 200, 200, 401, 200));
		rows.add(api("POST", "/api/projects/{id}/progress",
				c -> new Call("/api/projects/" + project() + "/progress",
						Map.of("on", today().toString(), "progress", "met the investor")),
				401, 201, 403, 201, 403, 403, 401, 403));
		rows.add(api("GET", "/api/notices", c -> call("/api/notices?status=OPEN"), 401, 200, 200, 200, 200, 200, 401,
				200));
		rows.add(api("GET", "/api/notices/{id}", c -> call("/api/notices/" + notice(false)), 401, 200, 200, 200, 200,
				200, 401, 200));
		rows.add(api("POST", "/api/notices", c -> new Call("/api/notices", noticeBody()), 401, 403, 403, 201, 403, 403,
				401, 403));
		rows.add(api("POST", "/api/notices/{id}/reply",
				c -> new Call("/api/notices/" + notice(false) + "/reply", Map.of("text", "survey booked")), 401, 200,
				403, 403, 403, 403, 401, 403));
		rows.add(api("POST", "/api/notices/{id}/close",
				c -> new Call("/api/notices/" + notice(true) + "/close", Map.of("comment", "solved")), 401, 403, 403,
				200, 403, 403, 401, 403));
		rows.add(api("POST", "/api/notices/{id}/reopen",
				c -> new Call("/api/notices/" + notice(true) + "/reopen", Map.of("comment", "no date given")), 401, 403,
				403, 200, 403, 403, 401, 403));
		// evidence files: the project's officer and managers add them (multipart);
		// everyone signed in reads them
		rows.add(api("POST", "/api/projects/{id}/evidence",
				c -> new Call("/api/projects/" + project() + "/evidence", evidenceUpload()), 401, 201, 403, 201, 403,
				403, 401, 403));
		rows.add(api("GET", "/api/projects/{id}/evidence", c -> call("/api/projects/" + project() + "/evidence"), 401,
				200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/api/evidence/{id}", c -> call("/api/evidence/" + evidence()), 401, 200, 200, 200, 200,
				200, 401, 200));
		// evidence rules: everyone signed in reads them, administrators switch them (here
		// to off, which they are, so no other test meets a rule left on)
		rows.add(api("GET", "/api/evidence-rules", c -> call("/api/evidence-rules"), 401, 200, 200, 200, 200, 200, 401,
				200));
		rows.add(api("PUT", "/api/evidence-rules/{stage}",
				c -> new Call("/api/evidence-rules/CONSTRUCTION", Map.of("required", false)), 401, 403, 403, 403, 403,
				200, 401, 403));
		// fulfilment (履约): the project's officer and managers record it, everyone signed
		// in reads it; administrators set the parks' minimums
		rows.add(api("GET", "/api/projects/{id}/fulfilment", c -> call("/api/projects/" + project() + "/fulfilment"),
				401, 200, 200, 200, 200, 200, 401, 200));
		rows.add(api("POST", "/api/projects/{id}/funds",
				c -> new Call("/api/projects/" + project() + "/funds",
						Map.of("month", YearMonth.from(today()).toString(), "amountWan", 10)),
				401, 200, 403, 200, 403, 403, 401, 403));
		rows.add(
				api("POST", "/api/projects/{id}/tax",
						c -> new Call("/api/projects/" + workedProject(c, 1) + "/tax",
								Map.of("year", today().getYear(), "amountWan", 10)),
						401, 200, 403, 200, 403, 403, 401, 403));
		rows.add(api("PUT", "/api/projects/{id}/capacity",
				c -> new Call("/api/projects/" + workedProject(c, 4) + "/capacity", Map.of("on", today().toString())),
				401, 200, 403, 200, 403, 403, 401, 403));
		rows.add(api("GET", "/api/parks/minimums", c -> call("/api/parks/minimums"), 401, 200, 200, 200, 200, 200, 401,
				200));
		rows.add(api("PUT", "/api/admin/parks/{code}/minimums",
				c -> new Call("/api/admin/parks/" + park() + "/minimums", Map.of("minIntensityWanPerMu", 300)), 401,
				403, 403, 403, 403, 200, 401, 403));
		// the year's targets: managers set them, everyone signed in reads them
		rows.add(api("GET", "/api/targets/{year}", c -> call("/api/targets/2025"), 401, 200, 200, 200, 200, 200, 401,
				200));
		rows.add(api("PUT", "/api/targets/{year}", c -> new Call("/api/targets/1999", Map.of("signedProjects", 10)),
				401, 403, 403, 200, 403, 403, 401, 403));
		rows.add(api("GET", "/api/targets/{year}/parks/{code}", c -> call("/api/targets/2025/parks/JS-IMP"), 401, 200,
				200, 200, 200, 200, 401, 200));
		rows.add(api("PUT", "/api/targets/{year}/parks/{code}",
				c -> new Call("/api/targets/2025/parks/" + park(), Map.of("signedProjects", 3)), 401, 403, 403, 200,
				403, 403, 401, 403));
		// the monthly bulletin: every role reads it, fresh or as published; managers
		// publish it (once per month)
		rows.add(api("GET", "/api/reports/monthly", c -> call("/api/reports/monthly?year=2025&month=3"), 401, 200, 200,
				200, 200, 200, 401, 200));
		rows.add(api("POST", "/api/reports/monthly/{year}/{month}/publish",
				c -> new Call("/api/reports/monthly/" + unpublishedMonth() + "/publish", null), 401, 403, 403, 201, 403,
				403, 401, 403));
		rows.add(api("GET", "/api/reports/monthly/{year}/{month}/published",
				c -> call("/api/reports/monthly/" + publishedMonth() + "/published"), 401, 200, 200, 200, 200, 200, 401,
				200));
		// administration: administrators; auditors read the accounts
		rows.add(api("GET", "/api/admin/users", c -> call("/api/admin/users"), 401, 403, 403, 403, 200, 200, 401, 403));
		rows.add(api("GET", "/api/admin/users/{username}", c -> call("/api/admin/users/officer"), 401, 403, 403, 403,
				200, 200, 401, 403));
		rows.add(api("POST", "/api/admin/users",
				c -> new Call("/api/admin/users", Map.of("username", uniqueName(), "displayName", "New user", "roles",
						List.of("OFFICER"), "password", "correct horse battery")),
				401, 403, 403, 403, 403, 201, 401, 403));
		rows.add(
				api("PUT", "/api/admin/users/{username}/roles",
						c -> new Call("/api/admin/users/" + user(true) + "/roles",
								Map.of("roles", List.of("OFFICER", "MANAGER"))),
						401, 403, 403, 403, 403, 200, 401, 403));
		rows.add(api("POST", "/api/admin/users/{username}/disable",
				c -> new Call("/api/admin/users/" + user(true) + "/disable", null), 401, 403, 403, 403, 403, 200, 401,
				403));
		rows.add(api("POST", "/api/admin/users/{username}/enable",
				c -> new Call("/api/admin/users/" + user(false) + "/enable", null), 401, 403, 403, 403, 403, 200, 401,
				403));
		rows.add(api("PUT", "/api/admin/users/{username}/password",
				c -> new Call("/api/admin/users/" + user(true) + "/password",
						Map.of("password", "a new long password")),
				401, 403, 403, 403, 403, 204, 401, 403));
		rows.add(api("POST", "/api/admin/parks",
				c -> new Call("/api/admin/parks",
						Map.of("code", uniqueName().toUpperCase(), "name", "New park", "district", "Duodao")),
				401, 403, 403, 403, 403, 201, 401, 403));
		// the working-day calendar: administrators change it (here a year without entries
		// keeps none)
		rows.add(api("PUT", "/api/calendar/{year}",
				c -> new Call("/api/calendar/2088", Map.of("holidays", List.of(), "workdays", List.of())), 401, 403,
				403, 403, 403, 200, 401, 403));
		rows.add(api("PUT", "/api/admin/parks/{code}",
				c -> new Call("/api/admin/parks/" + park(), Map.of("name", "Renamed park", "district", "Dongbao")), 401,
				403, 403, 403, 403, 200, 401, 403));

		// the Excel ledger: managers and administrators import it, everyone who reads the
		// list exports it
		rows.add(api("POST", "/api/imports", c -> new Call("/api/imports", ledger()), 401, 403, 403, 201, 403, 201, 401,
				403));
		rows.add(api("POST", "/api/imports/{id}/confirm",
				c -> new Call("/api/imports/" + ledgerPreview() + "/confirm", null), 401, 403, 403, 200, 403, 200, 401,
				403));
		rows.add(api("GET", "/api/projects/export.xlsx", c -> call("/api/projects/export.xlsx?q=nothing-matches"), 401,
				200, 200, 200, 200, 200, 401, 200));

		// operations: the load balancer's probes are open (a disabled user's credentials
		// are still refused); metrics
		// are for the administrators' scraper
		rows.add(api("GET", "/actuator/health", c -> call("/actuator/health"), 200, 200, 200, 200, 200, 200, 401, 200));
		rows.add(api("GET", "/actuator/health/**", c -> call("/actuator/health/readiness"), 200, 200, 200, 200, 200,
				200, 401, 200));
		rows.add(api("GET", "/actuator/prometheus", c -> call("/actuator/prometheus"), 401, 403, 403, 403, 403, 200,
				401, 403));

		// pages: anonymous callers and sessions of disabled users go to the login form
		// (see page(...))
		rows.add(new Row(HttpMethod.GET, "/login", true, c -> call("/login"),
				columns(200, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, 200, REDIRECT), "/"));
		rows.add(page("GET", "/", c -> call("/"), 200, 200, 200, 200, 200, 200));
		rows.add(page("GET", "/projects/{id}", c -> call("/projects/" + project()), 200, 200, 200, 200, 200, 200));
		rows.add(page("GET", "/board.csv", c -> call("/board.csv"), 200, 200, 200, 200, 200, 200));
		rows.add(page("GET", "/tasks", c -> call("/tasks"), 200, 200, 200, 200, 200, 200));
		rows.add(page("GET", "/projects/new", c -> call("/projects/new"), 200, 200, 200, 403, 403, 403));
		// reports, pages and API alike: every role reads them
		for (String path : List.of("/dashboard", "/dashboard/ttp.csv", "/dashboard/durations.csv",
				"/dashboard/kpis.csv", "/dashboard/attention.csv")) {
			rows.add(page("GET", path, c -> call(path), 200, 200, 200, 200, 200, 200));
		}
		// the monthly bulletin's page and workbook: every role; managers publish from it
		rows.add(page("GET", "/reports/monthly", c -> call("/reports/monthly?year=2025&month=3"), 200, 200, 200, 200,
				200, 200));
		rows.add(page("GET", "/reports/monthly.xlsx", c -> call("/reports/monthly.xlsx?year=2025&month=3"), 200, 200,
				200, 200, 200, 200));
		rows.add(page("POST", "/reports/monthly/{year}/{month}/publish", "/reports/monthly",
				c -> new Call("/reports/monthly/" + unpublishedMonth() + "/publish", form()), REFUSED, REFUSED,
				REDIRECT, 403, REFUSED, 403));
		// the audit trail: managers and auditors; others get the friendly 403 page
		for (String path : List.of("/audit", "/audit.csv")) {
			rows.add(page("GET", path, c -> call(path), 403, 403, 200, 200, 403, 403));
		}
		// project forms: the URL rules stop auditors (403); the services refuse everyone
		// else without the right
		rows.add(page("POST", "/projects/new", "/projects/\\d+",
				c -> new Call("/projects/new", projectForm("officer", true)), REDIRECT, REDIRECT, REDIRECT, 403,
				REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/advance", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/advance",
						form("to", "SIGNING", "effectiveOn", today().minusDays(1).toString())),
				REDIRECT, REFUSED, REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/drop", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/drop",
						form("effectiveOn", today().minusDays(1).toString(), "reason", "investor withdrew")),
				REDIRECT, REFUSED, REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/reassign", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/reassign", form("officer", "officer2")), REFUSED, REFUSED,
				REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/edit", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/edit", projectForm(null, false)), REDIRECT, REFUSED,
				REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/plan", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/plan",
						form("dates.CONSTRUCTION", today().plusDays(200).toString(), "reason", "agreement signed")),
				REDIRECT, REFUSED, REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/tasks/{taskId}/decision", "/tasks",
				c -> new Call("/tasks/" + pendingApproval() + "/decision",
						form("decision", "APPROVE", "comment", "fine")),
				REFUSED, REFUSED, REDIRECT, 403, REFUSED, 403));
		// supervision pages: everyone reads the notices; the services refuse writes as in
		// the API
		rows.add(page("GET", "/notices", c -> call("/notices?status=OPEN"), 200, 200, 200, 200, 200, 200));
		rows.add(page("POST", "/projects/{id}/progress", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/progress",
						form("on", today().toString(), "progress", "met the investor")),
				REDIRECT, REFUSED, REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/notices", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/notices",
						form("owner", "officer", "deadline", today().plusDays(7).toString(), "text", "agree a date")),
				REFUSED, REFUSED, REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/notices/{id}/reply", "/notices",
				c -> new Call("/notices/" + notice(false) + "/reply", form("text", "survey booked")), REDIRECT, REFUSED,
				REFUSED, 403, REFUSED, 403));
		rows.add(page("POST", "/notices/{id}/close", "/notices",
				c -> new Call("/notices/" + notice(true) + "/close", form("text", "solved")), REFUSED, REFUSED,
				REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/notices/{id}/reopen", "/notices",
				c -> new Call("/notices/" + notice(true) + "/reopen", form("text", "no date given")), REFUSED, REFUSED,
				REDIRECT, 403, REFUSED, 403));
		// evidence files on the project page: the project's officer and managers upload
		// them (multipart)
		rows.add(page("POST", "/projects/{id}/evidence", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/evidence", evidenceUpload()), REDIRECT, REFUSED, REDIRECT,
				403, REFUSED, 403));
		// the evidence rules page: administrators switch them (here to off, which they
		// are), auditors read them
		rows.add(
				page("GET", "/admin/evidence-rules", c -> call("/admin/evidence-rules"), 403, 403, 403, 200, 200, 403));
		rows.add(page("POST", "/admin/evidence-rules/{stage}", "/admin/evidence-rules",
				c -> new Call("/admin/evidence-rules/CONSTRUCTION", form("required", "false")), 403, 403, 403, 403,
				REDIRECT, 403));
		// fulfilment forms on the project page: as in the API
		rows.add(page("POST", "/projects/{id}/funds", "/projects/\\d+",
				c -> new Call("/projects/" + project() + "/funds",
						form("month", YearMonth.from(today()).toString(), "amountWan", "10")),
				REDIRECT, REFUSED, REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/tax", "/projects/\\d+",
				c -> new Call("/projects/" + workedProject(c, 1) + "/tax",
						form("year", String.valueOf(today().getYear()), "amountWan", "10")),
				REDIRECT, REFUSED, REDIRECT, 403, REFUSED, 403));
		rows.add(page("POST", "/projects/{id}/capacity", "/projects/\\d+",
				c -> new Call("/projects/" + workedProject(c, 4) + "/capacity", form("on", today().toString())),
				REDIRECT, REFUSED, REDIRECT, 403, REFUSED, 403));
		// administration pages: administrators; auditors read them
		rows.add(page("GET", "/admin/users", c -> call("/admin/users"), 403, 403, 403, 200, 200, 403));
		rows.add(page(
				"POST", "/admin/users", "/admin/users", c -> new Call("/admin/users", form("username", uniqueName(),
						"displayName", "New user", "roles", "OFFICER", "password", "correct horse battery")),
				403, 403, 403, 403, REDIRECT, 403));
		rows.add(page("POST", "/admin/users/{username}/roles", "/admin/users",
				c -> new Call("/admin/users/" + user(true) + "/roles", form("roles", "OFFICER", "roles", "MANAGER")),
				403, 403, 403, 403, REDIRECT, 403));
		rows.add(page("POST", "/admin/users/{username}/disable", "/admin/users",
				c -> new Call("/admin/users/" + user(true) + "/disable", form()), 403, 403, 403, 403, REDIRECT, 403));
		rows.add(page("POST", "/admin/users/{username}/enable", "/admin/users",
				c -> new Call("/admin/users/" + user(false) + "/enable", form()), 403, 403, 403, 403, REDIRECT, 403));
		rows.add(page("POST", "/admin/users/{username}/password", "/admin/users",
				c -> new Call("/admin/users/" + user(true) + "/password", form("password", "a new long password")), 403,
				403, 403, 403, REDIRECT, 403));
		rows.add(page("GET", "/admin/parks", c -> call("/admin/parks"), 403, 403, 403, 200, 200, 403));
		rows.add(page("POST", "/admin/parks", "/admin/parks",
				c -> new Call("/admin/parks",
						form("code", uniqueName().toUpperCase(), "name", "New park", "district", "Duodao")),
				403, 403, 403, 403, REDIRECT, 403));
		rows.add(page("POST", "/admin/parks/{code}", "/admin/parks",
				c -> new Call("/admin/parks/" + park(), form("name", "Renamed park", "district", "Dongbao")), 403, 403,
				403, 403, REDIRECT, 403));
		rows.add(page("POST", "/admin/parks/{code}/minimums", "/admin/parks",
				c -> new Call("/admin/parks/" + park() + "/minimums",
						form("minIntensityWanPerMu", "300", "minTaxPerMuWan", "15")),
				403, 403, 403, 403, REDIRECT, 403));
		// the working-day calendar page: everyone signed in reads it, administrators
		// change it
		rows.add(page("GET", "/admin/calendar", c -> call("/admin/calendar?year=2025"), 200, 200, 200, 200, 200, 200));
		rows.add(page("POST", "/admin/calendar/{year}", "/admin/calendar",
				c -> new Call("/admin/calendar/2088", form("holidays", "", "workdays", "")), 403, 403, 403, 403,
				REDIRECT, 403));
		// the ledger's import page: managers and administrators (a form without a file is
		// refused with a message)
		rows.add(page("GET", "/imports", c -> call("/imports"), 403, 403, 200, 403, 200, 403));
		rows.add(page("POST", "/imports", "/imports", c -> new Call("/imports", form()), 403, 403, REFUSED, 403,
				REFUSED, 403));
		rows.add(page("POST", "/imports/{id}/confirm", "/imports",
				c -> new Call("/imports/" + ledgerPreview() + "/confirm", form()), 403, 403, REDIRECT, 403, REDIRECT,
				403));
		return rows;
	}

	@Test
	void everyEndpointAndPageIsInTheTable() {
		TreeSet<String> mapped = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("com.investtrack")) {
				return;
			}
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					mapped.add("ANY " + pattern);
				}
				for (RequestMethod m : methods) {
					mapped.add(m.name() + " " + pattern);
				}
			}
		});
		// the actuator's endpoints that are exposed over HTTP (application.properties)
		actuator.getHandlerMethods()
			.forEach((info, method) -> info.getPatternValues()
				.forEach(pattern -> info.getMethodsCondition()
					.getMethods()
					.forEach(m -> mapped.add(m.name() + " " + pattern))));
		TreeSet<String> listed = new TreeSet<>(table().stream().map(Row::key).toList());
		assertThat(listed).as("rows of the access table").doesNotHaveDuplicates();
		assertThat(mapped).as("mappings without a row in the access table (add one)").isSubsetOf(listed);
		assertThat(listed).as("rows of the access table without a mapping (remove them)").isSubsetOf(mapped);
	}

	@TestFactory
	Stream<DynamicTest> everyCallerGetsTheAnswerTheTableSays() {
		return table().stream()
			.flatMap(row -> row.expected()
				.entrySet()
				.stream()
				.map(cell -> DynamicTest.dynamicTest(row.key() + " as " + cell.getKey(),
						() -> check(row, cell.getKey(), cell.getValue()))));
	}

	private void check(Row row, Caller caller, int expected) throws Exception {
		Call call = row.call().apply(caller);
		if (!row.page()) {
			// the actuator answers JSON (health) or plain text (metrics), whatever the
			// caller accepts
			Map<String, String> accept = call.path().startsWith("/actuator/") ? Map.of("Accept", "*/*") : Map.of();
			Response r = call.body() instanceof byte[] workbook ? upload(caller.username, call.path(), workbook)
					: call.body() instanceof MultiValueMap<?, ?> parts ? multipart(caller.username, call.path(), parts)
							: exchange(caller.username, row.method(), call.path(), call.body(), accept);
			assertThat(r.status()).as(row.key() + " as " + caller + ": " + r.raw()).isEqualTo(expected);
			return;
		}
		var builder = call.body() instanceof MultiValueMap<?, ?> parts ? pageUpload(call.path(), parts)
				: request(row.method(), call.path()).with(csrf());
		if (call.body() instanceof Map<?, ?> fields && !(fields instanceof MultiValueMap<?, ?>)) {
			fields.forEach((name, values) -> ((List<?>) values).forEach(v -> builder.param((String) name, (String) v)));
		}
		MockHttpSession session = pageSession(caller);
		if (session != null) {
			builder.session(session);
		}
		MvcResult result = mvc.perform(builder).andReturn();
		MockHttpServletResponse response = result.getResponse();
		int status = response.getStatus();
		boolean toLogin = (caller == Caller.ANONYMOUS || caller == Caller.DISABLED) && !row.pattern().equals("/login");
		if (status == REDIRECT && !toLogin && result.getFlashMap().containsKey("problem")) {
			status = REFUSED;
		}
		assertThat(status)
			.as(row.key() + " as " + caller + ": " + response.getErrorMessage() + " " + response.getRedirectedUrl()
					+ " " + result.getFlashMap())
			.isEqualTo(expected);
		if (expected == REDIRECT) {
			String target = URI.create(response.getRedirectedUrl()).getPath();
			assertThat(target).as(row.key() + " as " + caller + " redirects")
				.matches(toLogin ? ".*/login" : row.redirect());
		}
		if (expected == REFUSED) {
			assertThat(result.getFlashMap().get("notice")).as(row.key() + " as " + caller + " says nothing was done")
				.isNull();
		}
	}

	/**
	 * A page's multipart form (the evidence upload): its files as files, the other parts
	 * as fields.
	 */
	private static MockHttpServletRequestBuilder pageUpload(String path, MultiValueMap<?, ?> parts) {
		var upload = MockMvcRequestBuilders.multipart(path);
		parts.forEach((name, values) -> values.forEach(value -> {
			if (value instanceof ByteArrayResource file) {
				upload.file(new MockMultipartFile((String) name, file.getFilename(), null, file.getByteArray()));
			}
			else {
				upload.param((String) name, (String) value);
			}
		}));
		return upload.with(csrf());
	}

	/**
	 * A form-login session of the caller; for DISABLED, one opened by a user who was
	 * disabled afterwards.
	 */
	private MockHttpSession pageSession(Caller caller) throws Exception {
		if (caller == Caller.ANONYMOUS) {
			return null;
		}
		if (caller == Caller.DISABLED) {
			String name = user(true);
			MockHttpSession session = login(name, TestData.PASSWORD);
			jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = ?").param(name).update();
			return session;
		}
		return login(caller.username, TestData.PASSWORD);
	}

	private static Row api(String method, String pattern, Function<Caller, Call> call, int... expected) {
		return new Row(HttpMethod.valueOf(method), pattern, false, call, columns(expected), null);
	}

	/**
	 * A page row: anonymous callers and sessions of disabled users are always sent to the
	 * login form.
	 */
	private static Row page(String method, String pattern, Function<Caller, Call> call, int owner, int otherOfficer,
			int manager, int auditor, int admin, int leader) {
		return page(method, pattern, null, call, owner, otherOfficer, manager, auditor, admin, leader);
	}

	/** A page form; an accepted one redirects to a path matching {@code redirect}. */
	private static Row page(String method, String pattern, String redirect, Function<Caller, Call> call, int owner,
			int otherOfficer, int manager, int auditor, int admin, int leader) {
		return new Row(HttpMethod.valueOf(method), pattern, true, call,
				columns(REDIRECT, owner, otherOfficer, manager, auditor, admin, REDIRECT, leader), redirect);
	}

	private static Map<Caller, Integer> columns(int... expected) {
		assertThat(expected).hasSize(Caller.values().length);
		Map<Caller, Integer> columns = new EnumMap<>(Caller.class);
		for (Caller c : Caller.values()) {
			columns.put(c, expected[c.ordinal()]);
		}
		return columns;
	}

	private static Call call(String path) {
		return new Call(path, null);
	}

	private static Map<String, List<String>> form(String... namesAndValues) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
		}
		return fields;
	}

	// fresh data for one cell

	/** A ledger of one new project, as an .xlsx workbook. */
	private static byte[] ledger() {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			String[][] cells = { { "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "招商专员" },
					{ "Matrix project " + uniqueName(), "Investor", "JS-IMP", "EQUIPMENT", "100", "officer" } };
			for (int r = 0; r < cells.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < cells[r].length; c++) {
					row.createCell(c).setCellValue(cells[r][c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A fresh import preview of the manager's, waiting for its confirmation. */
	private String ledgerPreview() {
		Response r = upload("manager", "/api/imports", ledger());
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asText();
	}

	/** Sends a workbook as the multipart field "file". */
	private Response upload(String user, String path, byte[] workbook) {
		var headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (user != null) {
			headers.setBasicAuth(user, TestData.PASSWORD);
		}
		var parts = new LinkedMultiValueMap<String, Object>();
		parts.add("file", new ByteArrayResource(workbook) {

			@Override
			public String getFilename() {
				return "ledger.xlsx";
			}

		});
		var answer = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
		JsonNode node = null;
		try {
			node = answer.getBody() == null ? null : json.readTree(answer.getBody());
		}
		catch (Exception ex) {
			node = null;
		}
		return new Response(answer.getStatusCode().value(), node, answer.getHeaders(), answer.getBody());
	}

	private long project() {
		return createProject("officer", today().minusDays(20));
	}

	/** A month whose bulletin nobody has published, as year/month (from 1991 on). */
	private String unpublishedMonth() {
		for (int year = 1991;; year++) {
			for (int month = 1; month <= 12; month++) {
				if (count("SELECT COUNT(*) FROM bulletin_published WHERE bulletin_year = ? AND bulletin_month = ?",
						year, month) == 0) {
					return year + "/" + month;
				}
			}
		}
	}

	private String published;

	/** A month published by a manager for this run's cells. */
	private String publishedMonth() {
		if (published == null) {
			String month = unpublishedMonth();
			Response r = post("manager", "/api/reports/monthly/" + month + "/publish", null);
			assertThat(r.status()).as(r.raw()).isEqualTo(201);
			published = month;
		}
		return published;
	}

	/**
	 * A fresh project of officer's; for the callers who may record its fulfilment, walked
	 * through its first {@code milestones} milestones after the first talk (signing,
	 * ...).
	 */
	private long workedProject(Caller caller, int milestones) {
		long id = project();
		if (caller == Caller.OWNER || caller == Caller.MANAGER) {
			LocalDate[] dates = new LocalDate[milestones];
			for (int i = 0; i < milestones; i++) {
				dates[i] = today().minusDays(10 - i);
			}
			walk("officer", id, dates);
		}
		return id;
	}

	/** An evidence upload: a minimal PDF for the contract signing. */
	private static MultiValueMap<String, Object> evidenceUpload() {
		var parts = new LinkedMultiValueMap<String, Object>();
		parts.add("stage", "SIGNING");
		parts.add("file", new ByteArrayResource("%PDF-1.7\n%%EOF\n".getBytes()) {

			@Override
			public String getFilename() {
				return "agreement.pdf";
			}

		});
		return parts;
	}

	/** An evidence file of a fresh project of officer's. */
	private long evidence() {
		Response r = multipart("officer", "/api/projects/" + project() + "/evidence", evidenceUpload());
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asLong();
	}

	private Response multipart(String user, String path, MultiValueMap<?, ?> parts) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (user != null) {
			headers.setBasicAuth(user, TestData.PASSWORD);
		}
		var answer = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
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
	 * A supervision notice to officer about a fresh project, issued by manager2; replied
	 * to if asked.
	 */
	private long notice(boolean replied) {
		Response r = post("manager2", "/api/notices", noticeBody());
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		long id = r.body().get("id").asLong();
		if (replied) {
			assertThat(post("officer", "/api/notices/" + id + "/reply", Map.of("text", "done")).status())
				.isEqualTo(200);
		}
		return id;
	}

	private Map<String, Object> noticeBody() {
		return Map.of("projectId", project(), "owner", "officer", "deadline", today().plusDays(7).toString(), "text",
				"Agree the land delivery date with the park");
	}

	private String pendingApproval() {
		long id = project();
		Response r = advance("officer", id, "SIGNING", today().minusDays(2));
		assertThat(r.status()).as(r.raw()).isEqualTo(202);
		return r.body().get("pendingApproval").get("taskId").asText();
	}

	/**
	 * The fields of the project form: for a new project of {@code officer}, or the facts
	 * of an edit.
	 */
	private Map<String, List<String>> projectForm(String officer, boolean create) {
		Map<String, List<String>> fields = form("name", "Page project " + uniqueName(), "investor", "Test investor",
				"industryCode", "EQUIPMENT", "parkCode", "JS-IMP", "assetModel", "HEAVY", "totalInvestmentWan", "12000",
				"landMu", "75");
		if (create) {
			fields.put("officer", List.of(officer));
			fields.put("negotiationStartedOn", List.of(today().minusDays(10).toString()));
		}
		return fields;
	}

	private Map<String, Object> edit() {
		Map<String, Object> body = new LinkedHashMap<>(newProject("officer", null));
		body.remove("officer");
		body.remove("negotiationStartedOn");
		return body;
	}

	private Map<String, Object> currentThreshold() {
		return jdbc.sql("SELECT yellow_days, red_days FROM stage_threshold WHERE stage = 'NEGOTIATION'")
			.query((rs, n) -> Map.<String, Object>of("yellowDays", rs.getInt(1), "redDays", rs.getInt(2)))
			.single();
	}

	static String uniqueName() {
		return "mx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A new officer account (password "demo"), enabled or not. */
	private String user(boolean enabled) {
		String name = uniqueName();
		jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) VALUES (?, ?, ?, "
				+ "?, ?)")
			.params(name, "Matrix user", TestData.demoHash(), enabled, Timestamp.from(Instant.now()))
			.update();
		jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, 'OFFICER')").param(name).update();
		return name;
	}

	private String park() {
		String code = uniqueName().toUpperCase();
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, 'Matrix park', 'Duodao')").param(code).update();
		return code;
	}

}
