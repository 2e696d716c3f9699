package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/** GET /api/thresholds and PUT /api/thresholds/{stage}: the light users see and the timers move together. */
class ThresholdApiTest extends ApiTestBase {

	@Autowired
	ManagementService management;

	@Test
	void everyRoleReadsTheThresholdsOfTheFourTimedStages() {
		for (String user : List.of("officer", "auditor", "admin")) {
			Response r = get(user, "/api/thresholds");
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.body().findValuesAsText("stage")).containsExactly("NEGOTIATION", "SIGNING", "SITE_SELECTION", "CONSTRUCTION");
			r.body().forEach(t -> {
				assertThat(ProjectCreateApiTest.fieldNames(t)).containsExactly("stage", "yellowDays", "redDays");
				assertThat(t.get("redDays").asInt()).isGreaterThan(t.get("yellowDays").asInt());
			});
		}
		assertError(get(null, "/api/thresholds"), 401, "unauthorized");
	}

	@Test
	void aManagerChangesAThresholdAndHealthAndTimersFollow() {
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
			assertThat(threshold("SITE_SELECTION").get("yellowDays").asInt()).isEqualTo(5);

			assertThat(health(id)).isEqualTo("YELLOW");
			assertThat(get("officer", "/api/projects?health=YELLOW&parkCode=" + park).body().get("content").findValuesAsText("id"))
				.containsExactly(String.valueOf(id));
			assertThat(dueDate(id, "YellowReached_SITE_SELECTION")).isEqualTo(startOfDay(today().minusDays(6).plusDays(5)));
			assertThat(dueDate(id, "RedReached_SITE_SELECTION")).isEqualTo(startOfDay(today().minusDays(6).plusDays(8)));
			JsonNode changed = get("auditor", "/api/audit?action=THRESHOLD_CHANGED&size=1").body().get("content").get(0);
			assertThat(changed.get("actor").asText()).isEqualTo("manager");
			assertThat(changed.get("fromStage").asText()).isEqualTo("SITE_SELECTION");
			assertThat(changed.get("details").asText())
				.isEqualTo("yellowDays: " + original.get("yellowDays").asInt() + " -> 5; redDays: " + original.get("redDays").asInt() + " -> 8");

			assertThat(put("admin", "/api/thresholds/SITE_SELECTION", Map.of("yellowDays", 3, "redDays", 6)).status()).isEqualTo(200);
			assertThat(health(id)).isEqualTo("RED");
		}
		finally {
			put("admin", "/api/thresholds/SITE_SELECTION",
					Map.of("yellowDays", original.get("yellowDays").asInt(), "redDays", original.get("redDays").asInt()));
		}
		assertThat(health(id)).isEqualTo("GREEN");
		assertThat(dueDate(id, "YellowReached_SITE_SELECTION"))
			.isEqualTo(startOfDay(today().minusDays(6).plusDays(original.get("yellowDays").asInt())));
	}

	@Test
	void refusedChangesWriteNothing() {
		JsonNode before = get("manager", "/api/thresholds").body();
		// the refusals themselves are recorded (ACCESS_DENIED) by design; nothing else may be
		long audit = count("SELECT COUNT(*) FROM audit_entry WHERE action <> 'ACCESS_DENIED'");
		Map<String, Object> good = Map.of("yellowDays", 10, "redDays", 20);

		assertError(put("officer", "/api/thresholds/SIGNING", good), 403, "forbidden");
		assertError(put("auditor", "/api/thresholds/SIGNING", good), 403, "forbidden");
		assertError(put(null, "/api/thresholds/SIGNING", good), 401, "unauthorized");
		assertError(put("manager", "/api/thresholds/PRODUCTION", good), 404, "not_found");
		assertThat(assertError(put("manager", "/api/thresholds/MARS", good), 400, "invalid_input").has("stage")).isTrue();
		Map<Map<String, Object>, String> bad = Map.of(Map.of("yellowDays", 20, "redDays", 20), "redDays",
				Map.of("yellowDays", 30, "redDays", 20), "redDays", Map.of("yellowDays", 0, "redDays", 20), "yellowDays",
				Map.of("yellowDays", 10, "redDays", 3651), "redDays", Map.of("redDays", 20), "yellowDays",
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

	private Date dueDate(long id, String timer) {
		return management.createJobQuery()
			.processInstanceId(processInstanceOf(id))
			.activityId(timer)
			.timers()
			.singleResult()
			.getDuedate();
	}

	private static Date startOfDay(LocalDate day) {
		return Date.from(day.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
	}

}
