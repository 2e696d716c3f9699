package com.investtrack.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * Supervision notices through the API, each its own process instance: issuing, replying,
 * closing (销号) and sending back, who may do each, what is refused, and the escalation
 * with a controlled clock (each timer made due and run as the job executor runs it): BLUE
 * → YELLOW at the deadline → RED seven days later, a reply stops it, a reopen restarts
 * it.
 */
class NoticeApiTest extends ApiTestBase {

	@Test
	void aManagerIssuesTheOwnerRepliesAnotherManagerClosesAndEverythingIsAudited() {
		long project = createProject("officer", today().minusDays(10));

		Response issued = post("manager", "/api/notices", notice(project, "officer", today().plusDays(5)));
		assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
		long id = issued.body().get("id").asLong();
		assertThat(issued.body().get("level").asText()).isEqualTo("BLUE");
		assertThat(issued.body().get("status").asText()).isEqualTo("OPEN");
		assertThat(issued.headers().getLocation().getPath()).isEqualTo("/api/notices/" + id);
		assertThat(projectInstanceOf(project)).as("never inside the project's own instance")
			.isNotEqualTo(instanceOf(id));

		Response replied = post("officer", "/api/notices/" + id + "/reply", Map.of("text", "Land survey booked"));
		assertThat(replied.status()).as(replied.raw()).isEqualTo(200);
		assertThat(replied.body().get("status").asText()).isEqualTo("REPLIED");
		assertThat(replied.body().get("reply").asText()).isEqualTo("Land survey booked");

		Response closed = post("manager2", "/api/notices/" + id + "/close", Map.of("comment", "Solved"));
		assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
		assertThat(closed.body().get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.body().get("closedBy").asText()).isEqualTo("manager2");
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?", instanceOf(id))).isZero();
		assertThat(actions(project)).containsExactly("NOTICE_ISSUED", "NOTICE_REPLIED", "NOTICE_CLOSED");
		assertAuditChainIntact();
	}

	@Test
	void onlyTheOwnerRepliesAndOnlyAManagerOtherThanTheOwnerClosesOrSendsBack() {
		long project = createProject("officer", today().minusDays(10));
		long toManager = issue(project, "manager", today().plusDays(3));
		long toLeader = issue(project, "leader", today().plusDays(3));

		assertError(post("officer", "/api/notices", notice(project, "officer", today())), 403, "forbidden");
		assertError(post("leader", "/api/notices", notice(project, "officer", today())), 403, "forbidden");
		assertError(post("officer", "/api/notices/" + toManager + "/reply", Map.of("text", "not mine")), 403,
				"forbidden");
		assertError(post("manager2", "/api/notices/" + toManager + "/reply", Map.of("text", "not mine")), 403,
				"forbidden");
		assertThat(post("manager", "/api/notices/" + toManager + "/reply", Map.of("text", "done")).status())
			.isEqualTo(200);
		assertError(post("manager", "/api/notices/" + toManager + "/close", Map.of()), 403, "forbidden");
		assertError(post("manager", "/api/notices/" + toManager + "/reopen", Map.of("comment", "x")), 403, "forbidden");
		assertError(post("officer", "/api/notices/" + toManager + "/close", Map.of()), 403, "forbidden");
		assertThat(get("auditor", "/api/notices/" + toManager).body().get("status").asText()).isEqualTo("REPLIED");

		// a leader who owns a notice replies to it, though leaders change nothing else
		assertThat(post("leader", "/api/notices/" + toLeader + "/reply", Map.of("text", "Met the investor")).status())
			.isEqualTo(200);
		assertThat(post("manager", "/api/notices/" + toLeader + "/close", Map.of()).status()).isEqualTo(200);
		assertThat(post("leader", "/api/notices/" + toLeader + "/reply", Map.of("text", "again")).status())
			.as("a closed notice awaits no reply")
			.isEqualTo(409);
	}

