package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/** Editing facts and reassigning from the project page, with per-field reasons and a message when refused. */
class ProjectFormsTest extends WebTestBase {

	@Test
	void theOfficerEditsFactsAndSeesFieldReasons() {
		long id = createProject("officer", "JS-IMP", "AGRI_FOOD", "HEAVY", today().minusDays(15), unique("Rice mill"));
		WebSession officer = session("officer");

		Map<String, String> facts = facts("Rice mill, phase 2", "-1");
		Page refused = officer.post("/projects/" + id + "/edit", facts);
		assertThat(refused.location()).endsWith("/projects/" + id + "#edit");
		String page = officer.get("/projects/" + id).body();
		assertThat(page).contains("<details class=\"card action\" id=\"edit\" open=\"open\">")
			.contains("data-error-for=\"investmentAmountYuan\"")
			.contains("value=\"Rice mill, phase 2\"");

		Page saved = officer.post("/projects/" + id + "/edit", facts("Rice mill, phase 2", "250000000"));
		assertThat(saved.location()).endsWith("/projects/" + id);
		page = officer.get("/projects/" + id).body();
		assertThat(page).contains("Facts saved.").contains("<h1>Rice mill, phase 2</h1>").contains("250 m yuan")
			.contains("data-action=\"PROJECT_EDITED\"")
			.contains("name: ");
		// the page after a save is a fresh one: the confirmation shows once
		assertThat(officer.get("/projects/" + id).body()).doesNotContain("Facts saved.");
	}

	@Test
	void aManagerReassignsAndTheNewOfficerTakesOver() {
		long id = createProject("officer", "JS-IMP", "AGRI_FOOD", "LIGHT", today().minusDays(15), unique("Noodle line"));
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

	private static Map<String, String> facts(String name, String amount) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("name", name);
		facts.put("investor", "Qujialing Grain Group");
		facts.put("industryCode", "AGRI_FOOD");
		facts.put("parkCode", "QJL-EA");
		facts.put("assetModel", "HEAVY");
		facts.put("investmentAmountYuan", amount);
		facts.put("landAreaM2", "30000");
		return facts;
	}

}
