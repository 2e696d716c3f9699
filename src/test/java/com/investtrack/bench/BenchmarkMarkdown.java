package com.investtrack.bench;

import java.util.Locale;

/** Renders one run's figures as BENCHMARKS.md: the machine, the command, each comparison with its target. */
final class BenchmarkMarkdown {

	private final Results r;

	private final StringBuilder md = new StringBuilder();

	BenchmarkMarkdown(Results results) {
		this.r = results;
	}

	String render() {
		line("# Benchmarks");
		line("");
		line("Written by the benchmark itself on every run (`mvn -B -Pbench verify`); this is the last run's output.");
		line("How the benchmark works and how to read it: the README's \"Benchmarks\" section.");
		line("");
		line("## Machine and run");
		line("");
		line("| | |");
		line("| --- | --- |");
		line("| date | " + r.machine.date() + " |");
		line("| CPU | " + r.machine.cores() + " cores, " + r.machine.cpu() + " |");
		line("| memory | %.1f GiB |".formatted(r.machine.memoryGib()));
		line("| OS, Java | " + r.machine.os() + ", " + r.machine.java() + " |");
		line("| database | MariaDB/MySQL " + r.machine.database() + " on loopback, default durability (fsync on every commit) |");
		line("| load average at start | %.2f |".formatted(r.machine.loadAverage()));
		line("| options | projects=%d, paths per run=%d (%d steps), warm-up paths=%d, report requests per variant=%d, naive runs per variant=%d%s |"
			.formatted(r.options.projects(), r.options.paths(), r.options.paths() * StepLoad.STEPS_PER_PATH,
					r.options.warmupPaths(), r.options.reportRequests(), r.options.naiveRequests(),
					r.options.jvmOptions().isEmpty() ? "" : ", JVM options " + String.join(" ", r.options.jvmOptions())));
		line("| whole run | %.1f min |".formatted(r.totalSeconds / 60));
		line("");
		steps();
		reports();
		startup();
		notes();
		return md.toString();
	}

	private void steps() {
		if (r.app1 == null || r.plain1 == null) {
			return;
		}
		line("## (a) Stage steps: our HTTP API against Camunda's Java API");
		line("");
		line("Ours: full project paths over HTTP with Basic authentication (create, request signing, approve, site, "
				+ "construction, request production, accept: 7 steps). Plain: the same number of steps on a five-user-task "
				+ "model in the bare starter, through `RuntimeService`/`TaskService` in-process (start an instance, or "
				+ "find and complete its open task). Both applications run side by side and take turns in five rounds per "
				+ "client count, so background load weighs on both alike; throughput is all steps over the sum of the "
				+ "rounds' wall times, latency is per step.");
		line("");
		line("| clients | side | steps | steps/s | p50 ms | p99 ms |");
		line("| ---: | --- | ---: | ---: | ---: | ---: |");
		row(r.app1, "ours (HTTP)");
		row(r.plain1, "plain Camunda (Java API)");
		row(r.app4, "ours (HTTP)");
		row(r.plain4, "plain Camunda (Java API)");
		line("");
		line("| target | 1 client | 4 clients |");
		line("| --- | ---: | ---: |");
		line("| throughput ours / plain >= 1.0x | %s | %s |".formatted(
				verdict(r.app1.perSecond() / r.plain1.perSecond(), 1.0, true),
				verdict(r.app4.perSecond() / r.plain4.perSecond(), 1.0, true)));
		line("| p50 ours / plain (no target) | %.2fx | %.2fx |".formatted(r.app1.p50() / r.plain1.p50(),
				r.app4.p50() / r.plain4.p50()));
		line("| p99 ours / plain <= 1.5x | %s | %s |".formatted(verdict(r.app1.p99() / r.plain1.p99(), 1.5, false),
				verdict(r.app4.p99() / r.plain4.p99(), 1.5, false)));
		line("");
		line("CPU per step, in milliseconds, measured from /proc while each side ran: what two cores can carry. The "
				+ "database column is the whole server's, so other users of it count too; the driver column is the "
				+ "HTTP clients on our side and the console's bookkeeping on the plain side.");
		line("");
		line("| clients | side | application | database | driver | total |");
		line("| ---: | --- | ---: | ---: | ---: | ---: |");
		for (Results.CpuPerStep c : r.cpu) {
			cpuRow(c.clients(), "ours (HTTP)", c.ours());
			cpuRow(c.clients(), "plain Camunda (Java API)", c.plain());
		}
		line("");
	}

