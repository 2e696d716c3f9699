package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * The evidence rules on the pages over real HTTP with form-login sessions: the project
 * page says which required evidence is missing, the step into the stage is refused in the
 * page's language with nothing written and goes through once the file is there; the
 * administrator switches rules on their page, the auditor reads them. The rules are
 * global, so every test starts and ends with all of them off.
 */
class EvidencePageTest extends WebTestBase {

	private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@BeforeEach
	@AfterEach
	void rulesOff() {
		allEvidenceRulesOff();
	}

	@Test
	void theProjectPageShowsMissingEvidenceAndTheRequestIsRefusedInThePagesLanguage() {
		long id = createProject("officer", today().minusDays(20));
		WebSession admin = session("admin");
		assertThat(admin.post("/admin/evidence-rules/SIGNING", Map.of("required", "true")).location())
			.endsWith("/admin/evidence-rules");

		WebSession officer = session("officer");
		String page = officer.get("/projects/" + id).body();
		assertThat(page).contains("data-required-stage=\"SIGNING\" data-missing=\"true\"")
			.contains("Evidence missing")
			.contains("data-evidence-missing")
			.contains("id=\"evidence-upload\"");

		Page refused = officer.post("/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", today().minusDays(1).toString(), "comment", "terms agreed"));
		assertThat(refused.location()).contains("/projects/" + id);
		assertThat(officer.get("/projects/" + id).body()).contains("Evidence: Evidence missing: an administrator "
				+ "requires at least one evidence file of this stage before this step; upload it first.");
		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("officer");
		chinese.post("/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", today().minusDays(1).toString()));
		assertThat(chinese.get("/projects/" + id).body()).contains("佐证材料: 缺少佐证材料：管理员要求进入此阶段前至少上传一份此阶段的佐证材料，请先上传。");
		assertThat(get("officer", "/api/projects/" + id).body().get("pendingApproval").isNull()).isTrue();

		assertThat(uploadEvidence("officer", id, "SIGNING", "agreement.pdf", PDF).status()).isEqualTo(201);
		page = officer.get("/projects/" + id).body();
		assertThat(page).contains("data-required-stage=\"SIGNING\" data-missing=\"false\"")
			.contains("1 file")
			.contains("agreement.pdf")
			.doesNotContain("data-evidence-missing");
		officer.post("/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", today().minusDays(1).toString()));
		assertThat(get("officer", "/api/projects/" + id).body().get("pendingApproval").get("to").asText())
			.isEqualTo("SIGNING");
	}

	@Test
	void withoutRulesThePageNamesNoRequirement() {
		long id = createProject("officer", today().minusDays(20));

		String page = session("manager").get("/projects/" + id).body();

		assertThat(page).contains("id=\"evidence\"").doesNotContain("data-required-stage").contains("Upload evidence");
		assertThat(session("auditor").get("/projects/" + id).body()).contains("id=\"evidence\"")
			.doesNotContain("id=\"evidence-upload\"");
	}

	@Test
	void theAdministratorSwitchesRulesAndTheAuditorReadsThem() {
		WebSession admin = session("admin");
		String page = admin.get("/admin/evidence-rules").body();
		assertThat(page).contains("<h1>Evidence rules</h1>")
			.contains("id=\"rule-SIGNING\" data-required=\"false\"")
			.contains("/admin/evidence-rules/PRODUCTION")
			.contains("data-nav=\"evidenceRules\"");

		Page switched = admin.post("/admin/evidence-rules/PRODUCTION", Map.of("required", "true"));
		assertThat(switched.status()).isEqualTo(302);
		page = admin.get("/admin/evidence-rules").body();
		assertThat(page).contains("Evidence is now required for “Production started”.")
			.contains("id=\"rule-PRODUCTION\" data-required=\"true\"");
		assertThat(get("auditor", "/api/evidence-rules").body().get(3).get("required").asBoolean()).isTrue();

		String read = session("auditor").get("/admin/evidence-rules").body();
		assertThat(read).contains("id=\"rule-PRODUCTION\" data-required=\"true\"")
			.doesNotContain("/admin/evidence-rules/PRODUCTION\"");
		assertThat(session("officer").get("/admin/evidence-rules").status()).isEqualTo(403);
		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("admin");
		assertThat(chinese.get("/admin/evidence-rules").body()).contains("<h1>佐证材料要求</h1>").contains("须有");
	}

}
