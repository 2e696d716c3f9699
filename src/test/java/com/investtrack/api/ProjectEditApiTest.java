package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

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

/** PUT /api/projects/{id} and POST /api/projects/{id}/reassign. */
class ProjectEditApiTest extends ApiTestBase {

	private static Map<String, Object> facts() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Renamed plant");
		body.put("investor", "New investor Ltd");
		body.put("industryCode", "CHEMICAL");
		body.put("parkCode", "SY-GF");
		body.put("assetModel", "LIGHT");
		body.put("investmentAmountYuan", 80000000.5);
		body.put("landAreaM2", null);
		return body;
	}

	@Test
	void theOfficerEditsTheFactsAndTheTrailRecordsEachChange() {
		long id = createProject("officer", today().minusDays(3));
		Response r = put("officer", "/api/projects/" + id, facts());

		assertThat(r.status()).isEqualTo(200);
		JsonNode p = r.body();
		assertThat(p.get("name").asText()).isEqualTo("Renamed plant");
		assertThat(p.get("investor").asText()).isEqualTo("New investor Ltd");
		assertThat(p.get("industryCode").asText()).isEqualTo("CHEMICAL");
		assertThat(p.get("parkCode").asText()).isEqualTo("SY-GF");
		assertThat(p.get("assetModel").asText()).isEqualTo("LIGHT");
		assertThat(p.get("investmentAmountYuan").decimalValue()).isEqualByComparingTo("80000000.5");
		assertThat(p.get("landAreaM2").isNull()).isTrue();
		assertThat(p.get("stage").asText()).isEqualTo("NEGOTIATION");

		JsonNode history = get("officer", "/api/projects/" + id + "/history").body();
		JsonNode edit = history.get(history.size() - 1);
		assertThat(edit.get("action").asText()).isEqualTo("PROJECT_EDITED");
		assertThat(edit.get("details").asText()).contains("name: ", " -> Renamed plant", "parkCode: JS-IMP -> SY-GF",
				"assetModel: HEAVY -> LIGHT", "totalInvestmentWan: 12000 -> 8000.00005", "landMu: 75 -> null");

		long audit = count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ?", id);
		assertThat(put("manager", "/api/projects/" + id, facts()).status()).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ?", id)).as("an edit changing nothing")
			.isEqualTo(audit);
	}

	static Stream<Arguments> badEdits() {
		return Stream.of(bad("name missing", b -> b.remove("name"), "name"),
				bad("name blank", b -> b.put("name", ""), "name"),
				bad("investor too long", b -> b.put("investor", "i".repeat(201)), "investor"),
				bad("park unknown", b -> b.put("parkCode", "NOPE"), "parkCode"),
				bad("industry unknown", b -> b.put("industryCode", "NOPE"), "industryCode"),
				bad("industry malformed", b -> b.put("industryCode", "a b"), "industryCode"),
				bad("asset model unknown", b -> b.put("assetModel", "BOTH"), "assetModel"),
				bad("amount missing", b -> b.remove("investmentAmountYuan"), "investmentAmountYuan"),
				bad("amount text", b -> b.put("investmentAmountYuan", "many"), "investmentAmountYuan"),
				bad("land negative", b -> b.put("landAreaM2", -3), "landAreaM2"),
				bad("stage is not editable", b -> b.put("stage", "PRODUCTION"), "stage"),
				bad("officer is not editable here", b -> b.put("officer", "officer2"), "officer"));
	}

	private static Arguments bad(String label, Consumer<Map<String, Object>> change, String field) {
		return Arguments.of(label, change, field);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badEdits")
	void badEditIs400NamingTheFieldAndWritesNothing(String label, Consumer<Map<String, Object>> change, String field) {
		long id = createProject("officer", today());
		var body = facts();
		change.accept(body);
		var before = stateOf(id);

		JsonNode fields = assertError(put("officer", "/api/projects/" + id, body), 400, "invalid_input");

		assertThat(fields.has(field)).as("fields %s name %s", fields, field).isTrue();
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void editRefusals() {
		long id = createProject("officer", today());
		var before = stateOf(id);
		assertError(put("officer2", "/api/projects/" + id, facts()), 403, "forbidden");
		assertError(put("auditor", "/api/projects/" + id, facts()), 403, "forbidden");
		assertError(put("admin", "/api/projects/" + id, facts()), 403, "forbidden");
		assertError(put(null, "/api/projects/" + id, facts()), 401, "unauthorized");
		assertError(put("officer", "/api/projects/" + id, "not json"), 400, "invalid_input");
		assertError(put("officer", "/api/projects/" + id, ""), 400, "invalid_input");
		assertThat(stateOf(id)).isEqualTo(before);
		assertError(put("officer", "/api/projects/987654321", facts()), 404, "not_found");
	}

	@Test
	void aManagerReassignsAndTheNewOfficerOwnsTheStageTask() {
		long id = createProject("officer", today().minusDays(5));
		Response r = post("manager", "/api/projects/" + id + "/reassign", Map.of("officer", "officer2"));

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("officer").asText()).isEqualTo("officer2");
		assertThat(openTask(id, "RecordNextMilestone_NEGOTIATION").getAssignee()).isEqualTo("officer2");
		JsonNode history = get("officer", "/api/projects/" + id + "/history").body();
		assertThat(history.get(history.size() - 1).get("details").asText()).isEqualTo("officer: officer -> officer2");
		assertThat(get("officer2", "/api/tasks?size=200").body().findValuesAsText("projectId"))
			.contains(String.valueOf(id));

		assertError(advance("officer", id, "SIGNING", today()), 403, "forbidden");
		assertThat(advance("officer2", id, "SIGNING", today()).status()).isEqualTo(202);

		long audit = count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ?", id);
		assertThat(post("manager", "/api/projects/" + id + "/reassign", Map.of("officer", "officer2")).status())
			.isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ?", id))
			.as("reassigning to the same officer")
			.isEqualTo(audit);
	}

	@Test
	void reassignRefusals() {
		long id = createProject("officer", today());
		var before = stateOf(id);
		for (String officer : List.of("ghost", "disabled", "auditor", "manager")) {
			JsonNode fields = assertError(
					post("manager", "/api/projects/" + id + "/reassign", Map.of("officer", officer)), 400,
					"invalid_input");
			assertThat(fields.has("officer")).isTrue();
		}
		assertThat(assertError(post("manager", "/api/projects/" + id + "/reassign", Map.of()), 400, "invalid_input")
			.has("officer")).isTrue();
		assertThat(assertError(post("manager", "/api/projects/" + id + "/reassign", Map.of("officer", "a b")), 400,
				"invalid_input")
			.has("officer")).isTrue();
		assertThat(
				assertError(post("manager", "/api/projects/" + id + "/reassign", Map.of("officer", "officer2", "x", 1)),
						400, "invalid_input")
					.has("x"))
			.isTrue();
		assertError(post("manager", "/api/projects/" + id + "/reassign", "{"), 400, "invalid_input");
		assertError(post("officer", "/api/projects/" + id + "/reassign", Map.of("officer", "officer2")), 403,
				"forbidden");
		assertError(post("auditor", "/api/projects/" + id + "/reassign", Map.of("officer", "officer2")), 403,
				"forbidden");
		assertError(post(null, "/api/projects/" + id + "/reassign", Map.of("officer", "officer2")), 401,
				"unauthorized");
		assertThat(stateOf(id)).isEqualTo(before);
		assertError(post("manager", "/api/projects/987654321/reassign", Map.of("officer", "officer2")), 404,
				"not_found");
	}

}
