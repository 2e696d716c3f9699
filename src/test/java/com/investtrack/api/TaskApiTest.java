package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * The inbox (GET /api/tasks), rejected requests (GET /api/tasks/rejected) and decisions
 * (POST /api/tasks/{id}/decision).
 */
class TaskApiTest extends ApiTestBase {

	@Test
	void managersSeeApprovalsWithWhatTheyNeedToDecide() {
		LocalDate start = today().minusDays(15);
		long id = createProject("officer", start);
		post("officer", "/api/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", start.plusDays(4).toString(), "comment", "contract ready"));
		String taskId = pendingTask("officer", id);

		JsonNode item = item("manager", taskId);
		assertThat(ProjectCreateApiTest.fieldNames(item)).containsExactly("taskId", "kind", "name", "createdAt",
				"projectId", "projectCode", "projectName", "officer", "stage", "stageEnteredOn", "to", "effectiveOn",
				"requestedBy", "requestComment", "canDecide");
		assertThat(item.get("kind").asText()).isEqualTo("APPROVAL");
		assertThat(item.get("name").asText()).isEqualTo("Approve contract signing");
		assertThat(item.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(item.get("projectId").asLong()).isEqualTo(id);
		assertThat(item.get("projectCode").asText()).startsWith("P");
		assertThat(item.get("officer").asText()).isEqualTo("officer");
		assertThat(item.get("stage").asText()).isEqualTo("NEGOTIATION");
		assertThat(item.get("stageEnteredOn").asText()).isEqualTo(start.toString());
		assertThat(item.get("to").asText()).isEqualTo("SIGNING");
		assertThat(item.get("effectiveOn").asText()).isEqualTo(start.plusDays(4).toString());
		assertThat(item.get("requestedBy").asText()).isEqualTo("officer");
		assertThat(item.get("requestComment").asText()).isEqualTo("contract ready");
		assertThat(item.get("canDecide").asBoolean()).isTrue();

		assertThat(item("lead", taskId).get("canDecide").asBoolean()).isTrue();
		assertThat(item("officer", taskId)).as("an officer's inbox holds no approvals").isNull();
		assertThat(item("officer2", taskId)).isNull();
	}

	@Test
	void officersSeeTheMilestonesTheyOweAndALeadCannotDecideOnTheirOwnRequest() {
		long mine = createProject("officer", today());
		JsonNode owed = items("officer").stream()
			.filter(i -> i.get("projectId").asLong() == mine)
			.findFirst()
			.orElseThrow();
		assertThat(owed.get("kind").asText()).isEqualTo("MILESTONE");
		assertThat(owed.get("to").asText()).isEqualTo("SIGNING");
		assertThat(owed.get("canDecide").asBoolean()).isTrue();
		assertThat(owed.get("requestedBy").isNull()).isTrue();
		assertThat(items("officer2").stream().filter(i -> i.get("projectId").asLong() == mine)).isEmpty();

		long leads = createProject("lead", today());
		advance("lead", leads, "SIGNING", today());
		JsonNode own = item("lead", pendingTask("lead", leads));
		assertThat(own.get("canDecide").asBoolean()).isFalse();
		assertThat(item("manager", pendingTask("lead", leads)).get("canDecide").asBoolean()).isTrue();
	}

	@Test
	void theInboxPagesAndIsEmptyForAuditors() {
		createProject("officer", today());
		createProject("officer", today());
		JsonNode page = get("officer", "/api/tasks?size=1&page=1").body();
		assertThat(ProjectCreateApiTest.fieldNames(page)).containsExactly("content", "page", "size", "totalElements");
		assertThat(page.get("content")).hasSize(1);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(get("auditor", "/api/tasks").body().get("totalElements").asLong()).isZero();
		assertThat(get("admin", "/api/tasks").body().get("content")).isEmpty();
		for (String query : List.of("page=-1", "size=0", "size=201", "size=abc")) {
			assertError(get("manager", "/api/tasks?" + query), 400, "invalid_input");
			assertError(get("officer", "/api/tasks/rejected?" + query), 400, "invalid_input");
		}
		assertError(get(null, "/api/tasks"), 401, "unauthorized");
		assertError(get(null, "/api/tasks/rejected"), 401, "unauthorized");
	}

