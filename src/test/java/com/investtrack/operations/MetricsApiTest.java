package com.investtrack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import com.investtrack.support.ApiTestBase;

/**
 * What an operator's Prometheus and load balancer see: the metrics at
 * /actuator/prometheus, scraped by an administrator with HTTP Basic (every other caller
 * is refused), move with what the application does; the health probes answer anyone,
 * without details.
 */
class MetricsApiTest extends ApiTestBase {

	static final String PROMETHEUS = "/actuator/prometheus";

	/**
	 * One scrape: the text Prometheus reads, with a way to add up the samples of a
	 * metric.
	 */
	record Scrape(String text) {

		/**
		 * The sum of the samples of {@code name} carrying all the given labels (name,
		 * value, ...); 0 if none.
		 */
		double value(String name, String... labels) {
			return samples(name, labels).stream().mapToDouble(Double::doubleValue).sum();
		}

		/**
		 * Whether the scrape holds a sample of {@code name} with all the given labels.
		 */
		boolean has(String name, String... labels) {
			return !samples(name, labels).isEmpty();
		}

		private List<Double> samples(String name, String... labels) {
			return text.lines()
				.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
				.filter(line -> hasLabels(line, labels))
				.map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.toList();
		}

		private static boolean hasLabels(String line, String... labels) {
			for (int i = 0; i < labels.length; i += 2) {
				if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
					return false;
				}
			}
			return true;
		}

	}

	@Test
	void onlyAdministratorsScrapeAndWithBasicCredentials() {
		Response admin = scrapeAs("admin");
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.headers().getContentType().toString()).startsWith("text/plain");
		for (String user : List.of("officer", "manager", "auditor")) {
			Response refused = scrapeAs(user);
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.raw()).doesNotContain("investtrack_");
		}
		Response anonymous = scrapeAs(null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.raw()).doesNotContain("investtrack_");
	}

	@Test
	void theLoadBalancersProbesAnswerAnyoneWithoutDetails() {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			Response r = get(null, probe);
			assertThat(r.status()).as(probe).isEqualTo(200);
			assertThat(r.body().get("status").asText()).isEqualTo("UP");
			assertThat(r.body().has("components")).as("no details").isFalse();
			assertThat(r.body().has("details")).as("no details").isFalse();
		}
	}

	@Test
	void stepsRefusalsAndReportsMoveTheirMetrics() {
		String park = newPark();
		Scrape before = scrape();

		long id = createProject("officer", today().minusDays(10));
		assertThat(advance("officer", id, "SIGNING", today().minusDays(1)).status()).isEqualTo(202);
		// refused: a request is already waiting; not the owner; no date
		assertError(advance("officer", id, "SIGNING", today()), 409, "conflict");
		assertError(advance("officer2", id, "SIGNING", today()), 403, "forbidden");
		assertError(post("officer", "/api/projects/" + id + "/advance", Map.of("to", "SIGNING")), 400, "invalid_input");
		for (int i = 0; i < 2; i++) {
			assertThat(get("manager", "/api/reports/time-to-production?parkCode=" + park).status()).isEqualTo(200);
		}

		// the last answers may reach the client a moment before their request is counted
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Scrape after = scrape();
			assertThat(moved(before, after, "investtrack_steps_seconds_count", "subject", "project", "kind", "create",
					"channel", "api", "outcome", "ok"))
				.isEqualTo(1);
			for (String outcome : List.of("ok", "conflict", "forbidden", "invalid")) {
				assertThat(moved(before, after, "investtrack_steps_seconds_count", "kind", "advance", "channel", "api",
						"outcome", outcome))
					.as(outcome)
					.isEqualTo(1);
			}
			assertThat(moved(before, after, "investtrack_approvals_pending")).isEqualTo(1);
			assertThat(moved(before, after, "investtrack_report_cache_total", "result", "miss")).isEqualTo(1);
			assertThat(moved(before, after, "investtrack_report_cache_total", "result", "hit")).isEqualTo(1);
			assertThat(moved(before, after, "investtrack_unavailable_total")).isZero();
			assertThat(moved(before, after, "investtrack_conflicts_total", "outcome", "gave_up")).isZero();
		});
	}

	@Test
	void requestsAreCountedWithoutSpringSecuritysObservations() {
		assertThat(get("manager", "/api/projects?size=1").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Scrape scrape = scrape();
			assertThat(scrape.has("http_server_requests_seconds_count", "uri", "/api/projects")).isTrue();
			// turned off (application.properties): they cost CPU on every request and
			// nothing reads them
			assertThat(scrape.text()).doesNotContain("spring_security_");
		});
	}

	@Test
	void theJobExecutorsCountersAndTheDueJobsAreThere() {
		// the light sweep's timer is due a minute after start-up, and the job executor is
		// off in tests: not yet due
		var sweep = management.createJobQuery().processDefinitionKey("light-sweep").singleResult();
		management.setJobDuedate(sweep.getId(), java.util.Date.from(java.time.Instant.now().plusSeconds(3600)));
		Scrape before = scrape();
		for (String counter : List.of("camunda_job_acquisition_attempts_total", "camunda_job_acquired_total",
				"camunda_job_acquisition_failures_total", "camunda_jobs_due")) {
			assertThat(before.has(counter)).as(counter).isTrue();
		}
		for (String outcome : List.of("successful", "failed", "rejected")) {
			assertThat(before.has("camunda_job_executions_total", "outcome", outcome)).as(outcome).isTrue();
		}

		// a project entered long after its first talk is red; the light sweep's timer,
		// made due, opens its review
		int redDays = jdbc.sql("SELECT red_days FROM stage_threshold WHERE stage = 'NEGOTIATION'")
			.query(Integer.class)
			.single();
		long red = createProject("officer", today().minusDays(2L * redDays + 60));
		management.setJobDuedate(sweep.getId(), java.util.Date.from(java.time.Instant.now().minusSeconds(60)));
		Scrape due = scrape();
		assertThat(moved(before, due, "camunda_jobs_due")).isEqualTo(1);

		// the job executor is off in tests: run it as it would
		management.executeJob(sweep.getId());

		Scrape after = scrape();
		assertThat(moved(before, after, "camunda_job_executions_total", "outcome", "successful")).isEqualTo(1);
		assertThat(moved(before, after, "camunda_jobs_due")).isZero();
		// the sweep opens a review for every red project still without one, this one
		// among them
		assertThat(moved(before, after, "investtrack_reviews_open")).isGreaterThanOrEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM stall_review WHERE project_id = ? AND status = 'OPEN'", red))
			.isEqualTo(1);
	}

	@Test
	void everyMetricOfTheOperationsGuideIsThereFromTheStart() {
		Scrape scrape = scrape();
		for (String cause : List.of("lock_conflict", "state_moved_on")) {
			for (String outcome : List.of("retried", "recovered", "gave_up")) {
				assertThat(scrape.has("investtrack_conflicts_total", "cause", cause, "outcome", outcome))
					.as(cause + " " + outcome)
					.isTrue();
			}
		}
		for (String reason : List.of("database_unavailable", "contention")) {
			assertThat(scrape.has("investtrack_unavailable_total", "reason", reason)).as(reason).isTrue();
		}
		for (String gauge : List.of("investtrack_approvals_pending", "investtrack_reviews_open", "camunda_jobs_due")) {
			assertThat(scrape.has(gauge)).as(gauge).isTrue();
		}
		for (String result : List.of("hit", "miss")) {
			assertThat(scrape.has("investtrack_report_cache_total", "result", result)).as(result).isTrue();
		}
		var buckets = Pattern.compile("(?m)^investtrack_steps_seconds_bucket\\{.*le=\"0\\.5\"");
		assertThat(buckets.matcher(scrape.text()).find()).as("latency buckets of the steps").isTrue();
	}

	private static double moved(Scrape before, Scrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

	private Scrape scrape() {
		Response r = scrapeAs("admin");
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return new Scrape(r.raw());
	}

	/** As Prometheus asks: HTTP Basic, plain text. */
	private Response scrapeAs(String user) {
		return exchange(user, HttpMethod.GET, PROMETHEUS, null, Map.of("Accept", "text/plain"));
	}

}
