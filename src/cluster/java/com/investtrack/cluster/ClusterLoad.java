package com.investtrack.cluster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.investtrack.cluster.ClusterApi.Answer;
import com.investtrack.cluster.ClusterApi.Delivery;
import com.investtrack.cluster.ClusterLedger.Outcome;
import com.investtrack.cluster.ClusterLedger.Step;

/**
 * What the simulated users share, and the three ways a step is sent: alone; alone and
 * then repeated with the same Idempotency-Key (after the answer, or at the same moment to
 * the other node); or as one of a conflicting pair, two different requests for the same
 * step sent to the two nodes at once.
 */
final class ClusterLoad {

	/** Share of steps sent as conflicting pairs, and share repeated with the same key. */
	static final double PAIRS = 0.10;

	static final double REPEATS = 0.10;

	/**
	 * A user's pause between two steps (system property {@code cluster.thinkMillis}): 40
	 * ms in the full run, which keeps the machine saturated; 250 ms in the short one,
	 * which is about a few hundred steps, not throughput.
	 */
	static final long THINK_MILLIS = Long.getLong("cluster.thinkMillis",
			Boolean.getBoolean("cluster.short") ? 250 : 40);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** A step's answer and the outcome recorded for it. */
	record Sent(Outcome outcome, Answer answer) {
	}

	final ClusterApi api;

	final ClusterLedger ledger;

	final LocalDate today = today();

	final List<String> managers;

	private final ExecutorService partners;

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	ClusterLoad(ClusterApi api, ClusterLedger ledger, List<String> managers, ExecutorService partners) {
		this.api = api;
		this.ledger = ledger;
		this.managers = managers;
		this.partners = partners;
	}

	/**
	 * Today where the bureau is (app.time-zone), the day the nodes judge the lights on.
	 */
	static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	boolean stopping() {
		return stopping.get() || Thread.currentThread().isInterrupted();
	}

	void stop() {
		stopping.set(true);
	}

	/** A simulated user met something that must not happen; the test fails with it. */
	void fail(String user, Throwable problem) {
		failures.add(user + ": " + problem);
		problem.printStackTrace();
	}

	List<String> failures() {
		return List.copyOf(failures);
	}

	static double random() {
		return ThreadLocalRandom.current().nextDouble();
	}

	/**
	 * Sends a step alone; a share of them is repeated with the same key and must get the
	 * same answer.
	 */
	Sent alone(Step step, String path, Object body) {
		ClusterNode node = api.randomNode();
		double r = random();
		if (r < REPEATS / 2) {
			Future<Delivery> twin = partners
				.submit(() -> api.deliver(api.other(node), step.user(), "POST", path, body, step.key()));
			Delivery first = api.deliver(node, step.user(), "POST", path, body, step.key());
			Delivery second = await(twin);
			Delivery counted = first.answer().acknowledged() || !second.answer().acknowledged() ? first : second;
			Outcome outcome = ledger.record(step, counted);
			if (!first.inDoubt() && !second.inDoubt()
					&& (first.answer().acknowledged() || second.answer().acknowledged())) {
				ledger.repeat(true, first, second, step.kind() + " " + path);
			}
			return new Sent(outcome, counted.answer());
		}
		Delivery delivery = api.deliver(node, step.user(), "POST", path, body, step.key());
		Outcome outcome = ledger.record(step, delivery);
		if (r < REPEATS && delivery.answer().acknowledged()) {
			Delivery again = api.deliver(api.other(node), step.user(), "POST", path, body, step.key());
			if (!again.inDoubt()) {
				ledger.repeat(false, delivery, again, step.kind() + " " + path);
			}
		}
		return new Sent(outcome, delivery.answer());
	}

	/**
	 * Sends two different requests for the same step to the two nodes at once; returns
	 * both.
	 */
	List<Sent> pair(Step step, String path, Object body, Step rival, String rivalPath, Object rivalBody) {
		ClusterNode node = api.randomNode();
		ClusterNode otherNode = api.other(node);
		if (otherNode != node) {
			ledger.pairsAcrossNodes.incrementAndGet();
		}
		Future<Delivery> other = partners
			.submit(() -> api.deliver(otherNode, rival.user(), "POST", rivalPath, rivalBody, rival.key()));
		Delivery mine = api.deliver(node, step.user(), "POST", path, body, step.key());
		Delivery theirs = await(other);
		Outcome first = ledger.record(step, mine);
		Outcome second = ledger.record(rival, theirs);
		ledger.pair(first, second, mine, theirs);
		return List.of(new Sent(first, mine.answer()), new Sent(second, theirs.answer()));
	}

	private static Delivery await(Future<Delivery> future) {
		try {
			return future.get(10, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the partner request failed", ex);
		}
	}

}
