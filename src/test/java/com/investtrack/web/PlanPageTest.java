package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * The plan on the project page: each milestone's agreed, first agreed and actual date
 * with the days late, the light's reason, and a revision through the page's form (the
 * owning officer's; with a reason) that keeps the baseline and shows up in the revision
 * history with who, when, why and old → new.
 */
class PlanPageTest extends WebTestBase {

	@Test
	void aProjectBehindItsPlanSaysWhyAndARevisionThroughThePageIsKeptWithItsHistory() {
		LocalDate today = today();
		// started 40 days ago: recent enough that the "no progress" rule (60 days) does
		// not colour it
		Map<String, Object> body = newProject("officer", today.minusDays(40));
		body.put("name", unique("Behind plan"));
		body.put("plan",
				Map.of("SIGNING", today.minusDays(10).toString(), "PRODUCTION", today.plusDays(500).toString()));
		Response created = post("officer", "/api/projects", body);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		long id = created.body().get("id").asLong();

		WebSession officer = session("officer");
		String page = officer.get("/projects/" + id).body();
		// ten days past the agreed signing: yellow (from 1 day late), and the page says
		// why
		assertThat(page).contains("data-health=\"YELLOW\"").contains("data-health-reason").contains("Behind plan");
		assertThat(row(page, "SIGNING")).contains("<td data-agreed>" + today.minusDays(10) + "</td>")
			.contains("<td data-actual>—</td>")
			.contains("data-late>10<");
		assertThat(row(page, "PRODUCTION")).contains(today.plusDays(500).toString()).contains("data-late></td>");
		assertThat(page).contains("id=\"revise-plan\"").contains("name=\"dates.SIGNING\"").contains("First plan");

		// no reason: explained next to the field, nothing changed
		Map<String, String> revision = new LinkedHashMap<>();
		revision.put("dates.SIGNING", today.plusDays(20).toString());
		revision.put("dates.SITE_SELECTION", "");
		revision.put("dates.CONSTRUCTION", today.plusDays(120).toString());
		revision.put("dates.PRODUCTION", today.plusDays(500).toString());
		revision.put("reason", "");
		Page refused = officer.post("/projects/" + id + "/plan", revision);
		assertThat(refused.location()).endsWith("/projects/" + id + "#plan");
		assertThat(officer.get("/projects/" + id).body()).contains("data-error-for=\"reason\"")
			.contains("say why the agreed dates change")
			.contains("<details class=\"action\" id=\"revise-plan\" open=\"open\">");
		assertThat(get("officer", "/api/projects/" + id).body().get("plan").get("SIGNING").asText())
			.isEqualTo(today.minusDays(10).toString());

		revision.put("reason", "The investor's board meets next month");
		assertThat(officer.post("/projects/" + id + "/plan", revision).location()).endsWith("/projects/" + id);
		page = officer.get("/projects/" + id).body();
		assertThat(page).contains("Plan revised.").contains("data-health=\"GREEN\"");
		assertThat(row(page, "SIGNING")).contains("<td data-agreed>" + today.plusDays(20) + "</td>")
			.contains("<td data-baseline>" + today.minusDays(10) + "</td>")
			.contains("data-late></td>");
		assertThat(row(page, "CONSTRUCTION")).contains("<td data-agreed>" + today.plusDays(120) + "</td>")
			.contains("<td data-baseline></td>");
		String latest = page.substring(page.indexOf("<tr data-plan-revision>"));
		assertThat(latest).contains("The investor&#39;s board meets next month")
			.contains("data-label=\"Who\">officer</td>")
			.contains("Contract signed: " + today.minusDays(10) + " → " + today.plusDays(20))
			.contains("Construction commenced: — → " + today.plusDays(120));
		var plan = get("officer", "/api/projects/" + id).body();
		assertThat(plan.get("baselinePlan").get("SIGNING").asText()).isEqualTo(today.minusDays(10).toString());
		assertThat(plan.get("plan").get("SIGNING").asText()).isEqualTo(today.plusDays(20).toString());

		// in Chinese the same history, in Chinese
		String chinese = session("officer").header("Accept-Language", "zh-CN").get("/projects/" + id).body();
		assertThat(chinese).contains("计划与实际").contains("约定时间").contains("签订合同: " + today.minusDays(10));

		// another officer reads the plan, is offered no form, and is refused if they send
		// it anyway
		WebSession other = session("officer2");
		assertThat(other.get("/projects/" + id).body()).contains("id=\"plan\"").doesNotContain("id=\"revise-plan\"");
		revision.put("dates.SIGNING", today.plusDays(40).toString());
		other.post("/projects/" + id + "/plan", revision);
		assertThat(get("officer", "/api/projects/" + id).body().get("plan").get("SIGNING").asText())
			.isEqualTo(today.plusDays(20).toString());
	}

	@Test
	void aDateBeforeTheMilestoneItFollowsIsRefusedNextToItsField() {
		LocalDate today = today();
		long id = createProject("officer", "JS-IMP", "EQUIPMENT", "HEAVY", today.minusDays(30), unique("Early plan"));
		WebSession officer = session("officer").header("Accept-Language", "zh-CN");
		Map<String, String> revision = new LinkedHashMap<>();
		revision.put("dates.SIGNING", today.minusDays(40).toString());
		revision.put("reason", "协议签订");
		officer.post("/projects/" + id + "/plan", revision);
		String page = officer.get("/projects/" + id).body();
		assertThat(page).contains("data-error-for=\"dates.SIGNING\"").contains("不能早于其前一节点");
		assertThat(get("officer", "/api/projects/" + id).body().get("plan").has("SIGNING")).isFalse();
	}

	/** The plan table's row of one milestone. */
	private static String row(String page, String stage) {
		Matcher m = Pattern.compile("<tr data-plan-stage=\"" + stage + "\".*?</tr>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("plan row " + stage).isTrue();
		return m.group();
	}

}
