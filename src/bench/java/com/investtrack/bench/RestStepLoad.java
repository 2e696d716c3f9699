package com.investtrack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST baseline of the stage-step benchmark: the same five-user-task model as the
 * plain side, driven through Camunda's own REST API
 * ({@code camunda-bpm-spring-boot-starter-rest} with its HTTP Basic filter on) the way
 * its clients drive it. A step is starting an instance ({@code POST
 * /process-definition/key/{key}/start}), or finding the instance's open task
 * ({@code GET /task?processInstanceId=}) and completing it ({@code POST
 * /task/{id}/complete}): two requests, timed as one step. Each client has its own
 * keep-alive connection; the variables are the plain side's.
 */
final class RestStepLoad {

	static final String USER = "benchrest";

	private static final String PROCESS = "five-user-tasks";

	private static final int TASKS = 5;

	private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);

	private final String baseUrl;

	private final String auth;

	private final ObjectMapper json = new ObjectMapper();

	private final AtomicLong instances = new AtomicLong();

	RestStepLoad(String baseUrl, String password) {
		this.baseUrl = baseUrl + "/engine-rest";
		this.auth = "Basic "
				+ Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Exactly {@code steps} steps from {@code clients} concurrent clients. */
	Latencies run(int clients, int steps, Duration limit) throws Exception {
		AtomicInteger budget = new AtomicInteger(steps);
		long[] micros = new long[steps];
		AtomicInteger recorded = new AtomicInteger();
		long elapsed = StepLoad.concurrently(clients, limit, client -> {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			while (budget.get() > 0) {
				path(http, budget, micros, recorded);
			}
		});
		return Latencies.of(clients, Arrays.copyOf(micros, recorded.get()), elapsed);
	}

	/** One instance from start to end, one step at a time, while the budget lasts. */
	private void path(HttpClient http, AtomicInteger budget, long[] micros, AtomicInteger recorded)
			throws IOException, InterruptedException {
		if (budget.getAndDecrement() <= 0) {
			return;
		}
		long n = instances.incrementAndGet();
		String start = """
				{"businessKey":"rest-%d","variables":{"officer":{"value":"officer","type":"String"},\
				"projectId":{"value":%d,"type":"Long"}}}""".formatted(n, n);
		long t0 = System.nanoTime();
		String instanceId = send(http, post("/process-definition/key/" + PROCESS + "/start", start), 200).get("id")
			.asText();
		micros[recorded.getAndIncrement()] = (System.nanoTime() - t0) / 1000;
		for (int i = 0; i < TASKS; i++) {
			if (budget.getAndDecrement() <= 0) {
				return;
			}
			long t1 = System.nanoTime();
			JsonNode open = send(http, request("/task?processInstanceId=" + instanceId).GET().build(), 200);
			String complete = """
					{"variables":{"effectiveOn":{"value":"%s","type":"String"}}}""".formatted(LocalDate.now());
			send(http, post("/task/" + open.get(0).get("id").asText() + "/complete", complete), 204);
			micros[recorded.getAndIncrement()] = (System.nanoTime() - t1) / 1000;
		}
	}

	private HttpRequest post(String path, String body) {
		return request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(REQUEST_LIMIT)
			.header("Authorization", auth)
			.header("Accept", "application/json");
	}

	private JsonNode send(HttpClient http, HttpRequest request, int expected) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
		}
		return response.body().length == 0 ? null : json.readTree(response.body());
	}

}
