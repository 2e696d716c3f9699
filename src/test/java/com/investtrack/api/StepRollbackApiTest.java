package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.investtrack.support.ApiTestBase;

/**
 * One step, one transaction: when the milestone insert fails after the engine has already
 * moved on, the engine's state, the milestone table, the approval and the audit trail all
 * stay as they were, and the step can be retried.
 */
class StepRollbackApiTest extends ApiTestBase {

	@Autowired
	HistoryService history;

	@Test
	void aFailingMilestoneInsertRollsBackTheWholeAdvance() {
		LocalDate start = today().minusDays(30);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(3));
		String task = openTask(id, "RecordNextMilestone_SIGNING").getId();
		insertClashingMilestone(id, "SITE_SELECTION");
		var before = stateOf(id);
		long auditHead = count("SELECT last_seq FROM audit_head WHERE id = 1");

		assertError(advance("officer", id, "SITE_SELECTION", start.plusDays(5)), 409, "conflict");

		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(count("SELECT last_seq FROM audit_head WHERE id = 1")).isEqualTo(auditHead);
		assertThat(openTask(id, "RecordNextMilestone_SIGNING").getId()).isEqualTo(task);
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceOf(id))
			.activityId("RecordMilestone_SITE_SELECTION")
			.count()).isZero();
		assertThat(history.createHistoricTaskInstanceQuery().taskId(task).singleResult().getEndTime()).isNull();
		assertThat(get("auditor", "/api/audit/verify").body().get("valid").asBoolean()).isTrue();

		jdbc.sql("DELETE FROM milestone WHERE project_id = ? AND stage = 'SITE_SELECTION'").param(id).update();
		Response retried = advance("officer", id, "SITE_SELECTION", start.plusDays(5));
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.body().get("stage").asText()).isEqualTo("SITE_SELECTION");
	}

	@Test
	void aFailingMilestoneInsertRollsBackTheWholeApproval() {
		LocalDate start = today().minusDays(30);
		long id = createProject("officer", start);
		advance("officer", id, "SIGNING", start.plusDays(3));
		String task = pendingTask("officer", id);
		insertClashingMilestone(id, "SIGNING");
		var before = stateOf(id);

		assertError(post("manager", "/api/tasks/" + task + "/decision", Map.of("decision", "APPROVE")), 409,
				"conflict");

		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT status FROM approval_request WHERE task_id = ?")
			.param(task)
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(openTask(id, "Approve_SIGNING").getId()).isEqualTo(task);
		assertThat(get("manager", "/api/projects/" + id).body().get("pendingApproval").get("taskId").asText())
			.isEqualTo(task);

		jdbc.sql("DELETE FROM milestone WHERE project_id = ? AND stage = 'SIGNING'").param(id).update();
		assertThat(post("manager", "/api/tasks/" + task + "/decision", Map.of("decision", "APPROVE")).status())
			.isEqualTo(200);
		assertThat(get("officer", "/api/projects/" + id).body().get("stage").asText()).isEqualTo("SIGNING");
	}

	/**
	 * A row the step's own insert will clash with on the (project, stage) key, written
	 * behind the application's back.
	 */
	private void insertClashingMilestone(long projectId, String stage) {
		jdbc.sql("""
				INSERT INTO milestone (project_id, stage, effective_on, entered_at, entered_by)
				VALUES (?, ?, ?, ?, 'intruder')""")
			.params(projectId, stage, Date.valueOf(today()), Timestamp.from(Instant.now()))
			.update();
	}

}
