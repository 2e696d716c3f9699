package com.investtrack.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.investtrack.cluster.ClusterApi.Delivery;

/**
 * Two managers publish last month's bulletin at the same moment, one on each node, while
 * the database server is down: the month's figures are frozen once, whatever the restart
 * and the race. Afterwards exactly one of them was told 201 and the other 409, one row
 * holds the published bulletin, the audit trail records its SHA-256 once, and the
 * published bulletin read back carries that hash.
 */
final class ClusterBulletin {

	private final ClusterApi api;

	private final List<String> managers;

	private final int year;

	private final int month;

	private final List<Delivery> answers = new ArrayList<>();

	private final List<Future<Delivery>> sending = new ArrayList<>();

	ClusterBulletin(ClusterApi api, List<String> managers, LocalDate today) {
		this.api = api;
		this.managers = managers;
		LocalDate last = today.minusMonths(1);
		this.year = last.getYear();
		this.month = last.getMonthValue();
	}

	private String path() {
		return "/api/reports/monthly/" + year + "/" + month + "/publish";
	}

	/**
	 * Sends the two publications, one to each node, from {@code partners}; returns at
	 * once.
	 */
	void start(List<ClusterNode> nodes, ExecutorService partners) {
		for (int i = 0; i < 2; i++) {
			ClusterNode node = nodes.get(i % nodes.size());
			String manager = managers.get(i);
			sending.add(partners
				.submit(() -> api.deliver(node, manager, "POST", path(), null, UUID.randomUUID().toString())));
		}
	}

	/** Waits for both definitive answers (the clients retry through the restart). */
	void await() throws Exception {
		for (Future<Delivery> f : sending) {
			answers.add(f.get(5, TimeUnit.MINUTES));
		}
	}

	List<String> problems(JdbcClient db) {
		List<String> problems = new ArrayList<>();
		if (answers.size() != 2) {
			problems.add("the bulletin's publications did not finish");
			return problems;
		}
		List<Integer> statuses = answers.stream().map(d -> d.answer().status()).sorted().toList();
		if (!statuses.equals(List.of(201, 409))) {
			problems.add("two managers publishing " + year + "-" + month + " at once were answered " + statuses
					+ ", not one 201 and one 409");
		}
		List<String> stored = db
			.sql("SELECT sha256 FROM bulletin_published WHERE bulletin_year = ? AND " + "bulletin_month = ?")
			.params(year, month)
			.query(String.class)
			.list();
		if (stored.size() != 1) {
			problems.add(stored.size() + " published bulletins of " + year + "-" + month);
			return problems;
		}
		int audited = db.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'BULLETIN_PUBLISHED' AND details LIKE ?")
			.param("%sha256=" + stored.get(0) + "%")
			.query(Integer.class)
			.single();
		if (audited != 1) {
			problems.add("the published bulletin's hash is in the audit trail " + audited + " times");
		}
		var read = api.get(managers.get(0), "/api/reports/monthly/" + year + "/" + month + "/published");
		if (read.status() != 200 || !stored.get(0).equals(read.body().path("sha256").asText())) {
			problems.add("the published bulletin read back: " + read.status() + " " + read.raw());
		}
		return problems;
	}

	String summary() {
		return "bulletin " + year + "-" + month + " published by two managers at once on the two nodes during the "
				+ "database restart: answers "
				+ answers.stream().map(d -> d.answer().status() + " after " + d.sends() + " send(s)").toList();
	}

}
