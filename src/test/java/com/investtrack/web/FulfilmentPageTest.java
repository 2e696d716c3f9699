package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * Fulfilment on the pages: the project page's section (figures, flags, in the page's
 * language) and the parks' minimums on /admin/parks, set through its form.
 */
class FulfilmentPageTest extends WebTestBase {

	@Test
	void theProjectPageShowsTheFiguresAndFlagsAgainstTheParksMinimums() {
		LocalDate today = today();
		String park = newPark();
		Map<String, Object> body = newProject("officer", today.minusDays(40));
		body.remove("investmentAmountYuan");
		body.remove("landAreaM2");
		body.put("parkCode", park);
		body.put("totalInvestmentWan", 8000);
		body.put("fixedAssetInvestmentWan", 3000);
		body.put("contractedInvestmentWan", 5000);
		body.put("landMu", 20);
		Response created = post("officer", "/api/projects", body);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		post("officer", "/api/projects/" + id + "/funds",
				Map.of("month", today.toString().substring(0, 7), "amountWan", 1000));

		WebSession admin = session("admin");
		Page saved = admin.post("/admin/parks/" + park + "/minimums",
				Map.of("minIntensityWanPerMu", "200", "minTaxPerMuWan", ""));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(admin.get("/admin/parks").body()).contains("Minimums of park " + park + " saved.")
			.containsPattern("/admin/parks/" + park + "/minimums\"><input[^>]*>\\s*<label>\\s*<span>Intensity</span>"
					+ "\\s*<input type=\"number\" name=\"minIntensityWanPerMu\"[^>]*value=\"200\"");
		Page refused = admin.post("/admin/parks/" + park + "/minimums", Map.of("minIntensityWanPerMu", "-3"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Minimum intensity");
		assertThat(session("auditor").get("/admin/parks").body()).contains("intensity ≥ 200 · tax ≥ –");

		String page = session("officer").get("/projects/" + id).body();
		assertThat(page).contains("id=\"fulfilment\"")
			.contains("150 万元/亩")
			.contains("20.0% of the contracted investment")
			.contains("data-flag=\"BELOW_MIN_INTENSITY\"")
			.contains("Intensity below the park minimum");
		assertThat(page).contains("id=\"record-fulfilment\"");
		assertThat(session("leader").get("/projects/" + id).body()).doesNotContain("id=\"record-fulfilment\"");

		// the officer records funds from the page: 1000 + 1500 of 5000 contracted
		WebSession officer = session("officer");
		String lastMonth = today.minusMonths(1).toString().substring(0, 7);
		WebSession.Page recorded = officer.post("/projects/" + id + "/funds",
				Map.of("month", lastMonth, "amountWan", "1500"));
		assertThat(recorded.location()).endsWith("/projects/" + id + "#fulfilment");
		assertThat(officer.get("/projects/" + id).body()).contains("Recorded.")
			.contains("50.0% of the contracted investment");
		officer.post("/projects/" + id + "/funds", Map.of("month", "2025-13", "amountWan", "1"));
		assertThat(officer.get("/projects/" + id).body()).contains("Month: is not valid");
		officer.post("/projects/" + id + "/tax", Map.of("year", String.valueOf(today.getYear()), "amountWan", "1"));
		assertThat(officer.get("/projects/" + id).body()).contains("Year: the project is not signed");
		session("officer2").post("/projects/" + id + "/funds", Map.of("month", lastMonth, "amountWan", "9"));
		assertThat(count("SELECT COUNT(*) FROM project_funds WHERE project_id = ?", id)).isEqualTo(2);

		String zh = session("leader").header("Accept-Language", "zh-CN").get("/projects/" + id).body();
		assertThat(zh).contains("履约情况").contains("投资强度低于园区标准").contains("资金到位率 50.0%");
	}

}
