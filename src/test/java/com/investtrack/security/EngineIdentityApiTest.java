package com.investtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.investtrack.support.ApiTestBase;

/**
 * The engine knows the same users and groups as the application (app_user, roles as
 * groups), and its own history names the authenticated user who acted through the API.
 */
class EngineIdentityApiTest extends ApiTestBase {

	@Autowired
	IdentityService identity;

	@Autowired
	HistoryService history;

	@Test
	void engineUsersAreTheApplicationsUsers() {
		User officer = identity.createUserQuery().userId("officer").singleResult();
		assertThat(officer.getId()).isEqualTo("officer");
		assertThat(officer.getFirstName()).isEqualTo(
				jdbc.sql("SELECT display_name FROM app_user WHERE username = 'officer'").query(String.class).single());

		List<String> managers = jdbc.sql("SELECT username FROM app_user_role WHERE role = 'MANAGER' ORDER BY username")
			.query(String.class)
			.list();
		assertThat(identity.createUserQuery().memberOfGroup("MANAGER").list()).extracting(User::getId)
			.containsExactlyElementsOf(managers);
		assertThat(identity.createUserQuery().memberOfGroup("MANAGER").count()).isEqualTo(managers.size());
		assertThat(identity.createUserQuery().userIdIn("officer", "lead", "nobody").list()).extracting(User::getId)
			.containsExactly("lead", "officer");
		assertThat(identity.createUserQuery().userId("nobody").singleResult()).isNull();
		assertThat(identity.createUserQuery().userEmail("officer@example.org").count()).isZero();

		long all = jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
		assertThat(identity.createUserQuery().count()).isEqualTo(all);
		assertThat(identity.createUserQuery().listPage(1, 2)).hasSize((int) Math.min(2, all - 1));
	}

	@Test
	void engineGroupsAreTheRoles() {
		assertThat(identity.createGroupQuery().groupMember("lead").list()).extracting(Group::getId)
			.containsExactly("MANAGER", "OFFICER");
		assertThat(identity.createGroupQuery().groupMember("auditor").list()).extracting(Group::getId)
			.containsExactly("AUDITOR");
		assertThat(identity.createGroupQuery().list()).extracting(Group::getId)
			.containsExactly("ADMIN", "AUDITOR", "LEADER", "MANAGER", "OFFICER");
		assertThat(identity.createGroupQuery().groupId("MANAGER").singleResult().getName()).isEqualTo("Managers");
		assertThat(identity.createGroupQuery().groupNameLike("%officers").list()).extracting(Group::getId)
			.containsExactly("OFFICER");
		assertThat(identity.createGroupQuery().groupMember("nobody").count()).isZero();
	}

	@Test
	void engineIdentityIsReadOnlyAndChecksTheApplicationsPasswords() {
		assertThat(identity.isReadOnly()).isTrue();
		assertThatThrownBy(() -> identity.newUser("intruder")).isInstanceOf(RuntimeException.class);
		assertThat(identity.checkPassword("officer", "demo")).isTrue();
		assertThat(identity.checkPassword("officer", "wrong")).isFalse();
		assertThat(identity.checkPassword("disabled", "demo")).isFalse();
	}

	@Test
	void engineHistoryNamesTheUsersWhoActedThroughTheApi() {
		long id = createProject("officer", today().minusDays(30));
		String processInstance = jdbc.sql("SELECT process_instance_id FROM project WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(advance("officer", id, "SIGNING", today().minusDays(3)).status()).isEqualTo(202);
		String approvalTask = get("manager", "/api/projects/" + id).body()
			.get("pendingApproval")
			.get("taskId")
			.asText();
		assertThat(decide("manager", id, "APPROVE", "terms are fine").status()).isEqualTo(200);

		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstance)
			.singleResult()
			.getStartUserId()).isEqualTo("officer");
		var recordTask = history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstance)
			.taskDefinitionKey("RecordNextMilestone_NEGOTIATION")
			.singleResult();
		assertThat(recordTask.getAssignee()).isEqualTo("officer");
		assertThat(completedBy(recordTask.getId())).containsExactly("officer");

		var approval = history.createHistoricTaskInstanceQuery().taskId(approvalTask).singleResult();
		assertThat(approval.getAssignee()).isEqualTo("manager");
		assertThat(approval.getEndTime()).isNotNull();
		assertThat(completedBy(approvalTask)).containsExactly("manager");
	}

	private List<String> completedBy(String taskId) {
		return history.createUserOperationLogQuery()
			.taskId(taskId)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.distinct()
			.toList();
	}

}
