package com.investtrack.cluster;

import java.util.concurrent.atomic.AtomicReference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the simulated users were told: every step with its final result, and every single
 * answer's status. The database is later checked against this ledger, never against the
 * application's own view of itself.
 */
final class ClusterLedger {

	enum Kind {

		CREATE, CREATE_BACKDATED, ADVANCE, DROP, DECIDE, ACKNOWLEDGE,
		/** A progress entry (周调度) on one's own project. */
		PROGRESS,
		/** A supervision notice (督办单) a manager issues on a project. */
		NOTICE,
		/**
		 * The confirmation of a ledger import: many projects created at once, or none.
		 */
		IMPORT

	}

	/**
	 * ACKED: a 2xx reached the client. REFUSED: a 4xx. IN_DOUBT: no definitive answer
	 * despite retries.
	 */
	enum Result {

		ACKED, REFUSED, IN_DOUBT

	}

	/**
	 * One step a user tried: for decisions, the project and stage come from the inbox
	 * item decided.
	 */
	record Step(Kind kind, String user, Long projectId, String stage, String decision, LocalDate effectiveOn,
			String key) {
	}

	/**
	 * A step and what came of it; projectId is the created project's id for an
	 * acknowledged creation.
	 */
	record Outcome(Step step, Result result, int status, Long projectId, int sends) {
	}

	private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();

	/**
	 * The first refusals other than conflicts (400, 403, 404, 422): each means a user
	 * sent something wrong.
	 */
	private final Queue<String> refusals = new ConcurrentLinkedQueue<>();

	private final AtomicLong slowestRefusal = new AtomicLong();

	private final AtomicReference<String> slowestRefusalWhat = new AtomicReference<>("");

	private final Queue<Long> writeMillis = new ConcurrentLinkedQueue<>();

	private final AtomicLong slowestWrite = new AtomicLong();

	private final AtomicReference<String> slowestWriteWhat = new AtomicReference<>("");

	private final AtomicInteger answersWithRetryAfter = new AtomicInteger();

	final AtomicInteger pairs = new AtomicInteger();

	final AtomicInteger pairsAcrossNodes = new AtomicInteger();

	/**
	 * Pairs whose two requests were taken at their first send by two different live
	 * nodes: a race between nodes.
	 */
	final AtomicInteger pairsReachedTwoNodes = new AtomicInteger();

	final AtomicInteger pairsOneApplied = new AtomicInteger();

	final AtomicInteger pairsBothApplied = new AtomicInteger();

	final AtomicInteger pairsNoneApplied = new AtomicInteger();

	final AtomicInteger pairsDisturbed = new AtomicInteger();

	/**
	 * One step of each pair of which both requests were applied, to be explained from the
	 * audit trail.
	 */
	final Queue<Step> bothApplied = new ConcurrentLinkedQueue<>();

	final Queue<String> pairLosersNot409 = new ConcurrentLinkedQueue<>();

	final AtomicInteger repeats = new AtomicInteger();

	final AtomicInteger concurrentRepeats = new AtomicInteger();

	/**
	 * Repeats taken at their first send by another live node than the first request (the
	 * answer may come later from the first node: a repeat that meets the first request
	 * still in progress is told 409 and sent again there).
	 */
	final AtomicInteger repeatsAcrossNodes = new AtomicInteger();

	/**
	 * Requests answered 503 (database restart or contention) and then sent again until a
	 * definitive answer.
	 */
	final AtomicInteger retriedAfter503 = new AtomicInteger();

	final AtomicInteger retriedAfter503Definitive = new AtomicInteger();

	final AtomicInteger repeatsReplayedIdentically = new AtomicInteger();

	final Queue<String> repeatMismatches = new ConcurrentLinkedQueue<>();

	/**
	 * Every answer: when its request was sent (epoch ms), how long it took, its status.
	 */
	private final Queue<long[]> timeline = new ConcurrentLinkedQueue<>();

