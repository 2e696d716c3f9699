package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;
import com.investtrack.support.TestDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Contention is never a 500: a step that keeps losing lock conflicts is answered 503 with
 * Retry-After and writes nothing (the API), or is refused with a message (a page's form);
 * one that loses once runs again and goes through. The conflicts are real: the test holds
 * the project's row lock in a transaction of its own (SELECT ... FOR UPDATE, as a
 * concurrent step does), and the application's connections give up waiting for a lock
 * after one second (on H2 and MariaDB alike).
 */
class ContentionApiTest extends ApiTestBase {

	@DynamicPropertySource
	static void shortLockWaits(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.connection-init-sql",
				() -> TestDatabase.isMysql() ? "SET SESSION innodb_lock_wait_timeout = 1" : "SET LOCK_TIMEOUT 1000");
	}

	/** A concurrent transaction holding a project's row lock until it is closed. */
	private static final class RowLock implements AutoCloseable {

		private final Connection connection;

		RowLock(DataSource dataSource, long projectId) throws SQLException {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			try (var select = connection.prepareStatement("SELECT id FROM project WHERE id = ? FOR UPDATE")) {
				select.setLong(1, projectId);
				select.executeQuery().close();
			}
		}

		@Override
		public void close() throws SQLException {
			if (!connection.isClosed()) {
				connection.rollback();
				connection.close();
			}
		}

	}

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry registry;

	@Test
	void aStepThatKeepsLosingIsAnswered503WithRetryAfterAndWritesNothing() throws Exception {
		long id = createProject("officer", today().minusDays(5));
		var before = stateOf(id);
		String key = UUID.randomUUID().toString();
		Map<String, Object> advance = Map.of("to", "SIGNING", "effectiveOn", today().minusDays(1).toString());
		double retried = conflicts("retried");
		double gaveUp = conflicts("gave_up");
		double answered503 = contention503s();
		double stepsUnavailable = steps("api", "unavailable");

		Response answer;
		try (RowLock lock = new RowLock(dataSource, id)) {
			answer = exchange("officer", HttpMethod.POST, "/api/projects/" + id + "/advance", advance,
					Map.of("Idempotency-Key", key));
		}

		assertError(answer, 503, "unavailable");
		assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("2");
		assertThat(answer.body().get("message").asText()).contains("contention").contains("nothing was saved");
		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", key)).isZero();
		assertThat(conflicts("retried") - retried).isEqualTo(3);
		assertThat(conflicts("gave_up") - gaveUp).isEqualTo(1);
		// counted where the answer leaves, which may be a moment after the client has it
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(contention503s() - answered503).isEqualTo(1);
			assertThat(steps("api", "unavailable") - stepsUnavailable).isEqualTo(1);
		});

		// the client does what Retry-After says: the same request with the same key now
		// goes through, once
		Response again = exchange("officer", HttpMethod.POST, "/api/projects/" + id + "/advance", advance,
				Map.of("Idempotency-Key", key));
		assertThat(again.status()).as(again.raw()).isEqualTo(202);
		assertThat(count("SELECT COUNT(*) FROM approval_request WHERE project_id = ?", id)).isEqualTo(1);
		assertAuditChainIntact();
	}

	@Test
	void aStepThatLosesOnceRunsAgainAndGoesThrough() throws Exception {
		long id = createProject("officer", today().minusDays(5));
		double retried = conflicts("retried");
		double recovered = conflicts("recovered");
		double gaveUp = conflicts("gave_up");

		Response answer;
		try (RowLock lock = new RowLock(dataSource, id)) {
			CompletableFuture<Response> pending = CompletableFuture
				.supplyAsync(() -> advance("officer", id, "SIGNING", today().minusDays(1)));
			// the first run waited a second for the lock and lost; let the next one have
			// it
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> conflicts("retried") > retried);
			lock.close();
			answer = pending.get(30, TimeUnit.SECONDS);
		}

		assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
		assertThat(answer.body().get("pendingApproval").get("to").asText()).isEqualTo("SIGNING");
		assertThat(conflicts("recovered") - recovered).isEqualTo(1);
		assertThat(conflicts("gave_up")).isEqualTo(gaveUp);
		assertThat(count("SELECT COUNT(*) FROM approval_request WHERE project_id = ?", id)).isEqualTo(1);
	}

	@Test
	void aFormThatKeepsLosingShowsAMessageAndWritesNothing() throws Exception {
		long id = createProject("officer", today().minusDays(5));
		var before = stateOf(id);
		var session = login("officer", TestData.PASSWORD);
		double stepsUnavailable = steps("page", "unavailable");

		MvcResult result;
		try (RowLock lock = new RowLock(dataSource, id)) {
			result = mvc
				.perform(MockMvcRequestBuilders.post("/projects/" + id + "/advance")
					.with(csrf())
					.session(session)
					.locale(Locale.ENGLISH)
					.param("to", "SIGNING")
					.param("effectiveOn", today().minusDays(1).toString()))
				.andReturn();
		}

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/projects/" + id);
		assertThat((String) result.getFlashMap().get("problem")).startsWith("Too many changes")
			.contains("nothing was saved");
		assertThat(result.getFlashMap().get("notice")).isNull();
		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(steps("page", "unavailable") - stepsUnavailable).isEqualTo(1);
	}

	private double conflicts(String outcome) {
		return registry.get("investtrack.conflicts")
			.tag("cause", "lock_conflict")
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private double contention503s() {
		return registry.get("investtrack.unavailable").tag("reason", "contention").counter().count();
	}

	private double steps(String channel, String outcome) {
		var timer = registry.find("investtrack.steps")
			.tag("subject", "project")
			.tag("kind", "advance")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.timer();
		return timer == null ? 0 : timer.count();
	}

}
