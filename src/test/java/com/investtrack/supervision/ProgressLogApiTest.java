package com.investtrack.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * The progress log: who writes it, what it refuses, how it lists, and the "no progress"
 * rule it feeds (yellow after 60 days without a milestone or entry, red after 90, with
 * its reason; the list filter agrees with the light).
 */
class ProgressLogApiTest extends ApiTestBase {

	@Test
	void theOfficerAndAManagerAddEntriesListedNewestFirstAndAudited() {
		long id = onPlan(today().minusDays(20));

		Response first = post("officer", path(id), entry(today().minusDays(10), "Site visit with the investor"));
		Map<String, Object> second = entry(today().minusDays(3), "Land price agreed");
		second.put("problems", "Power line crosses the plot");
		second.put("nextSteps", "Ask the grid company");
		Response byManager = post("manager", path(id), second);

		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		assertThat(first.body().get("id").asLong()).isPositive();
		assertThat(first.body().get("recordedBy").asText()).isEqualTo("officer");
		assertThat(byManager.status()).as(byManager.raw()).isEqualTo(201);
		JsonNode log = get("leader", path(id)).body();
		assertThat(log).hasSize(2);
		assertThat(log.get(0).get("progress").asText()).isEqualTo("Land price agreed");
		assertThat(log.get(0).get("problems").asText()).isEqualTo("Power line crosses the plot");
		assertThat(log.get(0).get("nextSteps").asText()).isEqualTo("Ask the grid company");
		assertThat(log.get(1).get("on").asText()).isEqualTo(today().minusDays(10).toString());
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'PROGRESS_RECORDED'", id))
			.isEqualTo(2);
		assertAuditChainIntact();
	}

	@Test
	void anotherOfficerAnAuditorAndALeaderMayNotWriteAndNothingIsWritten() {
		long id = onPlan(today().minusDays(20));

		assertThat(post("officer2", path(id), entry(today(), "not mine")).status()).isEqualTo(403);
		assertThat(post("auditor", path(id), entry(today(), "reads only")).status()).isEqualTo(403);
		assertThat(post("leader", path(id), entry(today(), "reads only")).status()).isEqualTo(403);
		assertThat(get("officer", path(id)).body()).isEmpty();
	}

	@Test
	void badEntriesAreRefusedNamingTheField() {
		long id = onPlan(today().minusDays(20));

		assertThat(assertError(post("officer", path(id), entry(today().plusDays(1), "tomorrow")), 400, "invalid_input")
			.has("on")).isTrue();
		assertThat(assertError(post("officer", path(id), entry(today(), " ")), 400, "invalid_input").has("progress"))
			.isTrue();
		Map<String, Object> noDate = entry(today(), "no date");
		noDate.remove("on");
		assertThat(assertError(post("officer", path(id), noDate), 400, "invalid_input").has("on")).isTrue();
		assertThat(assertError(post("officer", path(id), entry(today(), "x".repeat(2001))), 400, "invalid_input")
			.has("progress")).isTrue();
		assertThat(assertError(post("officer", path(id), entry(today(), "bell\u0007")), 400, "invalid_input")
			.has("progress")).isTrue();
		assertThat(get("officer", path(id)).body()).isEmpty();
		assertThat(post("officer", "/api/projects/999999999/progress", entry(today(), "nobody")).status())
			.isEqualTo(404);
	}

	@Test
	void aProjectWithoutProgressTurnsYellowAtSixtyDaysAndRedAtNinetyWithTheReason() {
		long fiftyNine = onPlan(today().minusDays(59));
		long sixty = onPlan(today().minusDays(60));
		long eightyNine = onPlan(today().minusDays(89));
		long ninety = onPlan(today().minusDays(90));

		assertThat(light(fiftyNine).get("health").asText()).isEqualTo("GREEN");
		assertThat(light(sixty).get("health").asText()).isEqualTo("YELLOW");
		assertThat(light(eightyNine).get("health").asText()).isEqualTo("YELLOW");
		JsonNode red = light(ninety);
		assertThat(red.get("health").asText()).isEqualTo("RED");
		assertThat(red.get("healthReason").asText())
			.isEqualTo("No progress: nothing moved since " + today().minusDays(90)
					+ " (90 days; yellow after 60 days, red after 90 days without a milestone or " + "progress entry)");
		// the list filter (the same rule in SQL) agrees with the lights
		assertThat(filtered("RED", ninety)).isTrue();
		assertThat(filtered("YELLOW", sixty)).isTrue();
		assertThat(filtered("YELLOW", eightyNine)).isTrue();
		assertThat(filtered("GREEN", fiftyNine)).isTrue();
		assertThat(filtered("GREEN", ninety) || filtered("YELLOW", ninety)).isFalse();
		assertThat(filtered("RED", sixty) || filtered("GREEN", sixty)).isFalse();
	}

	@Test
	void aProgressEntryOrAMilestoneResetsTheNoProgressClock() {
		long id = onPlan(today().minusDays(100));
		assertThat(light(id).get("health").asText()).isEqualTo("RED");

		post("officer", path(id), entry(today().minusDays(60), "Second round of talks"));
		assertThat(light(id).get("health").asText()).isEqualTo("YELLOW");
		assertThat(filtered("YELLOW", id)).isTrue();

		// an older entry never moves the clock back
		post("officer", path(id), entry(today().minusDays(95), "A late note about the first talk"));
		assertThat(light(id).get("health").asText()).isEqualTo("YELLOW");

		post("officer", path(id), entry(today().minusDays(5), "Draft agreement sent"));
		JsonNode green = light(id);
		assertThat(green.get("health").asText()).isEqualTo("GREEN");
		assertThat(green.get("healthReason").asText()).startsWith("Next milestone");
		assertThat(filtered("GREEN", id)).isTrue();

		long reached = onPlan(today().minusDays(100));
		reach("officer", reached, "SIGNING", today().minusDays(10));
		assertThat(light(reached).get("health").asText()).isNotEqualTo("RED");
	}

	@Test
	void theReasonIsInChineseForAChineseCaller() {
		long id = onPlan(today().minusDays(90));

		Response r = exchange("officer", org.springframework.http.HttpMethod.GET, "/api/projects/" + id, null,
				Map.of("Accept-Language", "zh-CN"));

		assertThat(r.body().get("healthReason").asText()).startsWith("无进展：自" + today().minusDays(90));
	}

	/**
	 * A project whose signing is agreed a month ahead, so that only the "no progress"
	 * rule can turn it.
	 */
	private long onPlan(LocalDate start) {
		Map<String, Object> body = newProject("officer", start);
		body.put("plan", Map.of("SIGNING", today().plusDays(30).toString()));
		Response r = post("officer", "/api/projects", body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asLong();
	}

	private JsonNode light(long id) {
		return get("officer", "/api/projects/" + id).body();
	}

	private boolean filtered(String health, long id) {
		JsonNode page = get("manager", "/api/projects?size=200&officer=officer&health=" + health).body();
		for (JsonNode p : page.get("content")) {
			if (p.get("id").asLong() == id) {
				return true;
			}
		}
		return false;
	}

	private static String path(long id) {
		return "/api/projects/" + id + "/progress";
	}

	private static Map<String, Object> entry(LocalDate on, String progress) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("on", on.toString());
		body.put("progress", progress);
		return body;
	}

}
