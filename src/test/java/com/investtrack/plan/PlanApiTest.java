package com.investtrack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * Agreed dates through the API: the plan at creation, revisions with their baseline, and
 * the lights they give.
 */
class PlanApiTest extends ApiTestBase {

	@Test
	void aRevisionKeepsTheBaselineAndIsRecordedWithWhoWhenAndWhy() {
		LocalDate start = today().minusDays(20);
		Map<String, Object> body = newProject("officer", start);
		body.put("plan",
				Map.of("SIGNING", start.plusDays(30).toString(), "CONSTRUCTION", start.plusDays(200).toString()));
		JsonNode created = post("officer", "/api/projects", body).body();
		long id = created.get("id").asLong();
		assertThat(created.get("plan").get("SIGNING").asText()).isEqualTo(start.plusDays(30).toString());
		assertThat(created.get("baselinePlan")).isEqualTo(created.get("plan"));

		Response revised = put("officer", "/api/projects/" + id + "/plan", Map.of("dates",
				Map.of("CONSTRUCTION", start.plusDays(260).toString(), "PRODUCTION", start.plusDays(700).toString()),
				"reason", "Land delivery delayed by the park"));

		assertThat(revised.status()).as(revised.raw()).isEqualTo(200);
		JsonNode p = revised.body();
		assertThat(p.get("plan").get("CONSTRUCTION").asText()).isEqualTo(start.plusDays(260).toString());
		assertThat(p.get("plan").get("PRODUCTION").asText()).isEqualTo(start.plusDays(700).toString());
		assertThat(p.get("plan").get("SIGNING").asText()).isEqualTo(start.plusDays(30).toString());
		assertThat(p.get("baselinePlan").get("CONSTRUCTION").asText()).isEqualTo(start.plusDays(200).toString());
		assertThat(p.get("baselinePlan").get("PRODUCTION").asText()).as("the first date agreed for a milestone")
			.isEqualTo(start.plusDays(700).toString());

		JsonNode plan = get("auditor", "/api/projects/" + id + "/plan").body();
		JsonNode latest = plan.get("revisions").get(0);
		assertThat(latest.get("revisedBy").asText()).isEqualTo("officer");
		assertThat(latest.get("reason").asText()).isEqualTo("Land delivery delayed by the park");
		assertThat(latest.get("changes").asText()).isEqualTo("CONSTRUCTION: " + start.plusDays(200) + " -> "
				+ start.plusDays(260) + "; PRODUCTION: none -> " + start.plusDays(700));
		assertThat(plan.get("revisions")).hasSize(2);
		assertThat(jdbc
			.sql("SELECT comment, details FROM audit_entry WHERE project_id = ? AND action = 'PLAN_REVISED' ORDER BY "
					+ "seq")
			.param(id)
			.query((rs, n) -> rs.getString(1) + " | " + rs.getString(2))
			.list()).containsExactly(
					"null | SIGNING: none -> " + start.plusDays(30) + "; CONSTRUCTION: none -> " + start.plusDays(200),
					"Land delivery delayed by the park | " + latest.get("changes").asText());
		assertAuditChainIntact();
	}

	@Test
	void theNextMilestonesAgreedDateGivesTheLightItsReasonAndDaysLate() {
		LocalDate start = today().minusDays(100);
		long late = createProject("officer", start);
		moved(late);
		revise(late, Map.of("SIGNING", today().minusDays(1)));
		JsonNode oneDay = get("officer", "/api/projects/" + late).body();
		assertThat(oneDay.get("health").asText()).isEqualTo("YELLOW");
		assertThat(oneDay.get("daysLate").asLong()).isEqualTo(1);
		assertThat(oneDay.get("healthReason").asText())
			.isEqualTo("Behind plan: \"Contract signed\" was agreed for " + today().minusDays(1) + ", 1 day late");

		revise(late, Map.of("SIGNING", today().minusDays(30)));
		JsonNode thirty = get("officer", "/api/projects/" + late).body();
		assertThat(thirty.get("health").asText()).isEqualTo("RED");
		assertThat(thirty.get("daysLate").asLong()).isEqualTo(30);
		Response chinese = exchange("officer", HttpMethod.GET, "/api/projects/" + late, null,
				Map.of("Accept-Language", "zh-CN"));
		assertThat(chinese.body().get("healthReason").asText())
			.isEqualTo("滞后于计划：「签订合同」约定于" + today().minusDays(30) + "，已逾期30天");

		// 100 days in negotiation would be red by age alone: with an agreed signing date
		// still ahead it is green
		revise(late, Map.of("SIGNING", today().plusDays(10)));
		JsonNode ahead = get("officer", "/api/projects/" + late).body();
		assertThat(ahead.get("health").asText()).isEqualTo("GREEN");
		assertThat(ahead.get("daysLate").asLong()).isZero();
	}

