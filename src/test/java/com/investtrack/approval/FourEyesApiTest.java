package com.investtrack.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.common.ForbiddenException;
import com.investtrack.lifecycle.ProcessConstants;
import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * Four-eyes: nobody approves or rejects a request they made, whatever their roles. The
 * demo user "lead" is officer and manager at once; their own request must be decided by
 * someone else, through the API, the inbox form and the engine's task.
 */
class FourEyesApiTest extends ApiTestBase {

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Test
	void leadsOwnRequestMustBeDecidedBySomeoneElse() {
		long id = createProject("lead", today().minusDays(40));
		Response requested = advance("lead", id, "SIGNING", today().minusDays(1));
		assertThat(requested.status()).isEqualTo(202);
		String taskId = requested.body().get("pendingApproval").get("taskId").asText();

		JsonNode inboxItem = inboxItem("lead", taskId);
		assertThat(inboxItem.get("canDecide").asBoolean()).as("lead sees the request but may not decide it").isFalse();
		assertThat(inboxItem("manager", taskId).get("canDecide").asBoolean()).isTrue();

		for (String decision : List.of("APPROVE", "REJECT")) {
			Response refused = post("lead", "/api/tasks/" + taskId + "/decision",
					Map.of("decision", decision, "comment", "mine"));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.body().get("message").asText()).contains("Four-eyes");
		}
		assertThat(status(taskId)).isEqualTo("PENDING");
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM audit_entry WHERE actor = 'lead' AND action = 'ACCESS_DENIED' AND details LIKE ?")
			.param("POST /api/tasks/" + taskId + "/decision: Four-eyes%")
			.query(Long.class)
			.single()).isEqualTo(2);

		assertThat(decide("manager", id, "APPROVE", "second pair of eyes").status()).isEqualTo(200);
		assertThat(status(taskId)).isEqualTo("APPROVED");
		assertThat(jdbc.sql("SELECT approved_by FROM milestone WHERE project_id = ? AND stage = 'SIGNING'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("manager");
	}

	@Test
	void aManagerWhoAskedOnSomeoneElsesProjectCannotDecideEither() {
		long id = createProject("officer", today().minusDays(40));
		Response requested = advance("manager", id, "SIGNING", today().minusDays(2));
		assertThat(requested.status()).isEqualTo(202);
		String taskId = requested.body().get("pendingApproval").get("taskId").asText();
		assertThat(post("manager", "/api/tasks/" + taskId + "/decision", Map.of("decision", "APPROVE")).status())
			.isEqualTo(403);
		assertThat(post("manager2", "/api/tasks/" + taskId + "/decision", Map.of("decision", "APPROVE")).status())
			.isEqualTo(200);
	}

	@Test
	void theEnginesTaskRefusesTheRequesterAndAnonymousCompletion() {
		long id = createProject("lead", today().minusDays(40));
		String taskId = advance("lead", id, "SIGNING", today().minusDays(1)).body()
			.get("pendingApproval")
			.get("taskId")
			.asText();
		Map<String, Object> approve = Map.of(ProcessConstants.VAR_APPROVED, true, ProcessConstants.VAR_DECIDED_BY,
				"lead", ProcessConstants.VAR_DECISION_COMMENT, "straight to the engine");

		identity.setAuthentication("lead", List.of("OFFICER", "MANAGER"));
		try {
			assertThatThrownBy(() -> tasks.complete(taskId, approve)).hasRootCauseInstanceOf(ForbiddenException.class)
				.rootCause()
				.hasMessageContaining("Four-eyes");
		}
		finally {
			identity.clearAuthentication();
		}
		assertThatThrownBy(() -> tasks.complete(taskId, approve)).as("nobody authenticated")
			.hasRootCauseInstanceOf(ForbiddenException.class);
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
		assertThat(status(taskId)).isEqualTo("PENDING");

		identity.setAuthentication("manager", List.of("MANAGER"));
		try {
			tasks.complete(taskId, Map.of(ProcessConstants.VAR_APPROVED, true, ProcessConstants.VAR_DECIDED_BY,
					"manager", ProcessConstants.VAR_DECISION_COMMENT, "approved in the engine"));
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(status(taskId)).isEqualTo("APPROVED");
	}

	@Test
	void theInboxFormRefusesLeadsOwnRequestAndTakesTheManagersDecision() throws Exception {
		long id = createProject("lead", today().minusDays(40));
		MockHttpSession lead = login("lead", TestData.PASSWORD);
		var requested = mvc
			.perform(MockMvcRequestBuilders.post("/projects/" + id + "/advance")
				.session(lead)
				.with(csrf())
				.param("to", "SIGNING")
				.param("effectiveOn", today().minusDays(1).toString()))
			.andReturn();
		assertThat(requested.getFlashMap().get("notice")).isEqualTo("notice.requested");
		String taskId = pendingTask("manager", id);

		var project = mvc.perform(MockMvcRequestBuilders.get("/projects/" + id).session(lead))
			.andReturn()
			.getResponse();
		assertThat(project.getContentAsString()).as("lead is offered no decision form")
			.doesNotContain("/tasks/" + taskId + "/decision");

		for (String decision : List.of("APPROVE", "REJECT")) {
			var refused = mvc
				.perform(MockMvcRequestBuilders.post("/tasks/" + taskId + "/decision")
					.session(lead)
					.with(csrf())
					.param("decision", decision)
					.param("comment", "mine")
					.param("project", String.valueOf(id)))
				.andReturn();
			assertThat(refused.getResponse().getRedirectedUrl()).startsWith("/projects/" + id);
			assertThat(refused.getFlashMap().get("notice")).isNull();
			assertThat(String.valueOf(refused.getFlashMap().get("problem"))).contains("Four-eyes");
		}
		assertThat(status(taskId)).isEqualTo("PENDING");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM milestone WHERE project_id = ? AND stage = 'SIGNING'")
			.param(id)
			.query(Long.class)
			.single()).as("no milestone without a second pair of eyes").isZero();

		var approved = mvc
			.perform(MockMvcRequestBuilders.post("/tasks/" + taskId + "/decision")
				.session(login("manager", TestData.PASSWORD))
				.with(csrf())
				.param("decision", "APPROVE")
				.param("comment", "second pair of eyes")
				.param("project", String.valueOf(id)))
			.andReturn();
		assertThat(approved.getFlashMap().get("notice")).isEqualTo("notice.decided.APPROVE");
		assertThat(status(taskId)).isEqualTo("APPROVED");
		assertThat(jdbc.sql("SELECT approved_by FROM milestone WHERE project_id = ? AND stage = 'SIGNING'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("manager");
	}

	private JsonNode inboxItem(String user, String taskId) {
		for (JsonNode item : get(user, "/api/tasks?size=200").body().get("content")) {
			if (item.get("taskId").asText().equals(taskId)) {
				return item;
			}
		}
		throw new AssertionError(taskId + " is not in the inbox of " + user);
	}

	private String status(String taskId) {
		return jdbc.sql("SELECT status FROM approval_request WHERE task_id = ?")
			.param(taskId)
			.query(String.class)
			.single();
	}

}
