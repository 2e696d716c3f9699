package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * Creating and editing the project's record from the pages (every ledger field, in both
 * languages), reassigning, with per-field reasons in the page's language and a message
 * when refused.
 */
class ProjectFormsTest extends WebTestBase {

	/**
	 * A well-formed 统一社会信用代码: its check character R is the one GB 32100-2015 computes.
	 */
	private static final String CREDIT_CODE = "91420800MA4F3K7Q2R";

	@Test
	void theOfficerEditsFactsAndSeesFieldReasons() {
		long id = createProject("officer", "JS-IMP", "AGRI_FOOD", "HEAVY", today().minusDays(15), unique("Rice mill"));
		WebSession officer = session("officer");

		Map<String, String> facts = facts("Rice mill, phase 2", "-1");
		Page refused = officer.post("/projects/" + id + "/edit", facts);
		assertThat(refused.location()).endsWith("/projects/" + id + "#edit");
		String page = officer.get("/projects/" + id).body();
		assertThat(page).contains("<details class=\"card action\" id=\"edit\" open=\"open\">")
			.contains("data-error-for=\"totalInvestmentWan\"")
			.contains("value=\"Rice mill, phase 2\"");

		Page saved = officer.post("/projects/" + id + "/edit", facts("Rice mill, phase 2", "25000"));
		assertThat(saved.location()).endsWith("/projects/" + id);
		page = officer.get("/projects/" + id).body();
		assertThat(page).contains("Facts saved.")
			.contains("<h1>Rice mill, phase 2</h1>")
			.contains("250 m yuan")
			.contains("data-action=\"PROJECT_EDITED\"")
			.contains("name: ");
		// the page after a save is a fresh one: the confirmation shows once
		assertThat(officer.get("/projects/" + id).body()).doesNotContain("Facts saved.");
	}

	@Test
	void aManagerReassignsAndTheNewOfficerTakesOver() {
		long id = createProject("officer", "JS-IMP", "AGRI_FOOD", "LIGHT", today().minusDays(15),
				unique("Noodle line"));
		WebSession manager = session("manager");
		assertThat(manager.get("/projects/" + id).body()).contains("id=\"reassign\"");

		Page unknown = manager.post("/projects/" + id + "/reassign", Map.of("officer", "auditor"));
		assertThat(unknown.location()).endsWith("#reassign");
		assertThat(manager.get("/projects/" + id).body()).contains("must be an active officer");

		manager.post("/projects/" + id + "/reassign", Map.of("officer", "officer2"));
		String page = manager.get("/projects/" + id).body();
		assertThat(page).contains("The project has a new officer.").contains("data-action=\"PROJECT_REASSIGNED\"");
		assertThat(session("officer2").get("/projects/" + id).body()).contains("id=\"next-milestone\"");
		assertThat(session("officer").get("/projects/" + id).body()).doesNotContain("id=\"next-milestone\"")
			.doesNotContain("id=\"reassign\"");
	}

	@Test
	void theWholeRecordRoundTripsThroughTheFormsInBothLanguages() {
		LocalDate today = today();
		for (String language : List.of("en", "zh-CN")) {
			WebSession officer = session("officer").header("Accept-Language", language);
			String code = "JM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
			String name = unique("Chassis plant");
			Map<String, String> form = facts(name, "120000");
			form.put("code", code);
			form.put("fixedAssetInvestmentWan", "80000");
			form.put("contractedInvestmentWan", "100000.5");
			form.put("landMu", "300");
			form.put("nationalCode", "2025-420802-36-03-000123");
			form.put("creditCode", CREDIT_CODE.toLowerCase(Locale.ROOT));
			form.put("projectType", "EXPANSION");
			form.put("channel", "BUSINESS_REFERRAL");
			form.put("referrer", "王经理");
			form.put("fundsOrigin", "OUT_OF_PROVINCE");
			form.put("leader", "leader");
			form.put("keyLevel", "CITY");
			form.put("negotiationStartedOn", today.minusDays(10).toString());
			form.put("dates.SIGNING", today.plusDays(20).toString());
			form.put("dates.CONSTRUCTION", today.plusDays(100).toString());
			form.put("dates.PRODUCTION", today.plusDays(400).toString());
			Page created = officer.post("/projects/new", form);
			assertThat(created.location()).as(language).matches(".*/projects/\\d+$");
			long id = Long.parseLong(created.location().replaceAll(".*/", ""));

			var p = get("officer", "/api/projects/" + id).body();
			assertThat(p.get("code").asText()).isEqualTo(code);
			assertThat(p.get("totalInvestmentWan").decimalValue()).isEqualByComparingTo("120000");
			assertThat(p.get("investmentAmountYuan").decimalValue()).isEqualByComparingTo("1200000000");
			assertThat(p.get("fixedAssetInvestmentWan").decimalValue()).isEqualByComparingTo("80000");
			assertThat(p.get("contractedInvestmentWan").decimalValue()).isEqualByComparingTo("100000.5");
			assertThat(p.get("landMu").decimalValue()).isEqualByComparingTo("300");
			assertThat(p.get("landAreaM2").decimalValue()).isEqualByComparingTo("200000");
			assertThat(p.get("nationalCode").asText()).isEqualTo("2025-420802-36-03-000123");
			assertThat(p.get("creditCode").asText()).isEqualTo(CREDIT_CODE);
			assertThat(p.get("projectType").asText()).isEqualTo("EXPANSION");
			assertThat(p.get("channel").asText()).isEqualTo("BUSINESS_REFERRAL");
			assertThat(p.get("referrer").asText()).isEqualTo("王经理");
			assertThat(p.get("fundsOrigin").asText()).isEqualTo("OUT_OF_PROVINCE");
			assertThat(p.get("leader").asText()).isEqualTo("leader");
			assertThat(p.get("keyLevel").asText()).isEqualTo("CITY");
			assertThat(p.get("plan").get("SIGNING").asText()).isEqualTo(today.plusDays(20).toString());
			assertThat(p.get("plan").get("CONSTRUCTION").asText()).isEqualTo(today.plusDays(100).toString());
			assertThat(p.get("plan").get("PRODUCTION").asText()).isEqualTo(today.plusDays(400).toString());
			assertThat(p.get("plan").has("SITE_SELECTION")).isFalse();

			String page = officer.get("/projects/" + id).body();
			if (language.equals("en")) {
				assertThat(page).contains("Project number", "Total investment (10,000 yuan)", "120,000 × 10,000 yuan",
						"300 mu (200,000 m²)", "Expansion", "Business referral", "From other provinces",
						"City key project", "Leader in charge", "Agreed construction start");
			}
			else {
				assertThat(page).contains("项目编号", "总投资（万元）", "120,000 万元", "固定资产投资（万元）", "合同引资额（万元）", "300 亩", "扩建",
						"以商招商", "引荐人", "省外", "包保领导", "市级重点", "约定开工", "约定投产");
			}
			// the edit form holds what was stored, and a change comes back the same way
			assertThat(page).contains("value=\"120000\"", "value=\"100000.5\"", "value=\"" + CREDIT_CODE + "\"");
			form.remove("negotiationStartedOn");
			form.keySet().removeIf(k -> k.startsWith("dates."));
			form.put("channel", "EXPO");
			form.put("landMu", "450");
			assertThat(officer.post("/projects/" + id + "/edit", form).location()).endsWith("/projects/" + id);
			p = get("officer", "/api/projects/" + id).body();
			assertThat(p.get("channel").asText()).isEqualTo("EXPO");
			assertThat(p.get("landMu").decimalValue()).isEqualByComparingTo("450");
			assertThat(p.get("creditCode").asText()).isEqualTo(CREDIT_CODE);
		}
	}