	private void cpuRow(int clients, String side, double[] ms) {
		line("| %d | %s | %.1f | %.1f | %.1f | %.1f |".formatted(clients, side, ms[0], ms[1], ms[2], ms[0] + ms[1] + ms[2]));
	}

	private void row(Latencies l, String side) {
		line("| %d | %s | %d | %.1f | %.1f | %.1f |".formatted(l.clients(), side, l.count(), l.perSecond(), l.p50(), l.p99()));
	}

	private void reports() {
		if (r.reports.isEmpty()) {
			return;
		}
		line("## (b) Reports at %,d projects".formatted(r.generatedProjects));
		line("");
		line("Data: " + r.generatedSummary + " Generated in %.0f s.".formatted(r.generatorSeconds));
		line("");
		line("Ours: `GET` over HTTP (Basic authentication, JSON answer). Naive: the same figures computed in-process "
				+ "from Camunda's `HistoryService` (historic activity instances of the process start and of the "
				+ "\"Record ...\" milestone tasks), the way one would without the product's milestone table.");
		line("");
		line("Ours twice: requests repeated while the data stands still, as dashboards re-read them (answered from the "
				+ "report cache after the first), and each request right after a committed change (an audited edit "
				+ "through the API between requests), which computes the report afresh. The speed-up compares the "
				+ "computed figure with the naive one.");
		line("");
		line("| report | ours p50 ms | ours p95 ms | computed p50 ms | computed p95 ms | naive p50 ms | naive p95 ms "
				+ "| p95 speed-up (computed) | same figures |");
		line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		double worstOurs = 0;
		double worstComputed = 0;
		double worstSpeedup = Double.MAX_VALUE;
		for (Results.ReportFigures f : r.reports) {
			worstOurs = Math.max(worstOurs, f.ours().p95());
			worstComputed = Math.max(worstComputed, f.computed().p95());
			String head = "| `%s` | %.1f | %.1f | %.1f | %.1f ".formatted(f.path(), f.ours().p50(), f.ours().p95(),
					f.computed().p50(), f.computed().p95());
			if (f.naive() == null) {
				line(head + "| - | - | - | - |");
				continue;
			}
			double speedup = f.naive().p95() / f.computed().p95();
			worstSpeedup = Math.min(worstSpeedup, speedup);
			line(head + "| %.0f | %.0f | %.0fx | %s |".formatted(f.naive().p50(), f.naive().p95(), speedup,
					Boolean.TRUE.equals(f.identical()) ? "yes" : "**NO**"));
		}
		line("");
		boolean identical = r.reports.stream().allMatch(f -> f.naive() == null || Boolean.TRUE.equals(f.identical()));
		line("| target | result |");
		line("| --- | --- |");
		line("| p95 <= 100 ms (worst variant), repeated | %s |".formatted(verdict(worstOurs, 100, false).replace("x", " ms")));
		line("| p95 <= 100 ms (worst variant), computed after a change | %s |"
			.formatted(verdict(worstComputed, 100, false).replace("x", " ms")));
		line("| >= 50x faster than naive (worst variant, p95, computed) | %s |".formatted(verdict(worstSpeedup, 50, true)));
		line("| identical figures | %s |".formatted(identical ? "met" : "**missed**"));
		line("");
	}

