package com.investtrack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our side of the stage-step benchmark: full project paths through the JSON API over
 * HTTP, as a script or another system would drive it. A path is seven steps: create,
 * request signing, approve it, record the site decision, record the start of
 * construction, request production acceptance, accept it. Each client has its own officer
 * and manager (four-eyes) and its own keep-alive connection. The milestones fall within
 * the last ten days, so no threshold timer is due and the job executor stays out of the
 * measurement, as it does for projects recorded as they happen.
 */
final class StepLoad {

	static final int STEPS_PER_PATH = 7;

	private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);

	private final String baseUrl;

	private final String password;

	private final LocalDate today;

	private final ObjectMapper json = new ObjectMapper();

	private final AtomicInteger names = new AtomicInteger();

	/** Called around each step of {@link #onePath}; null in the timed runs. */
	private volatile StepHook hook;

	/** Around one step, outside the timed runs (e.g. to read the database's log). */
	interface StepHook {

		void around(String step, StepAnatomy.Action send) throws Exception;

	}

	StepLoad(String baseUrl, String password, LocalDate today) {
		this.baseUrl = baseUrl;
		this.password = password;
		this.today = today;
	}

	static String officer(int client) {
		return "bench-officer-" + client;
	}

	static String manager(int client) {
		return "bench-manager-" + client;
	}

	/**
	 * Runs {@code paths} full paths from {@code clients} concurrent clients; one latency
	 * per step.
	 */
	Latencies run(int clients, int paths, Duration limit) throws Exception {
		AtomicInteger remaining = new AtomicInteger(paths);
		long[] micros = new long[paths * STEPS_PER_PATH];
		AtomicInteger recorded = new AtomicInteger();
		long elapsed = concurrently(clients, limit, client -> {
			Client http = new Client(client);
			while (remaining.getAndDecrement() > 0) {
				http.path(micros, recorded);
			}
		});
		return Latencies.of(clients, Arrays.copyOf(micros, recorded.get()), elapsed);
	}

	/** What one client does, until the run's budget is spent. */
	interface ClientWork {

		void run(int client) throws Exception;

	}

	/**
	 * Runs clients 1 to {@code clients} on threads of their own, each at most
	 * {@code limit}; the wall time of the whole, in nanoseconds. Shared by every HTTP
	 * side of (a), so that they are timed alike.
	 */
	static long concurrently(int clients, Duration limit, ClientWork work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 1; c <= clients; c++) {
			int client = c;
			futures.add(pool.submit(() -> {
				work.run(client);
				return null;
			}));
		}
		try {
			for (Future<?> f : futures) {
				f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return System.nanoTime() - start;
	}

	/** One path from client 1, each step wrapped in the hook. */
	void onePath(StepHook around) throws Exception {
		hook = around;
		try {
			new Client(1).path(new long[STEPS_PER_PATH], new AtomicInteger());
		}
		finally {
			hook = null;
		}
	}

	private final class Client {

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final String officer;

		private final String officerAuth;

		private final String managerAuth;

		Client(int client) {
			this.officer = officer(client);
			this.officerAuth = basic(officer);
			this.managerAuth = basic(manager(client));
		}

		void path(long[] micros, AtomicInteger recorded) throws Exception {
			Map<String, Object> project = new LinkedHashMap<>();
			project.put("name", "Bench project " + names.incrementAndGet());
			project.put("investor", "Bench investor");
			project.put("industryCode", "EQUIPMENT");
			project.put("parkCode", "JS-IMP");
			project.put("assetModel", "HEAVY");
			project.put("investmentAmountYuan", 120_000_000);
			project.put("landAreaM2", 50_000);
			project.put("officer", officer);
			project.put("negotiationStartedOn", today.minusDays(10).toString());
			JsonNode created = step("create", micros, recorded, officerAuth, "/api/projects", project, 201);
			long id = created.get("id").asLong();
			String advance = "/api/projects/" + id + "/advance";
			JsonNode requested = step("request signing", micros, recorded, officerAuth, advance, advance("SIGNING", 8),
					202);
			decide("approve signing", micros, recorded, requested);
			step("advance to site selection", micros, recorded, officerAuth, advance, advance("SITE_SELECTION", 6),
					200);
			step("advance to construction", micros, recorded, officerAuth, advance, advance("CONSTRUCTION", 4), 200);
			requested = step("request production", micros, recorded, officerAuth, advance, advance("PRODUCTION", 0),
					202);
			decide("approve production", micros, recorded, requested);
		}

		private void decide(String label, long[] micros, AtomicInteger recorded, JsonNode requested) throws Exception {
			String taskId = requested.get("pendingApproval").get("taskId").asText();
			step(label, micros, recorded, managerAuth, "/api/tasks/" + taskId + "/decision",
					Map.of("decision", "APPROVE", "comment", "approved in the benchmark"), 200);
		}

		private Map<String, Object> advance(String to, int daysAgo) {
			return Map.of("to", to, "effectiveOn", today.minusDays(daysAgo).toString());
		}

		private JsonNode step(String label, long[] micros, AtomicInteger recorded, String auth, String path,
				Object body, int expected) throws Exception {
			StepHook around = hook;
			if (around == null) {
				return send(micros, recorded, auth, path, body, expected);
			}
			JsonNode[] answer = new JsonNode[1];
			around.around(label, () -> answer[0] = send(micros, recorded, auth, path, body, expected));
			return answer[0];
		}

		private JsonNode send(long[] micros, AtomicInteger recorded, String auth, String path, Object body,
				int expected) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(REQUEST_LIMIT)
				.header("Authorization", auth)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
				.build();
			long t0 = System.nanoTime();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			long took = (System.nanoTime() - t0) / 1000;
			if (response.statusCode() != expected) {
				throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " instead of "
						+ expected + ": " + new String(response.body(), StandardCharsets.UTF_8));
			}
			micros[recorded.getAndIncrement()] = took;
			return json.readTree(response.body());
		}

	}

	private String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