	@Test
	void badNoticesAreRefusedNamingTheFieldAndNothingIsWritten() {
		long project = createProject("officer", today().minusDays(10));
		long before = count("SELECT COUNT(*) FROM supervision_notice");

		assertThat(fields(post("manager", "/api/notices", notice(project, "officer", today().minusDays(1)))))
			.containsKey("deadline");
		assertThat(fields(post("manager", "/api/notices", notice(project, "nobody", today())))).containsKey("owner");
		assertThat(fields(post("manager", "/api/notices", notice(999999999L, "officer", today()))))
			.containsKey("projectId");
		Map<String, Object> noText = notice(project, "officer", today());
		noText.put("text", "  ");
		assertThat(fields(post("manager", "/api/notices", noText))).containsKey("text");
		Map<String, Object> control = notice(project, "officer", today());
		control.put("text", "bell\u0007");
		assertThat(fields(post("manager", "/api/notices", control))).containsKey("text");
		Map<String, Object> noDeadline = notice(project, "officer", today());
		noDeadline.remove("deadline");
		assertThat(fields(post("manager", "/api/notices", noDeadline))).containsKey("deadline");
		assertThat(count("SELECT COUNT(*) FROM supervision_notice")).isEqualTo(before);

		long id = issue(project, "officer", today());
		assertThat(fields(post("officer", "/api/notices/" + id + "/reply", Map.of("text", "")))).containsKey("text");
		assertThat(post("manager", "/api/notices/" + id + "/close", Map.of()).status()).as("no reply yet")
			.isEqualTo(409);
		post("officer", "/api/notices/" + id + "/reply", Map.of("text", "done"));
		assertThat(fields(post("manager", "/api/notices/" + id + "/reopen", Map.of()))).containsKey("comment");
		assertThat(get("manager", "/api/notices?status=BOGUS").status()).isEqualTo(400);
		assertThat(get("manager", "/api/notices/999999999").status()).isEqualTo(404);
	}

