package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.calendar.DayUnit;
import com.investtrack.calendar.WorkingDays;
import com.investtrack.support.ApiTestBase;

/**
 * GET /api/thresholds and PUT /api/thresholds/{stage}: lights follow a change at once, in
 * the stage's unit.
 */
class ThresholdApiTest extends ApiTestBase {

	@Autowired
	WorkingDays workingDays;

	@Test
	void everyRoleReadsTheThresholdsOfTheFourTimedStages() {
		for (String user : List.of("officer", "auditor", "admin")) {
			Response r = get(user, "/api/thresholds");
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.body().findValuesAsText("stage")).containsExactly("NEGOTIATION", "SIGNING", "SITE_SELECTION",
					"CONSTRUCTION");
			r.body().forEach(t -> {
				assertThat(ProjectCreateApiTest.fieldNames(t)).containsExactly("stage", "yellowDays", "redDays", "unit",
						"lateYellowDays", "lateRedDays");
				assertThat(t.get("redDays").asInt()).isGreaterThan(t.get("yellowDays").asInt());
			});
		}
		assertError(get(null, "/api/thresholds"), 401, "unauthorized");
	}

	@Test
	void aManagerChangesAThresholdAndTheLightsFollow() {
		JsonNode original = threshold("SITE_SELECTION");
		String park = newPark();
		LocalDate start = today().minusDays(30);
		long id = createProject("officer", start, park, "EQUIPMENT", "HEAVY");
		walk("officer", id, start.plusDays(2), today().minusDays(6));
		assertThat(health(id)).isEqualTo("GREEN");
		try {
			Response r = put("manager", "/api/thresholds/SITE_SELECTION", Map.of("yellowDays", 5, "redDays", 8));
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.body().get("stage").asText()).isEqualTo("SITE_SELECTION");
			assertThat(r.body().get("yellowDays").asInt()).isEqualTo(5);
			assertThat(r.body().get("redDays").asInt()).isEqualTo(8);
			assertThat(r.body().get("unit").asText()).as("kept when not sent").isEqualTo("CALENDAR_DAYS");
			assertThat(threshold("SITE_SELECTION").get("yellowDays").asInt()).isEqualTo(5);

			assertThat(health(id)).isEqualTo("YELLOW");
			assertThat(get("officer", "/api/projects?health=YELLOW&parkCode=" + park).body()
				.get("content")
				.findValuesAsText("id")).containsExactly(String.valueOf(id));
			JsonNode changed = get("auditor", "/api/audit?action=THRESHOLD_CHANGED&size=1").body()
				.get("content")
				.get(0);
			assertThat(changed.get("actor").asText()).isEqualTo("manager");
			assertThat(changed.get("fromStage").asText()).isEqualTo("SITE_SELECTION");
			assertThat(changed.get("details").asText())
				.startsWith("yellowDays: " + original.get("yellowDays").asInt() + " -> 5; redDays: "
						+ original.get("redDays").asInt() + " -> 8; unit: CALENDAR_DAYS -> CALENDAR_DAYS");

			assertThat(put("admin", "/api/thresholds/SITE_SELECTION", Map.of("yellowDays", 3, "redDays", 6)).status())
				.isEqualTo(200);
			assertThat(health(id)).isEqualTo("RED");
		}
		finally {
			restore(original);
		}
		assertThat(health(id)).isEqualTo("GREEN");
	}

	/**
	 * Six calendar days always hold a weekend day, so a stage entered six days ago is at
	 * most five working days old: with a yellow threshold of six days it is yellow in
	 * calendar days and green in working days.
	 */
	@Test
	void aThresholdInWorkingDaysCountsOnlyWorkingDays() {
		JsonNode original = threshold("SITE_SELECTION");
		LocalDate entered = today().minusDays(6);
		LocalDate start = today().minusDays(30);
		long id = createProject("officer", start, newPark(), "EQUIPMENT", "HEAVY");
		walk("officer", id, start.plusDays(2), entered);
		long workingAge = workingDays.between(DayUnit.WORKING_DAYS, entered, today());
		assertThat(workingAge).isLessThan(6);
		try {
			assertThat(put("manager", "/api/thresholds/SITE_SELECTION",
					Map.of("yellowDays", 6, "redDays", 100, "unit", "CALENDAR_DAYS"))
				.status()).isEqualTo(200);
			assertThat(health(id)).isEqualTo("YELLOW");
			assertThat(get("officer", "/api/projects/" + id).body().get("healthReason").asText()).contains("6 days");

			Response r = put("manager", "/api/thresholds/SITE_SELECTION",
					Map.of("yellowDays", 6, "redDays", 100, "unit", "WORKING_DAYS"));
			assertThat(r.body().get("unit").asText()).isEqualTo("WORKING_DAYS");
			assertThat(health(id)).isEqualTo("GREEN");
			assertThat(get("officer", "/api/projects/" + id).body().get("healthReason").asText())
				.contains(workingAge + " working day");

			assertThat(put("manager", "/api/thresholds/SITE_SELECTION",
					Map.of("yellowDays", (int) Math.max(1, workingAge), "redDays", 100, "unit", "WORKING_DAYS"))
				.status()).isEqualTo(200);
			assertThat(health(id)).isEqualTo(workingAge >= 1 ? "YELLOW" : "GREEN");
		}
		finally {
			restore(original);
		}
	}

	@Test
	void theLateMarginsDecideHowLateIsYellowAndRed() {
		JsonNode original = threshold("NEGOTIATION");
		Map<String, Object> body = newProject("officer", today().minusDays(20));
		body.put("plan", Map.of("SIGNING", today().minusDays(10).toString()));
		long id = post("officer", "/api/projects", body).body().get("id").asLong();
		assertThat(health(id)).isEqualTo("YELLOW");
		try {
			assertThat(put("manager", "/api/thresholds/NEGOTIATION",
					Map.of("yellowDays", 60, "redDays", 90, "lateYellowDays", 1, "lateRedDays", 10))
				.status()).isEqualTo(200);
			assertThat(health(id)).isEqualTo("RED");
			assertThat(put("manager", "/api/thresholds/NEGOTIATION",
					Map.of("yellowDays", 60, "redDays", 90, "lateYellowDays", 11, "lateRedDays", 20))
				.status()).isEqualTo(200);
			assertThat(health(id)).isEqualTo("GREEN");
			assertThat(get("officer", "/api/projects/" + id).body().get("daysLate").asLong()).isEqualTo(10);
			JsonNode fields = assertError(
					put("manager", "/api/thresholds/NEGOTIATION",
							Map.of("yellowDays", 60, "redDays", 90, "lateYellowDays", 20, "lateRedDays", 20)),
					400, "invalid_input");
			assertThat(fields.has("lateRedDays")).isTrue();
			assertThat(
					assertError(
							put("manager", "/api/thresholds/NEGOTIATION",
									Map.of("yellowDays", 60, "redDays", 90, "unit", "FORTNIGHTS")),
							400, "invalid_input")
						.has("unit"))
				.isTrue();
		}
		finally {
			restore(original);
		}
	}

	private void restore(JsonNode original) {
		Response r = put("admin", "/api/thresholds/" + original.get("stage").asText(),
				json.convertValue(original, Map.class));
		assertThat(r.status()).as(r.raw()).isIn(200, 400);
		if (r.status() == 400) {
			Map<String, Object> fields = json.convertValue(original, Map.class);
			fields.remove("stage");
			assertThat(put("admin", "/api/thresholds/" + original.get("stage").asText(), fields).status())
				.isEqualTo(200);
		}
	}

	@Test
	void refusedChangesWriteNothing() {
		JsonNode before = get("manager", "/api/thresholds").body();
		// the refusals themselves are recorded (ACCESS_DENIED) by design; nothing else
		// may be
		long audit = count("SELECT COUNT(*) FROM audit_entry WHERE action <> 'ACCESS_DENIED'");
		Map<String, Object> good = Map.of("yellowDays", 10, "redDays", 20);

		assertError(put("officer", "/api/thresholds/SIGNING", good), 403, "forbidden");
		assertError(put("auditor", "/api/thresholds/SIGNING", good), 403, "forbidden");
		assertError(put(null, "/api/thresholds/SIGNING", good), 401, "unauthorized");
		assertError(put("manager", "/api/thresholds/PRODUCTION", good), 404, "not_found");
		assertThat(assertError(put("manager", "/api/thresholds/MARS", good), 400, "invalid_input").has("stage"))
			.isTrue();
		Map<Map<String, Object>, String> bad = Map.of(Map.of("yellowDays", 20, "redDays", 20), "redDays",
				Map.of("yellowDays", 30, "redDays", 20), "redDays", Map.of("yellowDays", 0, "redDays", 20),
				"yellowDays", Map.of("yellowDays", 10, "redDays", 3651), "redDays", Map.of("redDays", 20), "yellowDays",
				Map.of("yellowDays", 10), "redDays", Map.of("yellowDays", "ten", "redDays", 20), "yellowDays",
				Map.of("yellowDays", 10, "redDays", 20, "greenDays", 1), "greenDays");
		bad.forEach((body, field) -> {
			JsonNode fields = assertError(put("manager", "/api/thresholds/SIGNING", body), 400, "invalid_input");
			assertThat(fields.has(field)).as("%s names %s: %s", body, field, fields).isTrue();
		});
		assertError(put("manager", "/api/thresholds/SIGNING", "10,20"), 400, "invalid_input");
		assertError(put("manager", "/api/thresholds/SIGNING", ""), 400, "invalid_input");

		assertThat(get("manager", "/api/thresholds").body()).isEqualTo(before);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action <> 'ACCESS_DENIED'")).isEqualTo(audit);
	}

	private JsonNode threshold(String stage) {
		for (JsonNode t : get("manager", "/api/thresholds").body()) {
			if (t.get("stage").asText().equals(stage)) {
				return t;
			}
		}
		throw new AssertionError("no threshold for " + stage);
	}

	private String health(long id) {
		return get("officer", "/api/projects/" + id).body().get("health").asText();
	}

}
