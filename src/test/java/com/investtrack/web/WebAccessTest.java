package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * Over real HTTP with a form-login session: each role opens only its pages and downloads,
 * errors are friendly pages (never a stack trace or the Whitelabel page), writes need the
 * CSRF token, and the language follows the browser.
 */
class WebAccessTest extends WebTestBase {

	@Test
	void pagesAndDownloadsOutsideTheRoleAre403Pages() {
		WebSession officer = session("officer");
		WebSession admin = session("admin");
		WebSession auditor = session("auditor");
		for (String path : new String[] { "/audit", "/audit.csv" }) {
			assertForbidden(officer.get(path), path);
			assertForbidden(admin.get(path), path);
			assertThat(auditor.get(path).status()).as(path).isEqualTo(200);
		}
		// reports are the bureau's own figures: every role reads them, on the pages as
		// through the API
		for (String path : new String[] { "/dashboard", "/dashboard/ttp.csv?by=park", "/dashboard/durations.csv",
				"/dashboard/kpis.csv", "/dashboard/attention.csv" }) {
			assertThat(officer.get(path).status()).as(path).isEqualTo(200);
			assertThat(admin.get(path).status()).as(path).isEqualTo(200);
		}
		assertForbidden(auditor.get("/projects/new"), "/projects/new");
		assertForbidden(admin.get("/projects/new"), "/projects/new");
		assertThat(officer.get("/projects/new").status()).isEqualTo(200);
	}