	@Test
	void approvingRecordsTheMilestoneWithTheRequestedDate() {
		LocalDate start = today().minusDays(30);
		long id = createProject("officer", start);
		advance("officer", id, "SIGNING", start.plusDays(3));
		String taskId = pendingTask("officer", id);

		Response r = post("manager", "/api/tasks/" + taskId + "/decision",
				Map.of("decision", "APPROVE", "comment", "good terms"));

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("id").asLong()).isEqualTo(id);
		assertThat(r.body().get("stage").asText()).isEqualTo("SIGNING");
		assertThat(r.body().get("stageEnteredOn").asText()).isEqualTo(start.plusDays(3).toString());
		assertThat(r.body().get("pendingApproval").isNull()).isTrue();
		var row = jdbc.sql("SELECT status, decided_by, decision_comment FROM approval_request WHERE task_id = ?")
			.param(taskId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(row).containsExactly("APPROVED", "manager", "good terms");
		assertThat(jdbc.sql("SELECT approved_by FROM milestone WHERE project_id = ? AND stage = 'SIGNING'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("manager");
		// a second decision on a decided request is a conflict that says who decided it
		assertError(post("manager2", "/api/tasks/" + taskId + "/decision", Map.of("decision", "APPROVE")), 409,
				"conflict");
	}

	@Test
	void aRejectionGoesBackToTheOfficerWithItsReason() {
		LocalDate start = today().minusDays(400);
		long id = createProject("officer2", start);
		walk("officer2", id, start.plusDays(5), start.plusDays(10), start.plusDays(20));
		advance("officer2", id, "PRODUCTION", start.plusDays(300));
		String taskId = pendingTask("officer2", id);

		Response r = post("lead", "/api/tasks/" + taskId + "/decision",
				Map.of("decision", "REJECT", "comment", "no acceptance record"));

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("stage").asText()).isEqualTo("CONSTRUCTION");
		assertThat(r.body().get("outcome").asText()).isEqualTo("ACTIVE");
		JsonNode rejected = get("officer2", "/api/tasks/rejected?size=200").body();
		assertThat(ProjectCreateApiTest.fieldNames(rejected)).containsExactly("content", "page", "size",
				"totalElements");
		JsonNode mine = rejected.get("content").get(0);
		assertThat(ProjectCreateApiTest.fieldNames(mine)).containsExactly("id", "projectId", "taskId", "to",
				"effectiveOn", "requestedBy", "requestedAt", "requestComment", "status", "decidedBy", "decidedAt",
				"decisionComment");
		assertThat(mine.get("projectId").asLong()).isEqualTo(id);
		assertThat(mine.get("to").asText()).isEqualTo("PRODUCTION");
		assertThat(mine.get("effectiveOn").asText()).isEqualTo(start.plusDays(300).toString());
		assertThat(mine.get("status").asText()).isEqualTo("REJECTED");
		assertThat(mine.get("decidedBy").asText()).isEqualTo("lead");
		assertThat(mine.get("decisionComment").asText()).isEqualTo("no acceptance record");
		assertThat(get("officer", "/api/tasks/rejected?size=200").body().get("content").findValuesAsText("taskId"))
			.doesNotContain(taskId);
		assertThat(openTask(id, "RecordNextMilestone_CONSTRUCTION")).isNotNull();
	}

	@Test
	void badDecisionsAre400AndWriteNothing() {
		long id = createProject("officer", today().minusDays(5));
		advance("officer", id, "SIGNING", today());
		String path = "/api/tasks/" + pendingTask("officer", id) + "/decision";
		var before = stateOf(id);

		assertThat(assertError(post("manager", path, Map.of("decision", "REJECT")), 400, "invalid_input").get("comment")
			.asText()).contains("rejecting");
		assertThat(
				assertError(post("manager", path, Map.of("decision", "REJECT", "comment", "  ")), 400, "invalid_input")
					.has("comment"))
			.isTrue();
		assertThat(assertError(post("manager", path, Map.of("decision", "ACKNOWLEDGE")), 400, "invalid_input")
			.has("decision")).isTrue();
		assertThat(
				assertError(post("manager", path, Map.of("decision", "MAYBE")), 400, "invalid_input").has("decision"))
			.isTrue();
		assertThat(assertError(post("manager", path, Map.of("comment", "no decision")), 400, "invalid_input")
			.has("decision")).isTrue();
		assertThat(assertError(post("manager", path, Map.of("decision", "APPROVE", "comment", "c".repeat(2001))), 400,
				"invalid_input")
			.has("comment")).isTrue();
		assertThat(assertError(post("manager", path, Map.of("decision", "APPROVE", "approved", true)), 400,
				"invalid_input")
			.has("approved")).isTrue();
		assertError(post("manager", path, "approve!"), 400, "invalid_input");
		assertError(post("manager", path, ""), 400, "invalid_input");
		assertThat(assertError(post("manager", "/api/tasks/bad$id/decision", Map.of("decision", "APPROVE")), 400,
				"invalid_input")
			.has("taskId")).isTrue();
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void whoMayDecide() {
		long id = createProject("lead", today().minusDays(5));
		advance("lead", id, "SIGNING", today());
		String path = "/api/tasks/" + pendingTask("lead", id) + "/decision";
		var before = stateOf(id);

		assertThat(assertError(post("lead", path, Map.of("decision", "APPROVE")), 403, "forbidden").size()).isZero();
		assertThat(post("lead", path, Map.of("decision", "APPROVE")).body().get("message").asText())
			.contains("Four-eyes");
		assertError(post("officer", path, Map.of("decision", "APPROVE")), 403, "forbidden");
		assertError(post("auditor", path, Map.of("decision", "APPROVE")), 403, "forbidden");
		assertError(post("admin", path, Map.of("decision", "REJECT", "comment", "x")), 403, "forbidden");
		assertError(post(null, path, Map.of("decision", "APPROVE")), 401, "unauthorized");
		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(post("manager", path, Map.of("decision", "APPROVE")).status()).isEqualTo(200);
	}

	@Test
	void unknownTaskIs404AndAMilestoneTaskIsNotDecidedHere() {
		assertError(post("manager", "/api/tasks/00000000-0000-0000-0000-000000000000/decision",
				Map.of("decision", "APPROVE")), 404, "not_found");
		long id = createProject("officer", today());
		var before = stateOf(id);
		String milestoneTask = openTask(id, "RecordNextMilestone_NEGOTIATION").getId();
		Response r = post("manager", "/api/tasks/" + milestoneTask + "/decision", Map.of("decision", "APPROVE"));
		assertError(r, 409, "conflict");
		assertThat(r.body().get("message").asText()).contains("record the milestone");
		assertThat(stateOf(id)).isEqualTo(before);
	}

	@Test
	void aManagerAcknowledgesTheReviewOfARedProject() {
		long id = createProject("officer", today().minusDays(100));
		// the light sweep, run as the engine runs it, opens the review of the red project
		sweepLights();
		JsonNode item = items("manager").stream()
			.filter(i -> i.get("kind").asText().equals("REVIEW") && i.get("projectId").asLong() == id)
			.findFirst()
			.orElseThrow();
		String review = item.get("taskId").asText();
		assertThat(item.get("kind").asText()).isEqualTo("REVIEW");
		assertThat(item.get("canDecide").asBoolean()).isTrue();
		assertThat(item("officer", review)).isNull();

		String path = "/api/tasks/" + review + "/decision";
		var before = stateOf(id);
		assertThat(
				assertError(post("manager", path, Map.of("decision", "APPROVE")), 400, "invalid_input").has("decision"))
			.isTrue();
		assertError(post("officer", path, Map.of("decision", "ACKNOWLEDGE")), 403, "forbidden");
		assertError(post("auditor", path, Map.of("decision", "ACKNOWLEDGE")), 403, "forbidden");
		assertThat(stateOf(id)).isEqualTo(before);

		Response r = post("manager", path, Map.of("decision", "ACKNOWLEDGE", "comment", "called the investor"));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("health").asText()).isEqualTo("RED");
		assertThat(item("manager", review)).isNull();
		JsonNode history = get("auditor", "/api/projects/" + id + "/history").body();
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("action").asText()).isEqualTo("STALL_REVIEWED");
		assertThat(last.get("actor").asText()).isEqualTo("manager");
		assertThat(last.get("decision").asText()).isEqualTo("ACKNOWLEDGE");
		assertThat(last.get("comment").asText()).isEqualTo("called the investor");
		assertThat(history.findValuesAsText("action")).contains("REVIEW_OPENED");
	}

	/**
	 * Every item of the user's inbox, page by page: a sweep opens the reviews of every
	 * red project the suite's other tests left, all at the same instant, so the newest
	 * review need not be on the first page.
	 */
	private List<JsonNode> items(String user) {
		List<JsonNode> items = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			Response r = get(user, "/api/tasks?size=200&page=" + page);
			assertThat(r.status()).isEqualTo(200);
			r.body().get("content").forEach(items::add);
			if (r.body().get("content").size() < 200) {
				return items;
			}
		}
	}

	private JsonNode item(String user, String taskId) {
		return items(user).stream().filter(i -> i.get("taskId").asText().equals(taskId)).findFirst().orElse(null);
	}

}
