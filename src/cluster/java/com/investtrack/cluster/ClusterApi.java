package com.investtrack.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulated users' HTTP client, and the rule they follow when an answer is not
 * definitive: a connection error, a timeout, a 503 or any other 5xx means "not
 * acknowledged", so the same request is sent again, with the same Idempotency-Key, to
 * whichever node answers, until a definitive answer (2xx or 4xx) or the patience runs
 * out.
 */
final class ClusterApi {

	static final String PASSWORD = "cluster-Pa55";

	/** An answer; status -1 when none came (connection refused or reset, timeout). */
	record Answer(int status, JsonNode body, String raw, boolean replayed, boolean retryAfter, String node, long millis,
			String error) {

		boolean acknowledged() {
			return status >= 200 && status < 300;
		}

		/**
		 * Not an answer to act on: no answer, a server failure, or the same key still
		 * being worked on elsewhere.
		 */
		boolean undecided() {
			return status < 0 || status >= 500
					|| (status == 409 && raw != null && raw.contains("still being processed"));
		}

	}

	/**
	 * The final answer to a request after retries, how many sends it took, and the first
	 * answer (which node took the request first, and with what); undecided when patience
	 * ran out.
	 */
	record Delivery(Answer answer, int sends, Answer first) {

		/**
		 * Whether this request and that one were each taken by a live node at their first
		 * send, two different nodes.
		 */
		boolean metAnotherLiveNodeThan(Delivery that) {
			return first.status() > 0 && that.first.status() > 0 && !first.node().equals(that.first.node());
		}

		boolean inDoubt() {
			return answer.undecided();
		}

	}

	/** A file sent as multipart/form-data in the field {@code file}. */
	record Upload(String fileName, String contentType, byte[] content) {
	}

	private static final Duration PATIENCE = Duration.ofSeconds(150);

	private final HttpClient http;

	private final ObjectMapper json;

	private final List<ClusterNode> nodes;

	private final ClusterLedger ledger;

	ClusterApi(HttpClient http, ObjectMapper json, List<ClusterNode> nodes, ClusterLedger ledger) {
		this.http = http;
		this.json = json;
		this.nodes = nodes;
		this.ledger = ledger;
	}

	/**
	 * A node that did not answer is avoided for a moment, as a load balancer does (nginx:
	 * max_fails, fail_timeout).
	 */
	private final Map<ClusterNode, Instant> avoidUntil = new ConcurrentHashMap<>();

	ClusterNode randomNode() {
		List<ClusterNode> up = nodes.stream().filter(this::up).toList();
		List<ClusterNode> from = up.isEmpty() ? nodes : up;
		return from.get(ThreadLocalRandom.current().nextInt(from.size()));
	}

	/** The next node after this one that is up; this one when no other is. */
	ClusterNode other(ClusterNode node) {
		for (int i = 1; i < nodes.size(); i++) {
			ClusterNode candidate = nodes.get((nodes.indexOf(node) + i) % nodes.size());
			if (up(candidate)) {
				return candidate;
			}
		}
		return node;
	}

	private boolean up(ClusterNode node) {
		Instant until = avoidUntil.get(node);
		return until == null || Instant.now().isAfter(until);
	}

	/** Sends once and records the answer's status in the ledger. */
	Answer send(ClusterNode node, String user, String method, String path, Object body, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.header("Authorization", basic(user));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		try {
			if (body instanceof Upload upload) {
				String boundary = "cluster-" + java.util.UUID.randomUUID();
				byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
						+ upload.fileName() + "\"\r\nContent-Type: " + upload.contentType() + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8);
				byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
				var bytes = new java.io.ByteArrayOutputStream();
				bytes.writeBytes(head);
				bytes.writeBytes(upload.content());
				bytes.writeBytes(tail);
				request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
				request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
			}
			else {
				request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
				if (body != null) {
					request.header("Content-Type", "application/json");
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
		Instant sent = Instant.now();
		Answer answer;
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = null;
			try {
				parsed = response.body().isBlank() ? null : json.readTree(response.body());
			}
			catch (IOException ex) {
				parsed = null;
			}
			answer = new Answer(response.statusCode(), parsed, response.body(),
					response.headers().firstValue("Idempotent-Replayed").isPresent(),
					response.headers().firstValue("Retry-After").isPresent(), node.name(),
					Duration.between(sent, Instant.now()).toMillis(), null);
		}
		catch (IOException ex) {
			avoidUntil.put(node, Instant.now().plusSeconds(2));
			answer = new Answer(-1, null, null, false, false, node.name(),
					Duration.between(sent, Instant.now()).toMillis(), ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer = new Answer(-1, null, null, false, false, node.name(), 0, "interrupted");
		}
		ledger.answered(method, path, answer, sent);
		return answer;
	}

	/**
	 * Sends until the answer is definitive, first to {@code first}, then alternating
	 * nodes; bounded in time.
	 */
	Delivery deliver(ClusterNode first, String user, String method, String path, Object body, String key) {
		Instant deadline = Instant.now().plus(PATIENCE);
		ClusterNode node = first;
		int sends = 0;
		boolean met503 = false;
		Answer firstAnswer = null;
		while (true) {
			Answer answer = send(node, user, method, path, body, key);
			sends++;
			if (firstAnswer == null) {
				firstAnswer = answer;
			}
			if (!answer.undecided() || Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
				if (met503) {
					ledger.retriedAfter503.incrementAndGet();
					if (!answer.undecided()) {
						ledger.retriedAfter503Definitive.incrementAndGet();
					}
				}
				return new Delivery(answer, sends, firstAnswer);
			}
			met503 |= answer.status() == 503;
			pause(Math.min(2000, 150L * sends));
			node = other(node);
		}
	}

	/** A read, retried the same way. */
	Answer get(String user, String path) {
		return deliver(randomNode(), user, "GET", path, null, null).answer();
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis + ThreadLocalRandom.current().nextLong(Math.max(1, millis / 2)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
