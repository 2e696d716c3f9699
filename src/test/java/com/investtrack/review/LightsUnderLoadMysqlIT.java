package com.investtrack.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.InvestTrackApplication;
import com.investtrack.plan.Lights;
import com.investtrack.project.Health;
import com.investtrack.project.ProjectService;
import com.investtrack.support.TestData;
import com.investtrack.support.TestDatabase;

/**
 * Two nodes on one MariaDB database, both running the job executor, the light sweep every
 * two seconds, and clients sending back-dated steps and plan revisions to both while the
 * sweep opens and closes reviews of the same projects. Afterwards: no answer was a 5xx,
 * every red project has exactly one active review and no other project has one.
 */
class LightsUnderLoadMysqlIT {

	private static final String DATABASE = "invest_lights_it";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * The first projects, which no client touches, stay red: without them every project
	 * may have reached production or a later agreed date by the end on a fast machine,
	 * and the test would prove nothing about red projects.
	 */
	private static final int UNTOUCHED = 5;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

	private static final List<String> BASES = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	@BeforeAll
	static void startTwoNodes() throws Exception {
		TestDatabase.requireMysql();
		String server = TestDatabase.mysqlUrl().replaceFirst("/[^/?]+(\\?|$)", "/$1");
		try (var c = DriverManager.getConnection(server, TestDatabase.mysqlUser(), TestDatabase.mysqlPassword())) {
			c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE);
			c.createStatement().execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
		String url = server.replaceFirst("/(\\?|$)", "/" + DATABASE + "$1");
		for (String node : List.of("a", "b")) {
			// as command-line arguments, so that they win over
			// application-mysql.properties
			ConfigurableApplicationContext context = new SpringApplicationBuilder(InvestTrackApplication.class)
				.profiles("mysql")
				.run("--server.port=0", "--spring.datasource.url=" + url,
						"--spring.datasource.username=" + TestDatabase.mysqlUser(),
						"--spring.datasource.password=" + TestDatabase.mysqlPassword(), "--app.demo-data=false",
						"--camunda.bpm.process-engine-name=lights-" + node, "--camunda.bpm.job-execution.enabled=true",
						"--app.lights.sweep-cycle=R/PT2S", "--camunda.bpm.job-execution.wait-time-in-millis=500",
						"--logging.level.org.camunda=WARN");
			NODES.add(context);
			BASES.add("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
			if (NODES.size() == 1) {
				TestData.ensure(context.getBean(JdbcClient.class), TestData.demoHash());
			}
		}
	}

	@AfterAll
	static void stopNodes() {
		NODES.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void backDatedStepsRacingTheSweepNeverFailAndLeaveOneReviewPerRedProject() throws Exception {
		LocalDate today = LocalDate.now(ZONE);
		List<Long> projects = new ArrayList<>();
		Random random = new Random(7);
		for (int i = 0; i < 40; i++) {
			// entered months ago, as an imported or late-entered project is, most with an
			// agreed signing date already
			// passed: their lights are due while the steps run
			LocalDate start = today.minusDays(60 + random.nextInt(200));
			Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("name", "Load project " + i);
			body.put("investor", "Investor " + i);
			body.put("industryCode", "EQUIPMENT");
			body.put("parkCode", "JS-IMP");
			body.put("assetModel", "HEAVY");
			body.put("totalInvestmentWan", 5000 + i);
			body.put("negotiationStartedOn", start.toString());
			if (i < UNTOUCHED) {
				// left alone by the clients and a month and a half behind: red whatever
				// the steps on the others do
				body.put("plan", Map.of("SIGNING", today.minusDays(45).toString()));
			}
			else if (i % 4 != 0) {
				body.put("plan", Map.of("SIGNING", start.plusDays(20 + random.nextInt(60)).toString()));
			}
			JsonNode created = call(i, "officer", "POST", "/api/projects", body);
			projects.add(created.get("id").asLong());
		}

		ExecutorService clients = Executors.newFixedThreadPool(4);
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
		for (int c = 0; c < 4; c++) {
			int client = c;
			clients.submit(() -> {
				Random r = new Random(client);
				int n = 0;
				while (System.nanoTime() < until) {
					long id = projects.get(UNTOUCHED + r.nextInt(projects.size() - UNTOUCHED));
					step(n++, id, r, today);
				}
				return null;
			});
		}
		clients.shutdown();
		assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();

		// Let the sweep catch up with the last steps, then judge: wait for two
		// more runs of the nodes' own job executors. A cycle's next timer is
		// created in the run before it, so runs never overlap: the second began
		// after the first had committed, after every step was answered. Running
		// the timer job by hand raced the job executors for the same job.
		HistoryService history = NODES.get(0).getBean(HistoryService.class);
		long runsBefore = sweepRuns(history);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (sweepRuns(history) < runsBefore + 2) {
			assertThat(System.nanoTime() - deadline).as("two more runs of the sweep within a minute").isNegative();
			Thread.sleep(200);
		}
		ManagementService management = NODES.get(0).getBean(ManagementService.class);

		System.out.println("Answers by status: " + statuses);
		assertThat(statuses.keySet()).as("answers seen: %s", statuses).allMatch(s -> s < 500);
		assertThat(statuses.getOrDefault(200, new AtomicInteger()).get()).as("steps done").isGreaterThan(50);
		Lights lights = NODES.get(0).getBean(Lights.class);
		ProjectService repository = NODES.get(0).getBean(ProjectService.class);
		List<Long> red = repository.ids(lights.condition(Health.RED));
		JdbcClient jdbc = NODES.get(0).getBean(JdbcClient.class);
		for (long id : projects) {
			long active = jdbc
				.sql("SELECT COUNT(*) FROM stall_review WHERE project_id = ? AND active_project_id IS NOT NULL")
				.param(id)
				.query(Long.class)
				.single();
			assertThat(active).as("active reviews of project %d (red: %s)", id, red.contains(id))
				.isEqualTo(red.contains(id) ? 1 : 0);
		}
		assertThat(red).as("the untouched projects stayed red").containsAll(projects.subList(0, UNTOUCHED));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM stall_review WHERE status = 'CLOSED'").query(Long.class).single())
			.as("reviews closed when their project left the red")
			.isPositive();
		assertThat(management.createJobQuery().withException().count()).as("failed jobs").isZero();
	}

	/**
	 * Successful runs of the light sweep so far, on either node (the job log keeps them).
	 */
	private static long sweepRuns(HistoryService history) {
		return history.createHistoricJobLogQuery()
			.processDefinitionKey(ReviewModel.SWEEP_PROCESS_ID)
			.successLog()
			.count();
	}

	/**
	 * One client step on a project: advance it (back-dated), approve a pending request,
	 * or move its agreed date.
	 */
	private void step(int n, long id, Random r, LocalDate today) throws Exception {
		JsonNode project = call(n, "manager", "GET", "/api/projects/" + id, null);
		if (project == null || !project.get("outcome").asText().equals("ACTIVE")) {
			return;
		}
		if (!project.get("pendingApproval").isNull()) {
			String task = project.get("pendingApproval").get("taskId").asText();
			call(n + 1, "manager", "POST", "/api/tasks/" + task + "/decision",
					Map.of("decision", "APPROVE", "comment", "approved under load"));
			return;
		}
		LocalDate entered = LocalDate.parse(project.get("stageEnteredOn").asText());
		switch (r.nextInt(5)) {
			case 0 -> {
				String next = project.get("stage").asText().equals("CONSTRUCTION") ? "PRODUCTION"
						: switch (project.get("stage").asText()) {
							case "NEGOTIATION" -> "SIGNING";
							case "SIGNING" -> "SITE_SELECTION";
							default -> "CONSTRUCTION";
						};
				long span = Math.max(0, today.toEpochDay() - entered.toEpochDay());
				LocalDate on = entered.plusDays(span == 0 ? 0 : r.nextLong(span + 1));
				call(n + 1, "officer", "POST", "/api/projects/" + id + "/advance",
						Map.of("to", next, "effectiveOn", on.toString()));
			}
			default -> {
				// agreed dates moved back and forth turn projects red and green while the
				// sweep looks at them
				String next = switch (project.get("stage").asText()) {
					case "NEGOTIATION" -> "SIGNING";
					case "SIGNING" -> "SITE_SELECTION";
					case "SITE_SELECTION" -> "CONSTRUCTION";
					default -> "PRODUCTION";
				};
				// mostly a month or more late (red), otherwise still ahead (green)
				LocalDate agreed = r.nextInt(10) < 6 ? today.minusDays(31 + r.nextInt(60))
						: today.plusDays(r.nextInt(60));
				if (agreed.isBefore(entered)) {
					agreed = entered;
				}
				call(n + 1, "officer", "PUT", "/api/projects/" + id + "/plan",
						Map.of("dates", Map.of(next, agreed.toString()), "reason", "renegotiated under load"));
			}
		}
	}

	/**
	 * Sends a request to node n % 2 with HTTP Basic; counts the answer's status; returns
	 * the body on 2xx.
	 */
	private JsonNode call(int n, String user, String method, String path, Object body) throws Exception {
		String base = BASES.get(n % BASES.size());
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (body == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
		if (response.statusCode() >= 500) {
			System.err.println(method + " " + path + " -> " + response.statusCode() + " " + response.body());
		}
		return response.statusCode() / 100 == 2 ? JSON.readTree(response.body()) : null;
	}

}
