package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * POST /api/projects: what a new project looks like, and every way a creation is refused
 * without writing anything.
 */
class ProjectCreateApiTest extends ApiTestBase {

	@Test
	void createdProjectAnswers201WithLocationAndTheWholeView() {
		var body = newProject("officer", today().minusDays(3));
		Response r = post("officer", "/api/projects", body);

		assertThat(r.status()).isEqualTo(201);
		JsonNode p = r.body();
		long id = p.get("id").asLong();
		assertThat(r.headers().getLocation()).hasToString("/api/projects/" + id);
		assertThat(fieldNames(p)).containsExactly("id", "code", "name", "investor", "industryCode", "parkCode",
				"assetModel", "investmentAmountYuan", "landAreaM2", "totalInvestmentWan", "fixedAssetInvestmentWan",
				"contractedInvestmentWan", "landMu", "floorAreaM2", "nationalCode", "creditCode", "projectType",
				"channel", "referrer", "fundsOrigin", "leader", "keyLevel", "officer", "stage", "stageEnteredOn",
				"outcome", "health", "healthReason", "daysLate", "daysInStage", "droppedOn", "dropReason", "plan",
				"baselinePlan", "pendingApproval", "stages");
		assertThat(p.get("code").asText()).matches("P" + today().minusDays(3).getYear() + "-\\d{5}");
		assertThat(p.get("name").asText()).isEqualTo(body.get("name"));
		assertThat(p.get("investor").asText()).isEqualTo("Test investor");
		assertThat(p.get("industryCode").asText()).isEqualTo("EQUIPMENT");
		assertThat(p.get("parkCode").asText()).isEqualTo("JS-IMP");
		assertThat(p.get("assetModel").asText()).isEqualTo("HEAVY");
		assertThat(p.get("investmentAmountYuan").decimalValue()).isEqualByComparingTo("120000000");
		assertThat(p.get("landAreaM2").decimalValue()).isEqualByComparingTo("50000");
		assertThat(p.get("officer").asText()).isEqualTo("officer");
		assertThat(p.get("stage").asText()).isEqualTo("NEGOTIATION");
		assertThat(p.get("stageEnteredOn").asText()).isEqualTo(today().minusDays(3).toString());
		assertThat(p.get("outcome").asText()).isEqualTo("ACTIVE");
		assertThat(p.get("health").asText()).isEqualTo("GREEN");
		assertThat(p.get("daysInStage").asLong()).isEqualTo(3);
		assertThat(p.get("droppedOn").isNull()).isTrue();
		assertThat(p.get("dropReason").isNull()).isTrue();
		assertThat(p.get("pendingApproval").isNull()).isTrue();
		assertThat(p.get("stages")).hasSize(1);
		assertThat(fieldNames(p.get("stages").get(0))).containsExactly("stage", "enteredOn", "leftOn", "days");

		assertThat(get("auditor", "/api/projects/" + id).body()).isEqualTo(p);
		assertThat(count("SELECT COUNT(*) FROM milestone WHERE project_id = ? AND stage = 'NEGOTIATION'", id))
			.isEqualTo(1);
		assertThat(processInstanceOf(id)).isNotNull();
		assertThat(openTask(id, "RecordNextMilestone_NEGOTIATION").getAssignee()).isEqualTo("officer");
	}

	@Test
	void withoutAStartDateNegotiationStartsTodayAndTheOfficerIsTheCaller() {
		var body = newProject(null, null);
		body.remove("officer");
		body.remove("negotiationStartedOn");
		body.remove("landAreaM2");
		Response r = post("officer2", "/api/projects", body);

		assertThat(r.status()).isEqualTo(201);
		assertThat(r.body().get("officer").asText()).isEqualTo("officer2");
		assertThat(r.body().get("stageEnteredOn").asText()).isEqualTo(today().toString());
		assertThat(r.body().get("landAreaM2").isNull()).isTrue();
	}

