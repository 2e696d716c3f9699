package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.investtrack.support.ApiTestBase;

/**
 * Two steps on the same project at the same moment: exactly one is applied, the other is
 * answered 409 with a reason, and the milestone, the approval and the audit entry exist
 * once. Several rounds, so that the two requests really overlap on the project's row
 * lock, the engine's optimistic locking and the audit chain's head.
 */
class ConcurrentStepsApiTest extends ApiTestBase {

	private static final int ROUNDS = 4;

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void twoAdvancesOfOneProjectApplyOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			LocalDate start = today().minusDays(20);
			long id = createProject("officer", start);
			advance("officer", id, "SIGNING", start.plusDays(2));
			decide("manager", id, "APPROVE", "ok");

			List<Response> answers = atOnce(() -> advance("officer", id, "SITE_SELECTION", start.plusDays(5)),
					() -> advance("lead", id, "SITE_SELECTION", start.plusDays(6)));

			assertOneAppliedOneConflict(answers, 200);
			assertThat(count("SELECT COUNT(*) FROM milestone WHERE project_id = ? AND stage = 'SITE_SELECTION'", id))
				.isEqualTo(1);
			assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'MILESTONE_RECORDED' "
					+ "AND to_stage = 'SITE_SELECTION'", id))
				.isEqualTo(1);
		}
		assertAuditChainIntact();
	}

	@Test
	void twoApprovalRequestsOfOneProjectFileOne() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			LocalDate start = today().minusDays(20);
			long id = createProject("officer", start);

			List<Response> answers = atOnce(() -> advance("officer", id, "SIGNING", start.plusDays(3)),
					() -> advance("lead", id, "SIGNING", start.plusDays(4)));

			assertOneAppliedOneConflict(answers, 202);
			assertThat(count("SELECT COUNT(*) FROM approval_request WHERE project_id = ?", id)).isEqualTo(1);
		}
	}

	@Test
	void twoManagersDecidingOneRequestDecideOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			LocalDate start = today().minusDays(20);
			long id = createProject("officer", start);
			String taskId = advance("officer", id, "SIGNING", start.plusDays(3)).body()
				.get("pendingApproval")
				.get("taskId")
				.asText();

			List<Response> answers = atOnce(
					() -> post("manager", "/api/tasks/" + taskId + "/decision",
							Map.of("decision", "APPROVE", "comment", "yes")),
					() -> post("manager2", "/api/tasks/" + taskId + "/decision",
							Map.of("decision", "REJECT", "comment", "no")));

			assertOneAppliedOneConflict(answers, 200);
			assertThat(count(
					"SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action IN ('APPROVED', 'REJECTED')", id))
				.isEqualTo(1);
		}
	}

	@Test
	void theStartOfConstructionAndADropOfOneProjectApplyOne() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			LocalDate start = today().minusDays(20);
			long id = createProject("officer", start);
			advance("officer", id, "SIGNING", start.plusDays(2));
			decide("manager", id, "APPROVE", "ok");
			advance("officer", id, "SITE_SELECTION", start.plusDays(4));

			// whichever comes second is refused: a dropped project cannot advance, a
			// project under construction cannot be dropped
			List<Response> answers = atOnce(() -> advance("officer", id, "CONSTRUCTION", start.plusDays(8)),
					() -> post("lead", "/api/projects/" + id + "/drop",
							Map.of("effectiveOn", start.plusDays(8).toString(), "reason", "investor left")));

			assertOneAppliedOneConflict(answers, 200);
			long constructions = count("SELECT COUNT(*) FROM milestone WHERE project_id = ? AND stage = 'CONSTRUCTION'",
					id);
			long drops = count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'PROJECT_DROPPED'",
					id);
			assertThat(constructions + drops).isEqualTo(1);
		}
	}

	@Test
	void aDecisionOnARequestAlreadyDecidedIsAConflictNotAMissingTask() {
		LocalDate start = today().minusDays(20);
		long id = createProject("officer", start);
		String taskId = advance("officer", id, "SIGNING", start.plusDays(3)).body()
			.get("pendingApproval")
			.get("taskId")
			.asText();
		assertThat(post("manager", "/api/tasks/" + taskId + "/decision", Map.of("decision", "APPROVE")).status())
			.isEqualTo(200);

		Response late = post("manager2", "/api/tasks/" + taskId + "/decision", Map.of("decision", "APPROVE"));

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body().get("message").asText()).isEqualTo("This request was already approved by manager");
		assertThat(post("manager", "/api/tasks/no-such-task/decision", Map.of("decision", "APPROVE")).status())
			.isEqualTo(404);
	}

	/** Sends both requests at the same instant and waits for both answers. */
	private List<Response> atOnce(Supplier<Response> first, Supplier<Response> second) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		Future<Response> a = pool.submit(() -> {
			barrier.await();
			return first.get();
		});
		Future<Response> b = pool.submit(() -> {
			barrier.await();
			return second.get();
		});
		return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
	}

	private static void assertOneAppliedOneConflict(List<Response> answers, int appliedStatus) {
		assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(appliedStatus, 409);
		Response conflict = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertThat(conflict.body().get("error").asText()).isEqualTo("conflict");
		assertThat(conflict.body().get("message").asText()).isNotBlank();
	}

	private long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

}
