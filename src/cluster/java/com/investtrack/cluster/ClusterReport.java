package com.investtrack.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.investtrack.cluster.ClusterChecks.Findings;

/**
 * The cluster test's figures, as Markdown for target/cluster-report.md and the README's
 * reliability section.
 */
final class ClusterReport {

	/**
	 * One fault injected, when, how long until the cluster was whole again, and what it
	 * caught in flight.
	 */
	record Fault(String what, Instant at, Instant until, Duration recovery, String detail) {
	}

	/**
	 * Facts gathered around the load: how it was set up, and checks that are not about
	 * single steps.
	 */
	record Setting(boolean shortRun, int nodes, int officers, int managers, int targetSteps, Duration jobLockTime,
			String sweepCycle, Duration load, Duration total, boolean sessionServedByOtherNode, int sessionsInDatabase,
			int processDefinitions, int processDefinitionKeys, boolean auditVerifies, long auditEntriesVerified,
			int orphanedJobs, int orphanedJobsRunOnce, boolean nodesReconnectedByThemselves, double bothUpShare,
			List<ClusterNode.Start> starts, int sweepRuns, int sweepFailedRuns, List<String> sweepFailures,
			int sweepsAfterLoad, String database, Duration preparation) {
	}

	static String markdown(Setting s, List<Fault> faults, ClusterLedger ledger, Findings f, List<String> problems,
			List<String> duringFaults) {
		StringBuilder md = new StringBuilder();
		md.append("# Cluster fault test report\n\n");
		md.append(problems.isEmpty() ? "**Result: passed.**"
				: "**Result: FAILED** (" + problems.size() + " problems, listed below).");
		md.append("\n\n");
		md.append(("%s run: %d application nodes (`java -jar`, profile `mysql`) on one database of a private MariaDB "
				+ "server ")
			.formatted(s.shortRun() ? "Short" : "Full", s.nodes()))
			.append(("(%s); %d simulated officers and %d managers on %d client threads; job lock time %d s; light "
					+ "sweep %s. ")
				.formatted(s.database(), s.officers(), s.managers(), s.officers() + s.managers(),
						s.jobLockTime().toSeconds(), s.sweepCycle()))
			.append(("Load ran %s, the whole test %s (of which %s to extract the jar and write the class data "
					+ "sharing archive ")
				.formatted(human(s.load()), human(s.total()), human(s.preparation())))
			.append("in a training run).\n\n");

		md.append("## Figures\n\n| figure | value |\n| --- | ---: |\n");
		row(md, "steps acknowledged (2xx) to the users", f.acknowledgedSteps());
		f.acknowledgedByKind()
			.forEach((kind, n) -> row(md, "&nbsp;&nbsp;" + kind.name().toLowerCase().replace('_', ' '), n));
		row(md, "throughput (acknowledged steps per second)",
				"%.1f".formatted(f.acknowledgedSteps() / Math.max(1.0, s.load().toSeconds())));
		row(md, "time to answer a write: median / 95th percentile / max",
				ledger.writePercentile(0.5) + " / " + ledger.writePercentile(0.95) + " / " + ledger.writePercentile(1.0)
						+ " ms (slowest: " + ledger.slowestWriteWhat() + ")");
		row(md, "HTTP answers in all", ledger.answers());
		row(md, "steps refused with a 4xx (conflict losers, decided tasks)", f.refused());
		row(md, "steps left in doubt (no definitive answer after retries)", f.inDoubt());
		row(md, "both nodes up (ready) for this share of the load time", percent(s.bothUpShare()));
		for (int n = 0; n < s.nodes(); n++) {
			String node = "node-" + (char) ('a' + n);
			long down = faults.stream()
				.filter(x -> x.what().startsWith("kill -9 " + node))
				.mapToLong(x -> x.recovery().toMillis())
				.sum();
			row(md, "&nbsp;&nbsp;" + node + " up for", percent(1.0 - (double) down / Math.max(1, s.load().toMillis())));
		}
		row(md, "conflicting pairs sent at once (to both nodes / to one, the other being down)",
				ledger.pairs.get() + " (" + ledger.pairsAcrossNodes.get() + " / "
						+ (ledger.pairs.get() - ledger.pairsAcrossNodes.get()) + ")");
		row(md, "&nbsp;&nbsp;both sides taken at their first send by two different live nodes",
				ledger.pairsReachedTwoNodes.get() + " ("
						+ percent((double) ledger.pairsReachedTwoNodes.get() / Math.max(1, ledger.pairs.get())) + ")");
		row(md, "&nbsp;&nbsp;exactly one applied, the other refused (409)", ledger.pairsOneApplied.get());
		row(md, "&nbsp;&nbsp;both applied, one after the other (a manager rejected the first request in between)",
				ledger.pairsBothApplied.get());
		row(md, "&nbsp;&nbsp;neither applied (the task or stage was already taken)", ledger.pairsNoneApplied.get());
		row(md, "&nbsp;&nbsp;a side hit a fault and was sent again later (checked step by step)",
				ledger.pairsDisturbed.get());
		row(md, "requests repeated with the same Idempotency-Key", ledger.repeats.get());
		row(md, "&nbsp;&nbsp;of which sent at the same moment to the other node", ledger.concurrentRepeats.get());
		row(md, "&nbsp;&nbsp;taken at its first send by another live node than the first request",
				ledger.repeatsAcrossNodes.get() + " ("
						+ percent((double) ledger.repeatsAcrossNodes.get() / Math.max(1, ledger.repeats.get())) + ")");
		row(md, "&nbsp;&nbsp;answered exactly like the first time", ledger.repeatsReplayedIdentically.get());
		row(md, "node kills (kill -9) during the load",
				faults.stream().filter(x -> x.what().startsWith("kill")).count());
		row(md, "MariaDB restarts during the load",
				faults.stream().filter(x -> x.what().startsWith("MariaDB")).count());
		row(md, "answers 503 (with Retry-After)", ledger.status(503) + " (" + ledger.answersWithRetryAfter() + ")");
		faults.stream()
			.filter(x -> x.what().startsWith("MariaDB"))
			.forEach(x -> row(md, "&nbsp;&nbsp;of which to requests that met the database restart",
					ledger.sentBetween(x.at(), x.until(), 503)));
		row(md, "requests answered 503 and sent again by the users (definitive in the end)",
				ledger.retriedAfter503.get() + " (" + ledger.retriedAfter503Definitive.get() + ")");
		row(md, "requests without an answer (connection refused/reset)", ledger.status(-1));
		row(md, "slowest 503 or failed request", ledger.slowestRefusalMillis() + " ms: " + ledger.slowestRefusalWhat());
		row(md, "answers 500 (or any 5xx but 503)", ledger.serverErrors().size());
		row(md, "answers 401 (a database failure must not look like a wrong password)", ledger.status(401));
		row(md, "acknowledged steps lost", f.lost().size());
		row(md, "steps duplicated", f.duplicated().size());
		row(md, "traces no user was told of (phantoms)", f.phantoms().size());
		row(md, "projects with a skipped stage or misordered dates", f.skippedStages().size());
		row(md, "milestones / audit entries in the database", f.milestones() + " / " + f.auditEntries());
		row(md, "audit trail verifies", s.auditVerifies() + " (" + s.auditEntriesVerified() + " entries)");
		ClusterChecks.Reviews r = f.reviews();
		row(md, "projects / back-dated (agreed dates passed, red while their steps run)", r.projects() + " / "
				+ r.backdated() + " (" + percent((double) r.backdated() / Math.max(1, r.projects())) + ")");
		row(md, "red at the end, by the rule / by the product's red list / of them back-dated",
				r.red() + " / " + r.redByApi() + " / " + r.redBackdated());
		row(md, "active reviews at the end (exactly one per red project, none for others)", r.active());
		row(md, "reviews opened by the sweep / closed (project left the red) / acknowledged by a manager / still open",
				r.opened() + " / " + r.closed() + " / " + r.acknowledged() + " / " + r.open());
		row(md, "review process instances running (one per open review)", r.runningReviewInstances());
		row(md, "light sweep runs: successful / failed (failures outside the database restart)",
				s.sweepRuns() + " / " + s.sweepFailedRuns() + " (" + s.sweepFailures().size() + ")");
		row(md, "light sweep runs after the load, before the checks", s.sweepsAfterLoad());
		row(md, "jobs held by a node when it was killed / run once afterwards",
				s.orphanedJobs() + " / " + s.orphanedJobsRunOnce());
		row(md, "due jobs left / incidents / jobs with exceptions",
				f.remainingDueJobs() + " / " + f.incidents() + " / " + f.jobsWithExceptions());
		row(md, "session from a form login on one node served by the other", s.sessionServedByOtherNode());
		row(md, "sessions in the database (Basic-auth calls create none)", s.sessionsInDatabase());
		row(md, "process definitions deployed / models (one each, despite every restart)",
				s.processDefinitions() + " / " + s.processDefinitionKeys());
		row(md, "nodes reconnected to MariaDB by themselves", s.nodesReconnectedByThemselves());

		md.append("\nBesides the steps (progress entries and supervision notices are counted above):\n\n");
		duringFaults.forEach(x -> md.append("- ").append(x).append('\n'));
		md.append("\n## Faults\n\n| # | fault | at | back to full strength after | caught | answers to the requests "
				+ "in flight |\n" + "| --- | --- | --- | ---: | --- | --- |\n");
		for (int i = 0; i < faults.size(); i++) {
			Fault x = faults.get(i);
			md.append("| %d | %s | %s | %s | %s | %s |\n".formatted(i + 1, x.what(), x.at(), human(x.recovery()),
					x.detail(), ledger.during(x.at(), x.until())));
		}

		md.append("\n## Node starts\n\n| node | start | under load | nice while starting | ready after | CPU used "
				+ "meanwhile "
				+ "(share of a core) | load average | Spring Boot says |\n| --- | ---: | --- | ---: | ---: | ---: | "
				+ "---: | --- |\n");
		for (ClusterNode.Start x : s.starts()) {
			md.append("| %s | %d | %s | %d | %s | %s (%.2f) | %.1f | %s |\n".formatted(x.node(), x.run(),
					x.underLoad() ? "yes" : "no", x.nice(), human(x.toReady()), human(x.cpu()), x.cpuShare(),
					x.loadAverage(), x.springSays()));
		}

		Map<Integer, Integer> statuses = new TreeMap<>();
		ledger.statuses().forEach((status, n) -> statuses.put(status, n.get()));
		md.append("\n## Answers by status\n\n")
			.append(statuses.entrySet()
				.stream()
				.map(e -> (e.getKey() < 0 ? "no answer" : e.getKey()) + ": " + e.getValue())
				.collect(Collectors.joining(", ")))
			.append("\n");

		if (!ledger.refusals().isEmpty()) {
			md.append("\n## Refusals other than conflicts\n\n");
			ledger.refusals().forEach(x -> md.append("- ").append(x.replace("\n", " ")).append('\n'));
		}

		if (!problems.isEmpty()) {
			md.append("\n## Problems\n\n");
			problems.stream().limit(200).forEach(p -> md.append("- ").append(p.replace("\n", " ")).append('\n'));
		}
		return md.toString();
	}

	private static void row(StringBuilder md, String figure, Object value) {
		md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
	}

	static String percent(double share) {
		return "%.0f%%".formatted(100 * share);
	}

	static String human(Duration d) {
		long s = d.toSeconds();
		return s >= 60 ? "%d min %02d s".formatted(s / 60, s % 60) : "%.1f s".formatted(d.toMillis() / 1000.0);
	}

}