	@Test
	void aManagerWhoIsAlsoAnOfficerCreatesForAnotherOfficer() {
		Response r = post("lead", "/api/projects", newProject("officer2", today()));

		assertThat(r.status()).isEqualTo(201);
		assertThat(r.body().get("officer").asText()).isEqualTo("officer2");
		assertThat(get("lead", "/api/projects/" + r.body().get("id").asLong() + "/history").body()
			.get(0)
			.get("actor")
			.asText()).isEqualTo("lead");
	}

	static Stream<Arguments> badBodies() {
		return Stream.of(bad("name missing", b -> b.remove("name"), "name"),
				bad("name blank", b -> b.put("name", "  "), "name"),
				bad("name too long", b -> b.put("name", "x".repeat(201)), "name"),
				bad("name with control characters", b -> b.put("name", "a\u0007b"), "name"),
				bad("name an object", b -> b.put("name", Map.of("zh", "x")), "name"),
				bad("investor missing", b -> b.remove("investor"), "investor"),
				bad("investor a list", b -> b.put("investor", List.of("a")), "investor"),
				bad("industryCode missing", b -> b.remove("industryCode"), "industryCode"),
				bad("industryCode malformed", b -> b.put("industryCode", "no spaces!"), "industryCode"),
				bad("industryCode unknown", b -> b.put("industryCode", "SPACE_TRAVEL"), "industryCode"),
				bad("parkCode missing", b -> b.remove("parkCode"), "parkCode"),
				bad("parkCode unknown", b -> b.put("parkCode", "NO-SUCH-PARK"), "parkCode"),
				bad("parkCode too long", b -> b.put("parkCode", "P".repeat(33)), "parkCode"),
				bad("assetModel missing", b -> b.remove("assetModel"), "assetModel"),
				bad("assetModel unknown", b -> b.put("assetModel", "MEDIUM"), "assetModel"),
				bad("assetModel as a number", b -> b.put("assetModel", 1), "assetModel"),
				bad("amount missing", b -> b.remove("investmentAmountYuan"), "investmentAmountYuan"),
				bad("amount zero", b -> b.put("investmentAmountYuan", 0), "investmentAmountYuan"),
				bad("amount negative", b -> b.put("investmentAmountYuan", -5), "investmentAmountYuan"),
				bad("amount text", b -> b.put("investmentAmountYuan", "a lot"), "investmentAmountYuan"),
				bad("amount a boolean", b -> b.put("investmentAmountYuan", true), "investmentAmountYuan"),
				bad("amount with three decimals", b -> b.put("investmentAmountYuan", 1.234), "investmentAmountYuan"),
				bad("amount too large", b -> b.put("investmentAmountYuan", 1e20), "investmentAmountYuan"),
				bad("land area negative", b -> b.put("landAreaM2", -1), "landAreaM2"),
				bad("land area text", b -> b.put("landAreaM2", "big"), "landAreaM2"),
				bad("land area too large", b -> b.put("landAreaM2", 200000000), "landAreaM2"),
				bad("start date malformed", b -> b.put("negotiationStartedOn", "2024-02-30"), "negotiationStartedOn"),
				bad("start date not ISO", b -> b.put("negotiationStartedOn", "03/04/2024"), "negotiationStartedOn"),
				bad("start date a number", b -> b.put("negotiationStartedOn", 20000), "negotiationStartedOn"),
				bad("start date in the future", b -> b.put("negotiationStartedOn", today().plusDays(1).toString()),
						"negotiationStartedOn"),
				bad("start date before 1990", b -> b.put("negotiationStartedOn", "1989-12-31"), "negotiationStartedOn"),
				bad("officer another one's name", b -> b.put("officer", "officer2"), "officer"),
				bad("officer malformed", b -> b.put("officer", "bad name"), "officer"),
				bad("unknown field", b -> b.put("colour", "red"), "colour"),
				bad("id is not settable", b -> b.put("id", 5), "id"),
				bad("stage is not settable", b -> b.put("stage", "PRODUCTION"), "stage"));
	}

