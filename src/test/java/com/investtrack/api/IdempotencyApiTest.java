package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import com.investtrack.support.ApiTestBase;

/**
 * Idempotency-Key on every write of the API: a retry with the same key gets the first
 * answer back and changes nothing, whether it comes later or at the same moment; the same
 * key with another request is refused.
 */
class IdempotencyApiTest extends ApiTestBase {

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAndChangesNothing() {
		LocalDate start = today().minusDays(20);
		Map<String, Object> project = newProject("officer", start);
		String createKey = newKey();
		Response created = keyed("officer", "/api/projects", project, createKey);
		Response createdAgain = keyed("officer", "/api/projects", project, createKey);
		assertThat(created.status()).isEqualTo(201);
		assertSameAnswer(created, createdAgain);
		assertThat(createdAgain.headers().getFirst("Location")).isEqualTo(created.headers().getFirst("Location"));
		assertThat(created.headers().getFirst(IdempotentWrites.REPLAYED_HEADER)).isNull();
		assertThat(createdAgain.headers().getFirst(IdempotentWrites.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE name = ?")
			.param(project.get("name"))
			.query(Long.class)
			.single()).isEqualTo(1);
		long id = created.body().get("id").asLong();

		String requestKey = newKey();
		Map<String, Object> toSigning = advanceBody("SIGNING", start.plusDays(5));
		Response requested = keyed("officer", "/api/projects/" + id + "/advance", toSigning, requestKey);
		Response requestedAgain = keyed("officer", "/api/projects/" + id + "/advance", toSigning, requestKey);
		assertThat(requested.status()).isEqualTo(202);
		assertSameAnswer(requested, requestedAgain);
		assertThat(count("SELECT COUNT(*) FROM approval_request WHERE project_id = ?", id)).isEqualTo(1);

		String taskId = requested.body().get("pendingApproval").get("taskId").asText();
		String decisionKey = newKey();
		Map<String, Object> approve = Map.of("decision", "APPROVE", "comment", "terms agreed");
		Response decided = keyed("manager", "/api/tasks/" + taskId + "/decision", approve, decisionKey);
		Response decidedAgain = keyed("manager", "/api/tasks/" + taskId + "/decision", approve, decisionKey);
		assertThat(decided.status()).isEqualTo(200);
		assertSameAnswer(decided, decidedAgain);

		String siteKey = newKey();
		Map<String, Object> toSite = advanceBody("SITE_SELECTION", start.plusDays(9));
		Response advanced = keyed("officer", "/api/projects/" + id + "/advance", toSite, siteKey);
		Response advancedAgain = keyed("officer", "/api/projects/" + id + "/advance", toSite, siteKey);
		assertThat(advanced.status()).isEqualTo(200);
		assertSameAnswer(advanced, advancedAgain);

		assertThat(count("SELECT COUNT(*) FROM milestone WHERE project_id = ?", id)).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'MILESTONE_RECORDED'", id))
			.isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'APPROVED'", id))
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'PROJECT_CREATED'", id))
			.isEqualTo(1);
		assertAuditChainIntact();
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
		long id = createProject("officer", today().minusDays(20));
		String key = newKey();
		Response first = keyed("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "investor withdrew"), key);
		assertThat(first.status()).isEqualTo(200);
		long other = createProject("officer", today().minusDays(20));

		Response reused = keyed("officer", "/api/projects/" + other + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "investor withdrew"), key);

		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.body().get("error").asText()).isEqualTo("idempotency_key_reused");
		assertThat(reused.body().get("message").asText()).contains("different request");
		assertThat(get("officer", "/api/projects/" + other).body().get("outcome").asText()).isEqualTo("ACTIVE");
	}

	@Test
	void keysBelongToTheUserWhoSentThem() {
		String key = newKey();
		Response mine = keyed("officer", "/api/projects", newProject("officer", null), key);
		Response theirs = keyed("officer2", "/api/projects", newProject("officer2", null), key);

		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).isEqualTo(201);
		assertThat(theirs.body().get("id").asLong()).isNotEqualTo(mine.body().get("id").asLong());
		assertThat(theirs.headers().getFirst(IdempotentWrites.REPLAYED_HEADER)).isNull();
	}

	@Test
	void aRefusedRequestKeepsNoAnswerSoItsRetryIsJudgedAfresh() {
		long id = createProject("officer", today().minusDays(20));
		String key = newKey();
		Map<String, Object> skip = advanceBody("CONSTRUCTION", today());

		Response refused = keyed("officer", "/api/projects/" + id + "/advance", skip, key);
		Response again = keyed("officer", "/api/projects/" + id + "/advance", skip, key);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.headers().getFirst(IdempotentWrites.REPLAYED_HEADER)).isNull();
		assertThat(count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", key)).isZero();
	}

	@Test
	void aKeyThatIsNotPrintableAsciiIsRefused() {
		Response r = keyed("officer", "/api/projects", newProject("officer", null), "x".repeat(101));

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("fields").get(IdempotentWrites.KEY_HEADER).asText()).contains("1 to 100");
	}

	@Test
	void concurrentRequestsWithTheSameKeyApplyOnce() throws Exception {
		Map<String, Object> project = newProject("officer", today().minusDays(3));
		String key = newKey();
		int senders = 6;
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return keyed("officer", "/api/projects", project, key);
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get(60, TimeUnit.SECONDS));
			}

			assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
			List<Long> ids = responses.stream()
				.filter(r -> r.status() == 201)
				.map(r -> r.body().get("id").asLong())
				.distinct()
				.toList();
			assertThat(ids).hasSize(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE name = ?")
				.param(project.get("name"))
				.query(Long.class)
				.single()).isEqualTo(1);
			responses.stream()
				.filter(r -> r.status() == 409)
				.forEach(r -> assertThat(r.body().get("message").asText()).contains("still being processed"));
			// whoever was told to retry gets the first answer now
			assertSameAnswer(responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow(),
					keyed("officer", "/api/projects", project, key));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Response keyed(String user, String path, Object body, String key) {
		return exchange(user, HttpMethod.POST, path, body, Map.of(IdempotentWrites.KEY_HEADER, key));
	}

	private static void assertSameAnswer(Response first, Response replay) {
		assertThat(replay.status()).isEqualTo(first.status());
		assertThat(replay.body()).isEqualTo(first.body());
	}

	private static Map<String, Object> advanceBody(String to, LocalDate on) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("to", to);
		body.put("effectiveOn", on.toString());
		return body;
	}

	private long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

}