	@Test
	void aBadCreditCodeIsExplainedInThePagesLanguageAndNothingIsWritten() {
		Map<String, String> expected = Map.of("en", "is not a valid unified social credit code", "zh-CN",
				"不是有效的统一社会信用代码");
		expected.forEach((language, reason) -> {
			WebSession officer = session("officer").header("Accept-Language", language);
			String name = unique("Bad code plant");
			Map<String, String> form = facts(name, "5000");
			// the last character is not the check character of the first 17
			form.put("creditCode", CREDIT_CODE.substring(0, 17) + "A");
			form.put("negotiationStartedOn", today().minusDays(3).toString());
			assertThat(officer.post("/projects/new", form).location()).endsWith("/projects/new");
			String page = officer.get("/projects/new").body();
			assertThat(page).contains("data-error-for=\"creditCode\"")
				.contains(reason)
				.contains("value=\"" + name + "\"");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE name = ?").param(name).query(Long.class).single())
				.isZero();

			// the same on the edit form: the reason next to the field, the stored record
			// unchanged
			long id = createProject("officer", "JS-IMP", "AGRI_FOOD", "HEAVY", today().minusDays(5),
					unique("Oil mill"));
			Map<String, String> edit = facts("Oil mill renamed", "5000");
			edit.put("creditCode", CREDIT_CODE.substring(0, 17) + "A");
			assertThat(officer.post("/projects/" + id + "/edit", edit).location()).endsWith("#edit");
			assertThat(officer.get("/projects/" + id).body()).contains("data-error-for=\"creditCode\"")
				.contains(reason);
			assertThat(get("officer", "/api/projects/" + id).body().get("name").asText()).startsWith("Oil mill ")
				.isNotEqualTo("Oil mill renamed");
		});
	}

	@Test
	void onlyAManagerChangesTheLedgerNumberOnTheEditForm() {
		long id = createProject("officer", "JS-IMP", "AGRI_FOOD", "HEAVY", today().minusDays(5), unique("Flour mill"));
		String code = "JM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		WebSession officer = session("officer");
		assertThat(officer.get("/projects/" + id).body()).doesNotContain("id=\"edit-code\"");
		Map<String, String> form = facts("Flour mill", "5000");
		form.put("code", code);
		officer.post("/projects/" + id + "/edit", form);
		assertThat(get("officer", "/api/projects/" + id).body().get("code").asText()).isNotEqualTo(code);

		WebSession manager = session("manager");
		assertThat(manager.get("/projects/" + id).body()).contains("id=\"edit-code\"");
		assertThat(manager.post("/projects/" + id + "/edit", form).location()).endsWith("/projects/" + id);
		assertThat(get("officer", "/api/projects/" + id).body().get("code").asText()).isEqualTo(code);
		// a number another project holds is refused next to the field
		long other = createProject("officer", "JS-IMP", "AGRI_FOOD", "HEAVY", today().minusDays(5), unique("Oat mill"));
		manager.post("/projects/" + other + "/edit", form);
		assertThat(manager.get("/projects/" + other).body()).contains("data-error-for=\"code\"")
			.contains("is already the number of another project");
	}

	private static Map<String, String> facts(String name, String amount) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("name", name);
		facts.put("investor", "Qujialing Grain Group");
		facts.put("industryCode", "AGRI_FOOD");
		facts.put("parkCode", "QJL-EA");
		facts.put("assetModel", "HEAVY");
		facts.put("totalInvestmentWan", amount);
		facts.put("landMu", "45");
		return facts;
	}

}