	private static Arguments bad(String label, Consumer<Map<String, Object>> change, String field) {
		return Arguments.of(label, change, field);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBodies")
	void badFieldIs400NamingTheFieldAndWritesNothing(String label, Consumer<Map<String, Object>> change, String field) {
		var body = newProject("officer", today().minusDays(1));
		change.accept(body);
		long projects = count("SELECT COUNT(*) FROM project");
		long audit = count(AUDITED_CHANGES);

		JsonNode fields = assertError(post("officer", "/api/projects", body), 400, "invalid_input");

		assertThat(fields.has(field)).as("fields %s name %s", fields, field).isTrue();
		assertThat(fields.get(field).asText()).isNotBlank();
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);
		assertThat(count(AUDITED_CHANGES)).isEqualTo(audit);
	}

	@Test
	void aMissingBodyListsEveryRequiredField() {
		JsonNode fields = assertError(post("officer", "/api/projects", "{}"), 400, "invalid_input");
		// the amount (in 万元, or in yuan from older clients) is checked once the rest of
		// the body is valid
		assertThat(fieldNames(fields)).containsExactlyInAnyOrder("name", "investor", "industryCode", "parkCode",
				"assetModel");
	}

	@Test
	void bothUnknownCodesAreNamedAtOnce() {
		var body = newProject("officer", null);
		body.put("parkCode", "NOWHERE");
		body.put("industryCode", "NOTHING");
		JsonNode fields = assertError(post("officer", "/api/projects", body), 400, "invalid_input");
		assertThat(fields.get("parkCode").asText()).isEqualTo("unknown park code");
		assertThat(fields.get("industryCode").asText()).isEqualTo("unknown industry code");
	}

	@Test
	void aBodyThatIsNotAProjectIs400() {
		long projects = count("SELECT COUNT(*) FROM project");
		assertError(post("officer", "/api/projects", "this is not JSON"), 400, "invalid_input");
		assertError(post("officer", "/api/projects", "{\"name\": \"unterminated"), 400, "invalid_input");
		assertError(post("officer", "/api/projects", ""), 400, "invalid_input");
		assertError(post("officer", "/api/projects", "null"), 400, "invalid_input");
		assertError(post("officer", "/api/projects", "[1, 2]"), 400, "invalid_input");
		assertError(post("officer", "/api/projects", "\"a string\""), 400, "invalid_input");
		assertError(
				exchange("officer", HttpMethod.POST, "/api/projects", "name=x", Map.of("Content-Type", "text/plain")),
				415, "unsupported_media_type");
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);
	}

	@Test
	void theOfficerMustBeAnActiveOfficer() {
		long projects = count("SELECT COUNT(*) FROM project");
		for (String officer : List.of("ghost", "disabled", "manager", "auditor")) {
			JsonNode fields = assertError(post("lead", "/api/projects", newProject(officer, null)), 400,
					"invalid_input");
			assertThat(fields.get("officer").asText()).contains("OFFICER");
		}
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);
	}

	@Test
	void onlyOfficersAndManagersCreate() {
		long projects = count("SELECT COUNT(*) FROM project");
		long audit = count(AUDITED_CHANGES);
		assertError(post("auditor", "/api/projects", newProject("officer", null)), 403, "forbidden");
		assertError(post("admin", "/api/projects", newProject("officer", null)), 403, "forbidden");
		assertError(post(null, "/api/projects", newProject("officer", null)), 401, "unauthorized");
		assertError(post("disabled", "/api/projects", newProject("disabled", null)), 401, "unauthorized");
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);
		assertThat(count(AUDITED_CHANGES)).isEqualTo(audit);
	}

	/**
	 * Audit entries that record changes; refused calls add ACCESS_DENIED entries, which
	 * are not changes.
	 */
	static final String AUDITED_CHANGES = "SELECT COUNT(*) FROM audit_entry WHERE action NOT IN ('LOGIN_FAILED', "
			+ "'ACCESS_DENIED')";

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
