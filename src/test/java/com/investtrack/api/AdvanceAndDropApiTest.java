package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * POST /api/projects/{id}/advance and /drop: 200 when recorded, 202 when a manager must
 * approve, and every refusal (400 bad input, 404 unknown project, 409 a step the process
 * does not allow now, 403 not yours) writes nothing.
 */
class AdvanceAndDropApiTest extends ApiTestBase {

	@Test
	void advancingToSigningWaitsForAManagerWith202() {
		LocalDate start = today().minusDays(20);
		long id = createProject("officer", start);
		Response r = post("officer", "/api/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", start.plusDays(5).toString(), "comment", "  terms agreed  "));

		assertThat(r.status()).isEqualTo(202);
		assertThat(r.body().get("stage").asText()).isEqualTo("NEGOTIATION");
		JsonNode pending = r.body().get("pendingApproval");
		assertThat(ProjectCreateApiTest.fieldNames(pending)).containsExactly("taskId", "to", "requestedBy",
				"effectiveOn");
		assertThat(pending.get("to").asText()).isEqualTo("SIGNING");
		assertThat(pending.get("requestedBy").asText()).isEqualTo("officer");
		assertThat(pending.get("effectiveOn").asText()).isEqualTo(start.plusDays(5).toString());
		assertThat(openTask(id, "Approve_SIGNING").getId()).isEqualTo(pending.get("taskId").asText());
		assertThat(jdbc.sql("SELECT request_comment FROM approval_request WHERE project_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("terms agreed");
	}

	@Test
	void advancingWithoutApprovalRecordsTheMilestoneWith200() {
		LocalDate start = today().minusDays(60);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(10));
		Response r = advance("officer", id, "SITE_SELECTION", start.plusDays(30));

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("stage").asText()).isEqualTo("SITE_SELECTION");
		assertThat(r.body().get("stageEnteredOn").asText()).isEqualTo(start.plusDays(30).toString());
		assertThat(r.body().get("pendingApproval").isNull()).isTrue();
		assertThat(r.body().get("stages")).hasSize(3);
		assertThat(openTask(id, "RecordNextMilestone_SITE_SELECTION")).isNotNull();
	}

	@Test
	void aManagerMayAdvanceAnOfficersProjectAndTheEffectiveDateMayEqualThePreviousMilestone() {
		LocalDate start = today().minusDays(10);
		long id = createProject("officer", start);
		assertThat(advance("manager", id, "SIGNING", start).status()).isEqualTo(202);
		assertThat(decide("manager2", id, "APPROVE", "fine").status()).isEqualTo(200);
		assertThat(advance("manager", id, "SITE_SELECTION", today()).status()).isEqualTo(200);
	}

	static Stream<Arguments> badAdvances() {
		return Stream.of(bad("to missing", b -> b.remove("to"), "to"),
				bad("to unknown", b -> b.put("to", "MARS"), "to"),
				bad("to lower case", b -> b.put("to", "signing"), "to"),
				bad("to as a number", b -> b.put("to", 1), "to"),
				bad("effectiveOn missing", b -> b.remove("effectiveOn"), "effectiveOn"),
				bad("effectiveOn null", b -> b.put("effectiveOn", null), "effectiveOn"),
				bad("effectiveOn impossible", b -> b.put("effectiveOn", "2024-02-30"), "effectiveOn"),
				bad("effectiveOn with time", b -> b.put("effectiveOn", "2024-02-03T10:00:00"), "effectiveOn"),
				bad("effectiveOn a number", b -> b.put("effectiveOn", 20000), "effectiveOn"),
				bad("effectiveOn a boolean", b -> b.put("effectiveOn", true), "effectiveOn"),
				bad("effectiveOn tomorrow", b -> b.put("effectiveOn", today().plusDays(1).toString()), "effectiveOn"),
				bad("effectiveOn before the previous milestone",
						b -> b.put("effectiveOn", today().minusDays(31).toString()), "effectiveOn"),
				bad("comment too long", b -> b.put("comment", "c".repeat(2001)), "comment"),
				bad("comment an object", b -> b.put("comment", Map.of()), "comment"),
				bad("unknown field", b -> b.put("approvedBy", "manager"), "approvedBy"));
	}

	private static Arguments bad(String label, Consumer<Map<String, Object>> change, String field) {
		return Arguments.of(label, change, field);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badAdvances")
	void badAdvanceIs400NamingTheFieldAndWritesNothing(String label, Consumer<Map<String, Object>> change,
			String field) {
		long id = createProject("officer", today().minusDays(30));
		Map<String, Object> body = new LinkedHashMap<>(Map.of("to", "SIGNING", "effectiveOn", today().toString()));
		change.accept(body);
		var before = stateOf(id);

		JsonNode fields = assertError(post("officer", "/api/projects/" + id + "/advance", body), 400, "invalid_input");

		assertThat(fields.has(field)).as("fields %s name %s", fields, field).isTrue();
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void theDateRulesSayWhy() {
		LocalDate start = today().minusDays(30);
		long id = createProject("officer", start);
		assertThat(assertError(advance("officer", id, "SIGNING", today().plusDays(1)), 400, "invalid_input")
			.get("effectiveOn")
			.asText()).contains("future");
		assertThat(assertError(advance("officer", id, "SIGNING", start.minusDays(1)), 400, "invalid_input")
			.get("effectiveOn")
			.asText()).contains("previous milestone").contains(start.toString());
	}

	@Test
	void aBodyThatIsNotAnAdvanceIs400() {
		long id = createProject("officer", today());
		var before = stateOf(id);
		for (String body : List.of("", "not json", "{\"to\":", "[]", "null")) {
			assertError(post("officer", "/api/projects/" + id + "/advance", body), 400, "invalid_input");
			assertError(post("officer", "/api/projects/" + id + "/drop", body), 400, "invalid_input");
		}
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void unknownProjectIs404() {
		assertError(advance("officer", 987654321L, "SIGNING", today()), 404, "not_found");
		assertError(post("officer", "/api/projects/987654321/drop",
				Map.of("effectiveOn", today().toString(), "reason", "x")), 404, "not_found");
		assertError(advance("officer", -1, "SIGNING", today()), 404, "not_found");
		assertError(post("officer", "/api/projects/abc/advance",
				Map.of("to", "SIGNING", "effectiveOn", today().toString())), 400, "invalid_input");
	}

	@Test
	void skippingAStageIs409AndWritesNothing() {
		long id = createProject("officer", today().minusDays(10));
		var before = stateOf(id);
		for (String to : List.of("SITE_SELECTION", "CONSTRUCTION", "PRODUCTION")) {
			Response r = advance("officer", id, to, today());
			assertError(r, 409, "conflict");
			assertThat(r.body().get("message").asText()).contains("only advance to SIGNING").contains("skipped");
		}
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void goingBackIs409AndWritesNothing() {
		LocalDate start = today().minusDays(40);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(5), start.plusDays(10));
		var before = stateOf(id);
		for (String to : List.of("NEGOTIATION", "SIGNING", "SITE_SELECTION")) {
			Response r = advance("officer", id, to, today());
			assertError(r, 409, "conflict");
			assertThat(r.body().get("message").asText()).contains("only advance to CONSTRUCTION")
				.contains("cannot go back");
		}
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void aSecondAdvanceOrADropWhileAnApprovalIsPendingIs409() {
		LocalDate start = today().minusDays(40);
		long id = createProject("officer", start);
		assertThat(advance("officer", id, "SIGNING", start.plusDays(1)).status()).isEqualTo(202);
		var before = stateOf(id);

		Response again = advance("officer", id, "SIGNING", start.plusDays(2));
		assertError(again, 409, "conflict");
		assertThat(again.body().get("message").asText()).contains("approval is pending");
		assertError(advance("manager", id, "SIGNING", start.plusDays(2)), 409, "conflict");
		assertError(post("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", start.plusDays(2).toString(), "reason", "gone")), 409, "conflict");
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void advancingOrDroppingADroppedProjectIs409() {
		LocalDate start = today().minusDays(40);
		long id = createProject("officer", start);
		Response dropped = post("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", start.plusDays(3).toString(), "reason", "investor chose Xiangyang"));
		assertThat(dropped.status()).isEqualTo(200);
		var before = stateOf(id);

		Response r = advance("officer", id, "SIGNING", today());
		assertError(r, 409, "conflict");
		assertThat(r.body().get("message").asText()).contains("dropped on " + start.plusDays(3));
		assertError(post("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "again")), 409, "conflict");
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void advancingOrDroppingAProjectInProductionIs409() {
		LocalDate start = today().minusDays(500);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(10), start.plusDays(20), start.plusDays(30), start.plusDays(400));
		var before = stateOf(id);

		Response r = advance("officer", id, "PRODUCTION", today());
		assertError(r, 409, "conflict");
		assertThat(r.body().get("message").asText()).contains("already in production");
		assertError(post("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "x")), 409, "conflict");
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void droppingInConstructionIs409() {
		LocalDate start = today().minusDays(100);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(10), start.plusDays(20), start.plusDays(30));
		var before = stateOf(id);

		Response r = post("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "x"));
		assertError(r, 409, "conflict");
		assertThat(r.body().get("message").asText()).contains("construction has started");
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void onlyTheOwningOfficerOrAManagerMayStep() {
		long id = createProject("officer", today().minusDays(10));
		var before = stateOf(id);
		for (String user : List.of("officer2", "auditor", "admin")) {
			assertError(advance(user, id, "SIGNING", today()), 403, "forbidden");
			assertError(post(user, "/api/projects/" + id + "/drop",
					Map.of("effectiveOn", today().toString(), "reason", "x")), 403, "forbidden");
		}
		assertError(advance(null, id, "SIGNING", today()), 401, "unauthorized");
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void droppingRecordsDateAndReason() {
		LocalDate start = today().minusDays(30);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(5));
		Response r = post("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", start.plusDays(12).toString(), "reason", " land price talks failed "));

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("outcome").asText()).isEqualTo("DROPPED");
		assertThat(r.body().get("stage").asText()).isEqualTo("SIGNING");
		assertThat(r.body().get("droppedOn").asText()).isEqualTo(start.plusDays(12).toString());
		assertThat(r.body().get("dropReason").asText()).isEqualTo("land price talks failed");
		assertThat(r.body().get("health").asText()).isEqualTo("GREEN");
		assertThat(r.body().get("daysInStage").asLong()).isEqualTo(7);
		JsonNode signing = r.body().get("stages").get(1);
		assertThat(signing.get("leftOn").asText()).isEqualTo(start.plusDays(12).toString());
		assertThat(signing.get("days").asLong()).isEqualTo(7);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceOf(id)).count())
			.isZero();
	}

	static Stream<Arguments> badDrops() {
		return Stream.of(bad("reason missing", b -> b.remove("reason"), "reason"),
				bad("reason blank", b -> b.put("reason", " "), "reason"),
				bad("reason too long", b -> b.put("reason", "r".repeat(1001)), "reason"),
				bad("effectiveOn missing", b -> b.remove("effectiveOn"), "effectiveOn"),
				bad("effectiveOn malformed", b -> b.put("effectiveOn", "yesterday"), "effectiveOn"),
				bad("effectiveOn in the future", b -> b.put("effectiveOn", today().plusDays(1).toString()),
						"effectiveOn"),
				bad("effectiveOn before the stage's milestone",
						b -> b.put("effectiveOn", today().minusDays(21).toString()), "effectiveOn"),
				bad("unknown field", b -> b.put("droppedBy", "me"), "droppedBy"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badDrops")
	void badDropIs400NamingTheFieldAndWritesNothing(String label, Consumer<Map<String, Object>> change, String field) {
		long id = createProject("officer", today().minusDays(20));
		Map<String, Object> body = new LinkedHashMap<>(Map.of("effectiveOn", today().toString(), "reason", "gone"));
		change.accept(body);
		var before = stateOf(id);

		JsonNode fields = assertError(post("officer", "/api/projects/" + id + "/drop", body), 400, "invalid_input");

		assertThat(fields.has(field)).as("fields %s name %s", fields, field).isTrue();
		assertThat(stateOf(id)).isEqualTo(before);
	}

}