	void answered(String method, String path, ClusterApi.Answer answer, java.time.Instant sent) {
		timeline.add(new long[] { sent.toEpochMilli(), answer.millis(), answer.status() });
		statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
		if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 409 && refusals.size() < 20) {
			refusals.add(answer.status() + " " + method + " " + path + ": " + answer.raw());
		}
		if (answer.status() >= 500 && answer.status() != 503) {
			serverErrors
				.add(answer.status() + " " + method + " " + path + " on " + answer.node() + ": " + answer.raw());
		}
		if (answer.status() == 503 || answer.status() < 0) {
			if (answer.millis() > slowestRefusal.getAndAccumulate(answer.millis(), Math::max)) {
				slowestRefusalWhat.set(method + " " + path + " on " + answer.node() + " ("
						+ (answer.status() < 0 ? answer.error() : "503") + ")");
			}
		}
		if (!"GET".equals(method) && answer.status() >= 200 && answer.status() < 500) {
			writeMillis.add(answer.millis());
			if (answer.millis() > slowestWrite.getAndAccumulate(answer.millis(), Math::max)) {
				slowestWriteWhat.set(method + " " + path + " on " + answer.node() + " answered " + answer.status());
			}
		}
		if (answer.status() == 503 && answer.retryAfter()) {
			answersWithRetryAfter.incrementAndGet();
		}
	}

	Outcome record(Step step, ClusterApi.Delivery delivery) {
		ClusterApi.Answer answer = delivery.answer();
		Result result = delivery.inDoubt() ? Result.IN_DOUBT : answer.acknowledged() ? Result.ACKED : Result.REFUSED;
		Long projectId = step.projectId();
		if (result == Result.ACKED && answer.body() != null && answer.body().has("id") && projectId == null) {
			projectId = answer.body().get("id").asLong();
		}
		if (result == Result.ACKED && answer.body() != null && step.projectId() == null && !answer.body().has("id")
				&& step.kind() != Kind.IMPORT) {
			throw new IllegalStateException("An acknowledged creation without an id: " + answer.raw());
		}
		Outcome outcome = new Outcome(step, result, answer.status(), projectId, delivery.sends());
		outcomes.add(outcome);
		if (result == Result.ACKED) {
			acknowledged.incrementAndGet();
		}
		return outcome;
	}

	/**
	 * Two different requests for the same step, sent to both nodes at once: exactly one
	 * may apply. A pair one side of which met a fault and was sent again later is no
	 * longer simultaneous (the state may have moved on in between, e.g. a rejected
	 * request may be asked again); it is counted apart, and its steps are checked one by
	 * one like all.
	 */
	void pair(Outcome first, Outcome second, ClusterApi.Delivery mine, ClusterApi.Delivery theirs) {
		pairs.incrementAndGet();
		if (mine.metAnotherLiveNodeThan(theirs)) {
			pairsReachedTwoNodes.incrementAndGet();
		}
		long applied = List.of(first, second).stream().filter(o -> o.result() == Result.ACKED).count();
		if (first.sends() > 1 || second.sends() > 1) {
			pairsDisturbed.incrementAndGet();
			return;
		}
		(applied == 2 ? pairsBothApplied : applied == 1 ? pairsOneApplied : pairsNoneApplied).incrementAndGet();
		if (applied == 2) {
			bothApplied.add(first.step());
		}
		if (applied == 1 && first.status() != 409 && second.status() != 409) {
			pairLosersNot409.add(first.step() + " " + first.status() + " / " + second.step() + " " + second.status());
		}
	}

	void repeat(boolean concurrent, ClusterApi.Delivery once, ClusterApi.Delivery twice, String what) {
		ClusterApi.Answer first = once.answer();
		ClusterApi.Answer again = twice.answer();
		repeats.incrementAndGet();
		if (concurrent) {
			concurrentRepeats.incrementAndGet();
		}
		if (twice.metAnotherLiveNodeThan(once)) {
			repeatsAcrossNodes.incrementAndGet();
		}
		if (first.status() == again.status() && java.util.Objects.equals(first.body(), again.body())) {
			repeatsReplayedIdentically.incrementAndGet();
		}
		else {
			repeatMismatches
				.add(what + ": " + first.status() + " " + first.raw() + " then " + again.status() + " " + again.raw());
		}
	}

	/**
	 * Answers of one status sent between from and to (epoch of sending), e.g. the 503s of
	 * a database restart.
	 */
	int sentBetween(java.time.Instant from, java.time.Instant to, int status) {
		int n = 0;
		for (long[] a : timeline) {
			if (a[2] == status && a[0] + a[1] >= from.toEpochMilli() && a[0] <= to.toEpochMilli()) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Statuses of the requests that were in flight at some moment between from and to,
	 * and the slowest of them.
	 */
	String during(java.time.Instant from, java.time.Instant to) {
		Map<Integer, Integer> counts = new java.util.TreeMap<>();
		long slowest = 0;
		for (long[] a : timeline) {
			if (a[0] <= to.toEpochMilli() && a[0] + a[1] >= from.toEpochMilli()) {
				counts.merge((int) a[2], 1, Integer::sum);
				slowest = Math.max(slowest, a[1]);
			}
		}
		return counts.entrySet()
			.stream()
			.map(e -> (e.getKey() < 0 ? "no answer" : String.valueOf(e.getKey())) + ": " + e.getValue())
			.collect(java.util.stream.Collectors.joining(", ")) + "; slowest " + slowest + " ms";
	}

	int acknowledged() {
		return acknowledged.get();
	}

	List<Outcome> outcomes() {
		return new ArrayList<>(outcomes);
	}

	int status(int status) {
		AtomicInteger n = statuses.get(status);
		return n == null ? 0 : n.get();
	}

	int answers() {
		return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	List<String> refusals() {
		return new ArrayList<>(refusals);
	}

	List<String> serverErrors() {
		return new ArrayList<>(serverErrors);
	}

	long slowestRefusalMillis() {
		return slowestRefusal.get();
	}

	String slowestWriteWhat() {
		return slowestWriteWhat.get();
	}

	String slowestRefusalWhat() {
		return slowestRefusalWhat.get();
	}

	/** Percentile of the time writes took to get a definitive answer, in milliseconds. */
	long writePercentile(double p) {
		List<Long> sorted = new ArrayList<>(writeMillis);
		if (sorted.isEmpty()) {
			return 0;
		}
		java.util.Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
	}

	int answersWithRetryAfter() {
		return answersWithRetryAfter.get();
	}

	Map<Integer, AtomicInteger> statuses() {
		return statuses;
	}

}