	@Test
	void theHealthFilterOfTheListAgreesWithTheLightOfEveryProject() {
		String park = newPark();
		LocalDate start = today().minusDays(120);
		Map<Long, String> expected = new HashMap<>();
		long onPlan = createIn(park, start, Map.of("SIGNING", today().plusDays(5)));
		expected.put(onPlan, "GREEN");
		long yellow = createIn(park, start, Map.of("SIGNING", today().minusDays(3)));
		expected.put(yellow, "YELLOW");
		long red = createIn(park, start, Map.of("SIGNING", today().minusDays(45)));
		expected.put(red, "RED");
		long oldNoPlan = createIn(park, start, Map.of());
		expected.put(oldNoPlan, "RED");
		long youngNoPlan = createIn(park, today().minusDays(3), Map.of());
		expected.put(youngNoPlan, "GREEN");
		long signedOnTime = createIn(park, today().minusDays(400), Map.of("SIGNING", today().minusDays(300)));
		reach("officer", signedOnTime, "SIGNING", today().minusDays(300));
		expected.put(signedOnTime, "GREEN");
		long signedLate = createIn(park, today().minusDays(400), Map.of("SIGNING", today().minusDays(301)));
		reach("officer", signedLate, "SIGNING", today().minusDays(300));
		expected.put(signedLate, "RED");
		// the rules above, with progress today; without any, the "no progress" rule turns
		// a project on plan
		for (long id : List.of(onPlan, yellow, red, oldNoPlan, signedOnTime, signedLate)) {
			moved(id);
		}
		expected.put(createIn(park, today().minusDays(65), Map.of("SIGNING", today().plusDays(5))), "YELLOW");
		expected.put(createIn(park, today().minusDays(95), Map.of("SIGNING", today().plusDays(5))), "RED");
		long stageYellowIdleRed = createIn(park, today().minusDays(95), Map.of("SIGNING", today().minusDays(3)));
		expected.put(stageYellowIdleRed, "RED");

		expected.forEach((id, health) -> assertThat(get("officer", "/api/projects/" + id).body().get("health").asText())
			.as("light of project %d", id)
			.isEqualTo(health));
		for (String health : List.of("GREEN", "YELLOW", "RED")) {
			JsonNode page = get("officer", "/api/projects?size=50&parkCode=" + park + "&health=" + health).body();
			List<Long> listed = new java.util.ArrayList<>();
			page.get("content").forEach(p -> {
				listed.add(p.get("id").asLong());
				assertThat(p.get("health").asText()).isEqualTo(health);
			});
			assertThat(listed).containsExactlyInAnyOrderElementsOf(expected.entrySet()
				.stream()
				.filter(e -> e.getValue().equals(health))
				.map(Map.Entry::getKey)
				.toList());
		}
	}

	@Test
	void badPlansAreRefusedByFieldAndChangeNothing() {
		LocalDate start = today().minusDays(50);
		long id = createProject("officer", start);
		reach("officer", id, "SIGNING", start.plusDays(10));
		var before = stateOf(id);
		long revisions = count("SELECT COUNT(*) FROM plan_revision WHERE project_id = ?", id);

		JsonNode beforeMilestone = assertError(
				put("officer", "/api/projects/" + id + "/plan",
						Map.of("dates", Map.of("SITE_SELECTION", start.plusDays(9).toString()), "reason", "r")),
				400, "invalid_input");
		assertThat(beforeMilestone.get("dates.SITE_SELECTION").asText()).contains("SIGNING reached on");
		JsonNode outOfOrder = assertError(put("officer", "/api/projects/" + id + "/plan", Map.of("dates",
				Map.of("CONSTRUCTION", today().plusDays(100).toString(), "PRODUCTION", today().plusDays(50).toString()),
				"reason", "r")), 400, "invalid_input");
		assertThat(outOfOrder.get("dates.PRODUCTION").asText()).contains("CONSTRUCTION");
		assertThat(assertError(
				put("officer", "/api/projects/" + id + "/plan",
						Map.of("dates", Map.of("NEGOTIATION", today().toString()), "reason", "r")),
				400, "invalid_input")
			.has("dates.NEGOTIATION")).isTrue();
		assertThat(
				assertError(
						put("officer", "/api/projects/" + id + "/plan",
								Map.of("dates", Map.of("BUILDING", today().toString()), "reason", "r")),
						400, "invalid_input"))
			.isNotNull();
		Map<String, Object> noReason = new LinkedHashMap<>();
		noReason.put("dates", Map.of("PRODUCTION", today().plusDays(300).toString()));
		noReason.put("reason", " ");
		assertThat(assertError(put("officer", "/api/projects/" + id + "/plan", noReason), 400, "invalid_input")
			.has("reason")).isTrue();
		assertError(
				put("officer2", "/api/projects/" + id + "/plan",
						Map.of("dates", Map.of("PRODUCTION", today().plusDays(300).toString()), "reason", "r")),
				403, "forbidden");

		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(count("SELECT COUNT(*) FROM plan_revision WHERE project_id = ?", id)).isEqualTo(revisions);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'PLAN_REVISED'", id))
			.isZero();
	}

	private long createIn(String park, LocalDate start, Map<String, LocalDate> plan) {
		Map<String, Object> body = newProject("officer", start);
		body.put("parkCode", park);
		Map<String, String> dates = new HashMap<>();
		plan.forEach((stage, date) -> dates.put(stage, date.toString()));
		body.put("plan", dates);
		Response r = post("officer", "/api/projects", body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asLong();
	}

	private void revise(long id, Map<String, LocalDate> dates) {
		Map<String, String> body = new HashMap<>();
		dates.forEach((stage, date) -> body.put(stage, date.toString()));
		Response r = put("officer", "/api/projects/" + id + "/plan", Map.of("dates", body, "reason", "test revision"));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	/**
	 * A progress entry today, so that the "no progress" rule leaves the project to the
	 * others.
	 */
	private void moved(long id) {
		Response r = post("officer", "/api/projects/" + id + "/progress",
				Map.of("on", today().toString(), "progress", "talks go on"));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
	}

}
