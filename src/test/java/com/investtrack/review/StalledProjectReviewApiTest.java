package com.investtrack.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * Reviews of red projects: the light sweep, run as the engine runs it (its timer job
 * executed), opens one review per red project in the managers' inbox and closes it when
 * the project is no longer red; a manager's acknowledgement holds until the project has
 * left the red, and a new red spell opens a new review.
 */
class StalledProjectReviewApiTest extends ApiTestBase {

	@Autowired
	HistoryService history;

	@Autowired
	ReviewSweep sweeper;

	@Test
	void aRedProjectGetsExactlyOneReviewInTheManagersInboxAndAGreenOneNone() {
		long red = project(today().minusDays(45));
		long green = project(today().plusDays(20));

		sweepLights();
		sweepLights();

		assertThat(reviews(red)).containsExactly("OPEN");
		assertThat(reviews(green)).isEmpty();
		JsonNode item = reviewTask(red);
		assertThat(item).as("review of %d in the inbox", red).isNotNull();
		assertThat(item.get("projectId").asLong()).isEqualTo(red);
		assertThat(item.get("canDecide").asBoolean()).isTrue();
		assertThat(jdbc.sql("SELECT actor, details FROM audit_entry WHERE project_id = ? AND action = 'REVIEW_OPENED'")
			.param(red)
			.query((rs, n) -> rs.getString(1) + ": " + rs.getString(2))
			.list())
			.containsExactly("system: Behind plan: \"Contract signed\" was agreed for " + today().minusDays(45)
					+ ", 45 days late");
	}

	@Test
	void aReviewClosesByItselfWhenTheProjectIsBackOnTrack() {
		long id = project(today().minusDays(40));
		sweepLights();
		String instance = jdbc.sql("SELECT process_instance_id FROM stall_review WHERE project_id = ?")
			.param(id)
			.query(String.class)
			.single();

		reach("officer", id, "SIGNING", today().minusDays(1));
		sweepLights();

		assertThat(reviews(id)).containsExactly("CLOSED");
		assertThat(reviewTask(id)).isNull();
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance)
			.activityId("ReviewWithdrawn")
			.finished()
			.count()).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'REVIEW_CLOSED'", id))
			.isEqualTo(1);
	}

	@Test
	void anAcknowledgedReviewHoldsUntilTheProjectLeavesTheRedAndANewRedSpellOpensANewOne() {
		long id = project(today().minusDays(40));
		sweepLights();
		JsonNode task = reviewTask(id);

		assertError(post("officer", "/api/tasks/" + task.get("taskId").asText() + "/decision",
				Map.of("decision", "ACKNOWLEDGE", "comment", "x")), 403, "forbidden");
		assertError(post("manager", "/api/tasks/" + task.get("taskId").asText() + "/decision",
				Map.of("decision", "APPROVE", "comment", "x")), 400, "invalid_input");
		Response ack = post("manager", "/api/tasks/" + task.get("taskId").asText() + "/decision",
				Map.of("decision", "ACKNOWLEDGE", "comment", "Called the investor: financing closes next month"));
		assertThat(ack.status()).as(ack.raw()).isEqualTo(200);
		assertThat(post("manager2", "/api/tasks/" + task.get("taskId").asText() + "/decision",
				Map.of("decision", "ACKNOWLEDGE", "comment", "again"))
			.status()).isEqualTo(409);
		assertThat(reviews(id)).containsExactly("ACKNOWLEDGED");
		assertThat(reviewTask(id)).isNull();

		sweepLights();
		assertThat(reviews(id)).as("still red, already acknowledged").containsExactly("ACKNOWLEDGED");

		revise(id, today().plusDays(30));
		sweepLights();
		assertThat(reviews(id)).containsExactly("CLOSED");

		revise(id, today().minusDays(35));
		sweepLights();
		assertThat(reviews(id)).containsExactly("OPEN", "CLOSED");
		assertThat(
				jdbc.sql("SELECT acknowledged_by, comment FROM stall_review WHERE project_id = ? AND status = 'CLOSED'")
					.param(id)
					.query((rs, n) -> rs.getString(1) + ": " + rs.getString(2))
					.single())
			.isEqualTo("manager: Called the investor: financing closes next month");
	}

	@Test
	void aRunPastItsTimeBudgetStopsAfterOneProjectAndLeavesTheRestForTheNextRun() {
		List<Long> red = List.of(project(today().minusDays(30)), project(today().minusDays(31)),
				project(today().minusDays(32)));

		// a deadline already passed: the run does one project and defers the others
		ReviewSweep.Result late = sweeper.run(System.nanoTime() - 1);
		assertThat(late.opened() + late.closed() + late.failed()).isEqualTo(1);
		assertThat(late.deferred()).as("the projects left for the next run").isGreaterThanOrEqualTo(2);

		// the next run, in time, reaches all of them, and nothing is opened twice
		ReviewSweep.Result next = sweeper.run();
		assertThat(next.deferred()).isZero();
		red.forEach(id -> assertThat(reviews(id)).as("reviews of %d", id).containsExactly("OPEN"));
	}

	/**
	 * A project of officer's in negotiation for 50 days, with contract signing agreed for
	 * {@code signingAgreed}.
	 */
	private long project(LocalDate signingAgreed) {
		// 50 days in: younger than the "no progress" limits, so that only the agreed date
		// decides
		Map<String, Object> body = newProject("officer", today().minusDays(50));
		body.put("plan", Map.of("SIGNING", signingAgreed.toString()));
		Response r = post("officer", "/api/projects", body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asLong();
	}

	private void revise(long id, LocalDate signingAgreed) {
		Response r = put("officer", "/api/projects/" + id + "/plan",
				Map.of("dates", Map.of("SIGNING", signingAgreed.toString()), "reason", "renegotiated"));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	/** The statuses of the project's reviews, newest first. */
	private List<String> reviews(long id) {
		return jdbc.sql("SELECT status FROM stall_review WHERE project_id = ? ORDER BY id DESC")
			.param(id)
			.query(String.class)
			.list();
	}

	/** The project's review in the managers' inbox, or null. */
	private JsonNode reviewTask(long projectId) {
		for (int page = 0;; page++) {
			JsonNode inbox = get("manager", "/api/tasks?size=200&page=" + page).body();
			for (JsonNode item : inbox.get("content")) {
				if (item.get("kind").asText().equals("REVIEW") && item.get("projectId").asLong() == projectId) {
					return item;
				}
			}
			if (inbox.get("content").size() < 200) {
				return null;
			}
		}
	}

}