	@Test
	void aWriteOutsideTheRoleChangesNothingAndSaysWhy() {
		long id = createProject("officer", "JS-IMP", "HEALTH", "LIGHT", today().minusDays(10), unique("Clinic"));
		WebSession auditor = session("auditor");
		Page refused = auditor.post("/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", today().toString()));
		// auditors change nothing: the URL rules refuse every write of theirs before it
		// reaches the form
		assertThat(refused.status()).isEqualTo(403);
		assertThat(auditor.get("/projects/" + id).body()).doesNotContain("id=\"next-milestone\"");
		assertThat(get("officer", "/api/projects/" + id).body().get("stage").asText()).isEqualTo("NEGOTIATION");
		WebSession other = session("officer2");
		other.post("/projects/" + id + "/drop", Map.of("effectiveOn", today().toString(), "reason", "not mine"));
		assertThat(other.get("/projects/" + id).body())
			.contains("Only the project’s officer or a manager may change this project.");
		assertThat(get("officer", "/api/projects/" + id).body().get("outcome").asText()).isEqualTo("ACTIVE");
	}

	/**
	 * Every refusal of a signed-in user is audited once: a page's 403 and a form refused
	 * with a message alike.
	 */
	@Test
	void refusedPagesAndFormsAreAuditedOnce() {
		long id = createProject("officer", "JS-IMP", "HEALTH", "LIGHT", today().minusDays(10), unique("Clinic"));
		long before = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND actor = 'officer2'");
		WebSession other = session("officer2");
		assertForbidden(other.get("/audit"), "/audit");
		other.post("/projects/" + id + "/drop", Map.of("effectiveOn", today().toString(), "reason", "not mine"));

		var entries = jdbc.sql("""
				SELECT project_id, details FROM audit_entry WHERE action = 'ACCESS_DENIED' AND actor = 'officer2'
				ORDER BY seq DESC""").query((rs, n) -> rs.getObject(1) + " " + rs.getString(2)).list();
		assertThat(entries).hasSize((int) before + 2);
		assertThat(entries.get(0)).isEqualTo(id + " POST /projects/" + id
				+ "/drop: Only the project's officer or a manager may change this project");
		assertThat(entries.get(1)).startsWith("null GET /audit: Only auditors and managers read the audit trail");
	}

	@Test
	void writesWithoutTheCsrfTokenAreRefused() {
		long id = createProject("officer", "JS-IMP", "HEALTH", "LIGHT", today().minusDays(10), unique("Clinic"));
		Page forged = session("officer").postWithoutCsrf("/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", today().toString()));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(get("officer", "/api/projects/" + id).body().get("stage").asText()).isEqualTo("NEGOTIATION");
	}

	@Test
	void errorsAreFriendlyPages() {
		WebSession officer = session("officer");
		for (String path : new String[] { "/projects/999999999", "/projects/not-a-number", "/no/such/page" }) {
			Page page = officer.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.body()).contains("class=\"status-code\">404<")
				.contains("Not found")
				.doesNotContain("Whitelabel")
				.doesNotContain("Exception")
				.doesNotContain("at com.");
		}
		Page badQuery = session("manager").get("/dashboard/ttp.csv?by=nonsense");
		assertThat(badQuery.status()).isEqualTo(400);
		assertThat(badQuery.body()).contains("This link is not valid").contains("by: must be one of");
		Page anonymous = new WebSession(port).get("/dashboard");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");
	}

	@Test
	void theLanguageFollowsTheBrowserUntilChosen() {
		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
		assertThat(chinese.get("/login").body()).contains("<html lang=\"zh-CN\"").contains("用户名").contains("登录");
		WebSession traditional = new WebSession(port).header("Accept-Language", "zh-TW");
		assertThat(traditional.get("/login").body()).contains("用户名");
		WebSession french = new WebSession(port).header("Accept-Language", "fr-FR,fr;q=0.9");
		assertThat(french.get("/login").body()).contains("<html lang=\"en\"").contains("Username");
		// an explicit choice wins over the header and is remembered by a cookie
		assertThat(chinese.get("/login?lang=en").body()).contains("Username");
		assertThat(chinese.get("/login").body()).contains("Username");
		// a language without messages falls back to one with them
		assertThat(french.get("/login?lang=de").body()).contains("<html lang=\"en\"");
	}

	@Test
	void aNewProjectIsCreatedFromTheFormAndItsErrorsAreShownPerField() {
		WebSession officer = session("officer");
		Page refused = officer.post("/projects/new",
				Map.of("name", "", "investor", "Acme", "industryCode", "HEALTH", "parkCode", "JS-IMP", "assetModel",
						"LIGHT", "totalInvestmentWan", "-5", "negotiationStartedOn", today().plusDays(3).toString()));
		assertThat(refused.location()).endsWith("/projects/new");
		String form = officer.get("/projects/new").body();
		assertThat(form).contains("data-error-for=\"name\"").contains("data-error-for=\"totalInvestmentWan\"");
		assertThat(form).contains("value=\"Acme\"");

		Page future = officer.post("/projects/new",
				Map.of("name", "Solar farm", "investor", "Acme", "industryCode", "NEW_ENERGY", "parkCode", "JS-IMP",
						"assetModel", "HEAVY", "totalInvestmentWan", "100", "negotiationStartedOn",
						today().plusDays(3).toString()));
		assertThat(future.location()).endsWith("/projects/new");
		assertThat(officer.get("/projects/new").body()).contains("data-error-for=\"negotiationStartedOn\"")
			.contains("must not be in the future");

		String name = unique("Solar farm");
		Page created = officer.post("/projects/new",
				Map.of("name", name, "investor", "Acme", "industryCode", "NEW_ENERGY", "parkCode", "JS-IMP",
						"assetModel", "HEAVY", "totalInvestmentWan", "100", "landMu", "100", "negotiationStartedOn",
						LocalDate.of(2025, 3, 6).toString()));
		assertThat(created.location()).matches(".*/projects/\\d+");
		String page = officer.get(created.location().replaceFirst("^https?://[^/]+", "")).body();
		assertThat(page).contains(name)
			.contains("Project created.")
			.contains("100 mu (66,667 m²)")
			.contains("2025-03-06");
	}

	private static void assertForbidden(Page page, String path) {
		assertThat(page.status()).as(path).isEqualTo(403);
		assertThat(page.body()).as(path).contains("Not for your role").doesNotContain("Whitelabel");
	}

}