	@Test
	void anUnansweredNoticeTurnsYellowAtItsDeadlineAndRedSevenDaysLaterInTheOwnersAndManagersLists() {
		long project = createProject("officer", today().minusDays(10));
		long id = issue(project, "officer", today().plusDays(2));
		Job deadline = timer(id);
		assertThat(deadline.getDuedate())
			.isEqualTo(Date.from(today().plusDays(3).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

		assertThat(inbox("officer")).as("the owner's to reply to").contains(taskOf(id));
		assertThat(inbox("manager")).as("not the managers' while in time").doesNotContain(taskOf(id));

		fire(deadline);
		assertThat(level(id)).isEqualTo("YELLOW");
		assertThat(inbox("manager")).as("an escalation is in the managers' inbox").contains(taskOf(id));
		assertThat(listed("/api/notices?level=YELLOW&owner=officer&status=OPEN", id)).isTrue();

		Job toRed = timer(id);
		assertThat(toRed.getDuedate()).isAfter(Date.from(java.time.Instant.now().plusSeconds(7 * 86400 - 120)));
		fire(toRed);
		assertThat(level(id)).isEqualTo("RED");
		assertThat(listed("/api/notices?level=RED&projectId=" + project, id)).isTrue();
		assertThat(listed("/api/notices?level=YELLOW&projectId=" + project, id)).isFalse();
		assertThat(timer(id)).as("nothing after red").isNull();
		assertThat(jdbc
			.sql("SELECT actor, decision FROM audit_entry WHERE project_id = ? AND action = 'NOTICE_ESCALATED'"
					+ " ORDER BY seq")
			.param(project)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactly("system YELLOW", "system RED");
		JsonNode item = inboxItem("officer", taskOf(id));
		assertThat(item.get("kind").asText()).isEqualTo("NOTICE");
		assertThat(item.get("projectId").asLong()).isEqualTo(project);
		assertThat(item.get("requestComment").asText()).startsWith("RED: ");
		assertThat(item.get("canDecide").asBoolean()).isTrue();
		assertThat(inboxItem("manager", taskOf(id)).get("canDecide").asBoolean()).as("only the owner replies")
			.isFalse();
	}

	@Test
	void aReplyStopsTheEscalationAndAReopenRestartsIt() {
		long project = createProject("officer", today().minusDays(10));
		long id = issue(project, "officer", today());
		fire(timer(id));
		assertThat(level(id)).isEqualTo("YELLOW");

		post("officer", "/api/notices/" + id + "/reply", Map.of("text", "Working on it"));
		assertThat(timer(id)).as("a reply stops it").isNull();
		assertThat(level(id)).isEqualTo("YELLOW");

		Response back = post("manager", "/api/notices/" + id + "/reopen", Map.of("comment", "No date given"));
		assertThat(back.status()).as(back.raw()).isEqualTo(200);
		assertThat(back.body().get("status").asText()).isEqualTo("OPEN");
		// the deadline passed: the restarted escalation is due at once, and goes on to
		// red
		fire(timer(id));
		Job toRed = timer(id);
		assertThat(toRed).isNotNull();
		fire(toRed);
		assertThat(level(id)).isEqualTo("RED");
		assertThat(actions(project)).containsExactly("NOTICE_ISSUED", "NOTICE_ESCALATED", "NOTICE_REPLIED",
				"NOTICE_REOPENED", "NOTICE_ESCALATED");
	}

	@Test
	void aNoticeRepliedBeforeItsDeadlineNeverEscalates() {
		long project = createProject("officer", today().minusDays(10));
		long id = issue(project, "officer", today().plusDays(1));

		post("officer", "/api/notices/" + id + "/reply", Map.of("text", "Done early"));

		assertThat(timer(id)).isNull();
		assertThat(level(id)).isEqualTo("BLUE");
		assertThat(listed("/api/notices?status=REPLIED&owner=officer", id)).isTrue();
	}

	private long issue(long project, String owner, LocalDate deadline) {
		Response r = post("manager", "/api/notices", notice(project, owner, deadline));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asLong();
	}

	private static Map<String, Object> notice(long project, String owner, LocalDate deadline) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("projectId", project);
		body.put("owner", owner);
		body.put("deadline", deadline.toString());
		body.put("text", "Land delivery is three months late: agree a date with the park");
		return body;
	}

	private Map<String, JsonNode> fields(Response r) {
		JsonNode fields = assertError(r, 400, "invalid_input");
		Map<String, JsonNode> map = new LinkedHashMap<>();
		fields.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
		return map;
	}

	private String instanceOf(long notice) {
		return jdbc.sql("SELECT process_instance_id FROM supervision_notice WHERE id = ?")
			.param(notice)
			.query(String.class)
			.single();
	}

	private String projectInstanceOf(long project) {
		return jdbc.sql("SELECT process_instance_id FROM project WHERE id = ?")
			.param(project)
			.query(String.class)
			.single();
	}

	private Job timer(long notice) {
		return management.createJobQuery().processInstanceId(instanceOf(notice)).timers().singleResult();
	}

	/**
	 * Makes the timer due now, as if its day had come, and runs it as the job executor
	 * would.
	 */
	private void fire(Job job) {
		management.setJobDuedate(job.getId(), new Date());
		management.executeJob(job.getId());
	}

	private String level(long id) {
		return get("manager", "/api/notices/" + id).body().get("level").asText();
	}

	private boolean listed(String path, long id) {
		Response r = get("manager", path);
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		for (JsonNode n : r.body()) {
			if (n.get("id").asLong() == id) {
				return true;
			}
		}
		return false;
	}

	private List<String> actions(long project) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE project_id = ? AND action LIKE 'NOTICE%' ORDER BY seq")
			.param(project)
			.query(String.class)
			.list();
	}

	private String taskOf(long notice) {
		return jdbc.sql("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?")
			.param(instanceOf(notice))
			.query(String.class)
			.single();
	}

	private JsonNode inboxItem(String user, String taskId) {
		for (JsonNode t : get(user, "/api/tasks?size=200").body().get("content")) {
			if (t.get("taskId").asText().equals(taskId)) {
				return t;
			}
		}
		throw new AssertionError("task " + taskId + " not in the inbox of " + user);
	}

	private List<String> inbox(String user) {
		List<String> ids = new java.util.ArrayList<>();
		get(user, "/api/tasks?size=200").body().get("content").forEach(t -> ids.add(t.get("taskId").asText()));
		return ids;
	}

}