	private void startup() {
		line("## (c) Start-up time and resident memory against the bare starter");
		line("");
		line("Time from `java -jar` to the first healthy `/actuator/health`; resident memory (VmRSS) 2 s after that and "
				+ "the peak while (a) ran. Same JVM and options for both.");
		line("");
		line("| figure | ours | bare starter | ratio | target |");
		line("| --- | ---: | ---: | ---: | --- |");
		ratioRow("first start on an empty schema (s)", r.appFreshStart, r.bareFreshStart, 1.25);
		ratioRow("restart on an existing schema (s)", r.appRestart, r.bareRestart, 1.25);
		ratioRow("RSS after start (MiB)", r.appRssAfterStart, r.bareRssAfterStart, 1.2);
		if (r.app1 != null) {
			ratioRow("RSS peak under load (MiB)", r.appRssUnderLoad, r.bareRssUnderLoad, 1.2);
		}
		if (!Double.isNaN(r.appDataStart)) {
			line("| ours: start with %,d projects (s) | %.2f | | | |".formatted(r.generatedProjects, r.appDataStart));
		}
		if (!Double.isNaN(r.appRssReports)) {
			line("| ours: RSS peak while serving reports (MiB) | %.0f | | | |".formatted(r.appRssReports));
		}
		line("");
	}

	/** Why a target can be missed: what each side does, so a miss can be read against it. */
	private void notes() {
		line("## Notes");
		line("");
		line("- Load: the two sides run one after the other on the same two cores, so anything else running shifts the "
				+ "ratios; the load average at the start of the run is in the table above. Compare runs on a quiet machine.");
		line("- (a) Warm-up: both sides first run the warm-up paths above, untimed. A short run measures the JIT "
				+ "compiler more than the application: in a profile of a run with a tenth of this warm-up, compiler "
				+ "threads used more CPU than the request threads.");
		line("- (a) What a step costs. One of our steps is an HTTP request (Basic authentication: the login throttle's "
				+ "and the account's rows read, the password checked from the credential cache), the lifecycle's checks "
				+ "(project row locked, pending approval, open task), the engine completing the stage task of a model "
				+ "with a sub-process and two threshold timers per stage (timers cancelled and armed on every stage "
				+ "change), the milestone, timeline, project and audit rows, and the project read back for the answer. "
				+ "Counted with the server's general log on one advance (site selection to construction): about 52 "
				+ "statements, 35 of them the engine's and 17 the product's (of which 5 for the answer and 3 for the "
				+ "audit chain). A plain step on the five-user-task model is an in-process call of about 23 statements "
				+ "with full history. Each statement costs CPU in the driver, MyBatis and the database whether it reads or "
				+ "writes, so on two cores the ratio of the throughputs follows the ratio of the statements; our history "
				+ "is cut to what auditors use (see the README), and the step does no second engine command, which is "
				+ "what keeps the larger step within about twice the plain one.");
		line("- (b) The naive side re-reads the engine's history for every request (a scan of ACT_HI_ACTINST, which "
				+ "grows with every activity of every project); ours reads one narrow row per project from "
				+ "milestone_timeline (for time-to-production from a covering index alone), a histogram for durations. "
				+ "A computed time-to-production over all projects carries every project in production to the "
				+ "application (tens of thousands of rows of five days each) for its exact percentiles; the repeated "
				+ "requests show what a dashboard sees between two steps.");
		line("- (c) Our application auto-configures more than the bare starter (Spring Security, Flyway, Thymeleaf, "
				+ "validation, our own beans) and runs Flyway's migrations on a first start; resident memory follows the "
				+ "JVM's default heap sizing on this machine, the same for both.");
		line("");
	}

	private void ratioRow(String label, double ours, double bare, double limit) {
		if (Double.isNaN(ours) || Double.isNaN(bare)) {
			return;
		}
		line("| %s | %.2f | %.2f | %.2fx | <= %.2fx: %s |".formatted(label, ours, bare, ours / bare, limit,
				ours / bare <= limit ? "met" : "**missed by %.0f%%**".formatted((ours / bare / limit - 1) * 100)));
	}

	private static String verdict(double value, double limit, boolean atLeast) {
		boolean met = atLeast ? value >= limit : value <= limit;
		String shown = String.format(Locale.ROOT, "%.2fx", value);
		if (met) {
			return shown + " met";
		}
		double by = atLeast ? (1 - value / limit) * 100 : (value / limit - 1) * 100;
		return shown + " **missed by %.0f%%**".formatted(by);
	}

	private void line(String text) {
		md.append(text).append('\n');
	}

}
