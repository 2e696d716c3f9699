package com.investtrack.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.investtrack.cluster.ClusterChecks.Findings;

/** The cluster test's figures, as Markdown for target/cluster-report.md and the README's reliability section. */
final class ClusterReport {

	/** One fault injected, when, how long until the cluster was whole again, and what it caught in flight. */
	record Fault(String what, Instant at, Instant until, Duration recovery, String detail) {
	}

	/** Facts gathered around the load: how it was set up, and checks that are not about single steps. */
	record Setting(int nodes, int officers, int managers, int targetSteps, Duration jobLockTime, Duration load,
			Duration total, boolean sessionServedByOtherNode, int sessionsInDatabase, int processDefinitions,
			boolean auditVerifies, long auditEntriesVerified, int orphanedJobs, int orphanedJobsRunOnce,
			boolean nodesReconnectedByThemselves) {
	}

	static String markdown(Setting s, List<Fault> faults, ClusterLedger ledger, Findings f, List<String> problems) {
		StringBuilder md = new StringBuilder();
		md.append("# Cluster fault test report\n\n");
		md.append(problems.isEmpty() ? "**Result: passed.**" : "**Result: FAILED** (" + problems.size() + " problems, listed below).");
		md.append("\n\n");
		md.append("%d application nodes (`java -jar`, profile `mysql`) on one MariaDB database; %d simulated officers and %d "
				.formatted(s.nodes(), s.officers(), s.managers()))
			.append("managers on %d client threads; job lock time %d s. Load ran %s, the whole test %s.\n\n"
				.formatted(s.officers() + s.managers(), s.jobLockTime().toSeconds(), human(s.load()), human(s.total())));

		md.append("## Figures\n\n| figure | value |\n| --- | ---: |\n");
		row(md, "steps acknowledged (2xx) to the users", f.acknowledgedSteps());
		f.acknowledgedByKind().forEach((kind, n) -> row(md, "&nbsp;&nbsp;" + kind.name().toLowerCase().replace('_', ' '), n));
		row(md, "throughput (acknowledged steps per second)", "%.1f".formatted(f.acknowledgedSteps() / Math.max(1.0, s.load().toSeconds())));
		row(md, "time to answer a write: median / 95th percentile / max", ledger.writePercentile(0.5) + " / "
				+ ledger.writePercentile(0.95) + " / " + ledger.writePercentile(1.0) + " ms (slowest: " + ledger.slowestWriteWhat() + ")");
		row(md, "HTTP answers in all", ledger.answers());
		row(md, "steps refused with a 4xx (conflict losers, decided tasks)", f.refused());
		row(md, "steps left in doubt (no definitive answer after retries)", f.inDoubt());
		row(md, "conflicting pairs sent at once (to both nodes / to one, the other being down)",
				ledger.pairs.get() + " (" + ledger.pairsAcrossNodes.get() + " / " + (ledger.pairs.get() - ledger.pairsAcrossNodes.get()) + ")");
		row(md, "&nbsp;&nbsp;exactly one applied, the other refused (409)", ledger.pairsOneApplied.get());
		row(md, "&nbsp;&nbsp;both applied, one after the other (a manager rejected the first request in between)",
				ledger.pairsBothApplied.get());
		row(md, "&nbsp;&nbsp;neither applied (the task or stage was already taken)", ledger.pairsNoneApplied.get());
		row(md, "&nbsp;&nbsp;a side hit a fault and was sent again later (checked step by step)", ledger.pairsDisturbed.get());
		row(md, "requests repeated with the same Idempotency-Key", ledger.repeats.get());
		row(md, "&nbsp;&nbsp;of which sent at the same moment to the other node", ledger.concurrentRepeats.get());
		row(md, "&nbsp;&nbsp;answered exactly like the first time", ledger.repeatsReplayedIdentically.get());
		row(md, "node kills (kill -9) during the load", faults.stream().filter(x -> x.what().startsWith("kill")).count());
		row(md, "MariaDB restarts during the load", faults.stream().filter(x -> x.what().startsWith("MariaDB")).count());
		row(md, "answers 503 (with Retry-After)", ledger.status(503) + " (" + ledger.answersWithRetryAfter() + ")");
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
		row(md, "stalled projects (yellow and red due at once)", f.stalledProjects());
		row(md, "timers due / fired exactly once", f.timersDue() + " / " + f.timersFiredOnce());
		row(md, "timer jobs held by a node when it was killed / run once afterwards", s.orphanedJobs() + " / " + s.orphanedJobsRunOnce());
		row(md, "due jobs left / incidents", f.remainingDueJobs() + " / " + f.incidents());
		row(md, "job runs that failed and were retried by the engine", f.failedJobRuns());
		row(md, "session from a form login on one node served by the other", s.sessionServedByOtherNode());
		row(md, "sessions in the database (Basic-auth calls create none)", s.sessionsInDatabase());
		row(md, "process definitions deployed (one, despite every restart)", s.processDefinitions());
		row(md, "nodes reconnected to MariaDB by themselves", s.nodesReconnectedByThemselves());

		md.append("\n## Faults\n\n| # | fault | at | back to full strength after | caught | answers to the requests in flight |\n"
				+ "| --- | --- | --- | ---: | --- | --- |\n");
		for (int i = 0; i < faults.size(); i++) {
			Fault x = faults.get(i);
			md.append("| %d | %s | %s | %s | %s | %s |\n".formatted(i + 1, x.what(), x.at(), human(x.recovery()), x.detail(),
					ledger.during(x.at(), x.until())));
		}

		Map<Integer, Integer> statuses = new TreeMap<>();
		ledger.statuses().forEach((status, n) -> statuses.put(status, n.get()));
		md.append("\n## Answers by status\n\n")
			.append(statuses.entrySet().stream().map(e -> (e.getKey() < 0 ? "no answer" : e.getKey()) + ": " + e.getValue())
				.collect(Collectors.joining(", ")))
			.append("\n");

		if (!ledger.refusals().isEmpty()) {
			md.append("\n## Refusals other than conflicts\n\n");
			ledger.refusals().forEach(r -> md.append("- ").append(r.replace("\n", " ")).append('\n'));
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

	static String human(Duration d) {
		long s = d.toSeconds();
		return s >= 60 ? "%d min %02d s".formatted(s / 60, s % 60) : "%.1f s".formatted(d.toMillis() / 1000.0);
	}

}
