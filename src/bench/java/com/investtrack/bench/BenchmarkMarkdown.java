package com.investtrack.bench;

import java.util.Locale;

/**
 * Renders one run's figures as BENCHMARKS.md: the machine, the command, each comparison
 * with its target.
 */
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
		line("How the benchmark works and how to read it: docs/benchmarks.md. Every figure below was measured by "
				+ "this run.");
		line("");
		line("## Machine and run");
		line("");
		line("| | |");
		line("| --- | --- |");
		line("| date | " + r.machine.date() + " |");
		line("| CPU | " + r.machine.cores() + " cores, " + r.machine.cpu() + " |");
		line("| memory | %.1f GiB |".formatted(r.machine.memoryGib()));
		line("| OS, Java | " + r.machine.os() + ", " + r.machine.java() + " |");
		line("| database | MariaDB/MySQL " + r.machine.database() + " on loopback |");
		line("| durability, as the server reports it | " + r.machine.durability() + " |");
		line("| load average at start | %.2f |".formatted(r.machine.loadAverage()));
		line(("| options | projects=%d, paths per run=%d (%d steps), warm-up paths=%d, report requests per "
				+ "variant=%d, naive runs per variant=%d%s |")
			.formatted(r.options.projects(), r.options.paths(), r.options.paths() * StepLoad.STEPS_PER_PATH,
					r.options.warmupPaths(), r.options.reportRequests(), r.options.naiveRequests(),
					r.options.jvmOptions().isEmpty()
							? ", JVM options of (a) and (c) " + String.join(" ", Benchmark.COMPARED_HEAP)
									+ " (the heap docs/operations.md recommends), of (b) and (d) none but their own"
							: ", JVM options " + String.join(" ", r.options.jvmOptions())));
		line("| whole run | %.1f min |".formatted(r.totalSeconds / 60));
		line("");
		steps();
		reports();
		startup();
		ledger();
		notes();
		return md.toString();
	}

	static final String LEDGER_HEADING = "## (d) The Excel ledger's import";

	static final String MERGED_NOTE = "Section (d) comes from a later run of its own (`-Dbench.args=ledger`), on the "
			+ "machine and date it gives; the next full run measures it with the rest.";

	/**
	 * An earlier BENCHMARKS.md with this run's ledger section in place of its own (or
	 * before its notes, where it had none).
	 */
	String mergeLedger(String existing) {
		ledger();
		return replaceSection(withNote(existing, MERGED_NOTE), LEDGER_HEADING, md.toString());
	}

	/**
	 * {@code markdown} with {@code note} above its machine table, once: the header says
	 * every figure comes from one run, which a merged section's figures do not.
	 */
	private static String withNote(String markdown, String note) {
		int machine = markdown.indexOf("## Machine and run");
		if (markdown.contains(note) || machine < 0) {
			return markdown;
		}
		return markdown.substring(0, machine) + note + "\n\n" + markdown.substring(machine);
	}

	/**
	 * {@code existing} with {@code section} in place of the section that starts with
	 * {@code heading}, or before the notes where there is none.
	 */
	private static String replaceSection(String existing, String heading, String section) {
		int start = existing.indexOf(heading);
		if (start < 0) {
			int notes = existing.indexOf("## Notes");
			start = notes < 0 ? existing.length() : notes;
			return existing.substring(0, start) + section + existing.substring(start);
		}
		int end = existing.indexOf("\n## ", start + heading.length());
		return existing.substring(0, start) + section + (end < 0 ? "" : existing.substring(end + 1));
	}

	static final String SCALED_HEADING = "## (e) ";

	static final String SCALED_NOTE = "Section (e) comes from a run of its own (`scale-to=`), on the date and database "
			+ "server it gives; a full run keeps it as it was.";

	/**
	 * This full run's BENCHMARKS.md with the section (e) of the earlier one, which only a
	 * run with scale-to= measures.
	 */
	static String keepScaled(String rendered, String existing) {
		int start = existing.indexOf(SCALED_HEADING);
		if (start < 0) {
			return rendered;
		}
		int end = existing.indexOf("\n## ", start + SCALED_HEADING.length());
		String section = end < 0 ? existing.substring(start) : existing.substring(start, end + 1);
		return replaceSection(withNote(rendered, SCALED_NOTE), SCALED_HEADING, section);
	}

	/**
	 * An earlier BENCHMARKS.md with this run's (b), measured on copies of the generated
	 * projects (scale-to=), as section (e) in place of its own (or before its notes).
	 */
	String mergeScaled(String existing) {
		reports();
		return replaceSection(withNote(existing, SCALED_NOTE), SCALED_HEADING, md.toString());
	}

	private void ledger() {
		Results.LedgerFigures f = r.ledger;
		if (f == null) {
			return;
		}
		line(LEDGER_HEADING);
		line("");
		line(("Measured %s (load average %.2f at its start). A ledger of %,d rows (%,d in flight: signed, land "
				+ "delivered or under construction; the rest in negotiation, in production or dropped), %.0f KiB, "
				+ "written with POI's ordinary writer (shared strings, a merged title row, dates as date cells and "
				+ "typed four ways, money in 万元 or 亿), uploaded over HTTP to the application running with `%s`, on "
				+ "a fresh database. Preview: nothing written; confirmation: every row created in one transaction "
				+ "(projects, past milestones, plans, process instances started at their stage, audit); the same "
				+ "file previewed again matches every row to its project.")
			.formatted(f.date, f.load, f.rows, f.inFlight, f.fileKib, f.jvmOptions));
		line("");
		line("| request | seconds | rows | heap peak MiB (sampled every 100 ms) | target |");
		line("| --- | ---: | --- | ---: | --- |");
		line("| preview | %.1f | NEW %,d, ERROR %,d | %.0f | <= 20 s: %s |".formatted(f.previewSeconds, f.newRows,
				f.errorRows, f.heapPeakPreviewMib, met(f.previewSeconds <= 20)));
		line("| confirm | %.1f | created %,d | %.0f | <= 60 s: %s |".formatted(f.confirmSeconds, f.created,
				f.heapPeakConfirmMib, met(f.confirmSeconds <= 60)));
		line("| preview again | %.1f | UNCHANGED %,d | %.0f | |".formatted(f.againSeconds, f.unchangedRows,
				f.heapPeakAgainMib));
		line("");
		double perRow = (double) f.confirmStatements / Math.max(1, f.rows);
		line(("The confirmation sent %,d statements to the database server (%.0f per row, its Questions counter, every "
				+ "client's) and used %.1f s of the application's CPU; the rest of its time it waited, for the "
				+ "database and, on a busy machine, for a core.")
			.formatted(f.confirmStatements, perRow, f.confirmAppCpuSeconds));
		line("");
		line(("Heap: %.0f MiB at most (the application's limit), %.0f MiB in use before the preview; resident "
				+ "memory %.0f MiB after the three requests. Reading the same file in the benchmark's JVM, each "
				+ "after a full collection (allocated: what the reading thread allocated; kept: what its result "
				+ "holds after another collection):")
			.formatted(f.heapMaxMib, f.heapBeforeMib, f.rssPeakMib));
		line("");
		line("| reader | allocated MiB | kept MiB |");
		line("| --- | ---: | ---: |");
		line("| streaming (the import's: SAX over the sheet's XML, cell values only) | %.0f | %.1f |"
			.formatted(f.streamAllocatedMib, f.streamKeptMib));
		line("| POI's whole workbook (`XSSFWorkbook`, what the import loaded before) | %.0f | %.1f |"
			.formatted(f.workbookAllocatedMib, f.workbookKeptMib));
		line("");
	}

	private static String met(boolean met) {
		return met ? "met" : "**missed**";
	}

	private void steps() {
		if (r.app1 == null || r.plain1 == null) {
			return;
		}
		line("## (a) Stage steps: our HTTP API against Camunda's Java API and Camunda's REST API");
		line("");
		line("Ours: full project paths over HTTP with Basic authentication (create, request signing, approve, site, "
				+ "construction, request production, accept: 7 steps). Plain: the same number of steps on a "
				+ "five-user-task model in the bare starter, through `RuntimeService`/`TaskService` in-process (start "
				+ "an instance, or find and complete its open task). REST: the same model and steps in the bare "
				+ "starter with `camunda-bpm-spring-boot-starter-rest` and the engine's HTTP Basic filter on, as its "
				+ "clients drive it: `POST /process-definition/key/{key}/start`, or "
				+ "`GET /task?processInstanceId=` then `POST /task/{id}/complete` (two requests, one step). "
				+ "The applications run side by side and take turns in five rounds per client count, so background "
				+ "load weighs on all alike; throughput is all steps over the sum of the rounds' wall times, "
				+ "latency is per step.");
		line("");
		line("| clients | side | steps | steps/s | p50 ms | p99 ms |");
		line("| ---: | --- | ---: | ---: | ---: | ---: |");
		row(r.app1, OURS);
		row(r.plain1, PLAIN);
		row(r.rest1, REST);
		row(r.app4, OURS);
		row(r.plain4, PLAIN);
		row(r.rest4, REST);
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
		if (r.rest1 != null && r.rest4 != null) {
			line("| throughput ours / REST >= 1.5x | %s | %s |".formatted(
					verdict(r.app1.perSecond() / r.rest1.perSecond(), 1.5, true),
					verdict(r.app4.perSecond() / r.rest4.perSecond(), 1.5, true)));
			line("| p99 ours / REST (no target) | %.2fx | %.2fx |".formatted(r.app1.p99() / r.rest1.p99(),
					r.app4.p99() / r.rest4.p99()));
		}
		line("");
		line("Per step, while each side ran: CPU in milliseconds from /proc, the statements the database server "
				+ "received (the difference of its Questions counter), and how often and how long, in all, a "
				+ "transaction waited for a row lock another held (Innodb_row_lock_waits and Innodb_row_lock_time). "
				+ "The database columns are the whole server's, so "
				+ "other users of it count too (the other sides' idle job executors poll); the driver column is the "
				+ "HTTP clients on our and the REST side and the console's bookkeeping on the plain side. The figures "
				+ "are the mean over a path's seven steps (create, request, approve, two advances, request, accept).");
		line("");
		line("| clients | side | application ms | database ms | driver ms | total ms | statements | row lock waits "
				+ "| ms waited for row locks |");
		line("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Results.CpuPerStep c : r.cpu) {
			cpuRow(c.clients(), OURS, c.ours());
			cpuRow(c.clients(), PLAIN, c.plain());
			if (c.rest() != null) {
				cpuRow(c.clients(), REST, c.rest());
			}
		}
		line("");
		anatomy();
	}

	static final String OURS = "ours (HTTP)";

	static final String PLAIN = "plain Camunda (Java API)";

	static final String REST = "Camunda REST (HTTP)";

	static final String OURS_START = "ours";

	static final String BARE_START = "bare starter";

	/**
	 * (a) continued: the statements of each kind of step by part, and the CPU profiles.
	 */
	private void anatomy() {
		if (r.anatomy.isEmpty()) {
			return;
		}
		line("### Where a step's statements go");
		line("");
		line("The database server's general log, on for one step of ours at a time (one path, after the timed "
				+ "rounds) and for one whole instance (six steps) of the plain and the REST side, counting only the "
				+ "statements of the side's own connections, each sorted by the table it names: authentication is "
				+ "the user, its roles and the login throttle (ACT_ID_* on the REST side); the audit chain its head "
				+ "row and entries; engine reads and writes ACT_RU_/ACT_RE_/ACT_GE_*, engine history ACT_HI_*; "
				+ "transaction the autocommit switches and the commit.");
		line("");
		StringBuilder head = new StringBuilder("| side | step | total |");
		StringBuilder rule = new StringBuilder("| --- | --- | ---: |");
		for (String part : StepAnatomy.PARTS) {
			head.append(' ').append(part).append(" |");
			rule.append(" ---: |");
		}
		line(head.toString());
		line(rule.toString());
		for (StepAnatomy.Row row : r.anatomy) {
			StringBuilder l = new StringBuilder("| %s | %s | %s |".formatted(row.side(), row.step(), num(row.total())));
			for (double c : row.counts()) {
				l.append(' ').append(num(c)).append(" |");
			}
			line(l.toString());
		}
		line("");
		r.anatomy.stream()
			.filter(row -> row.side().equals(OURS) && row.step().startsWith("advance to"))
			.mapToDouble(StepAnatomy.Row::total)
			.max()
			.ifPresent(worst -> line("| target | result |\n| --- | --- |\n| statements per advance <= 25 | %s |"
				.formatted(worst <= 25 ? "%.0f met".formatted(worst)
						: "%.0f **missed by %.0f%%**".formatted(worst, 100 * (worst - 25) / 25))));
		line("");
		if (r.profiles.isEmpty()) {
			return;
		}
		line("### Where a step's CPU goes");
		line("");
		profileTable(r.profiles, "A JDK Flight Recorder recording (`jcmd JFR.start settings=profile`) of each "
				+ "application while it served a batch of steps at one client after the timed rounds, read back with "
				+ "`jdk.jfr.consumer`. Each execution sample is charged to its innermost frame outside the JDK (a "
				+ "`HashMap` lookup made by the engine is the engine's); share of the side's samples in percent.");
		partsTable();
		line("The hottest methods (innermost frame outside the JDK, percent of the side's samples):");
		line("");
		line("| side | method | % |");
		line("| --- | --- | ---: |");
		for (CpuProfile.Figures p : r.profiles) {
			for (String[] m : p.hotMethods()) {
				line("| %s | `%s` | %s |".formatted(p.side(), m[0], m[1]));
			}
		}
		line("");
	}

	/**
	 * The same samples by the part of serving a request they were taken in, and that share
	 * of the application CPU per step measured at one client in the timed rounds.
	 */
	private void partsTable() {
		double[] ms = r.cpu.stream()
			.filter(c -> c.clients() == 1)
			.findFirst()
			.map(c -> new double[] { c.ours()[0], c.plain()[0], c.rest() == null ? Double.NaN : c.rest()[0] })
			.orElse(new double[] { Double.NaN, Double.NaN, Double.NaN });
		line("The same samples by the part of serving a step they were taken in: each sample goes to the first part, "
				+ "in the table's order, whose entry method is anywhere on its stack (so the user read made while "
				+ "authenticating is authentication's, and the audit entries written at commit are the commit's), "
				+ "with stacks of up to 256 frames (`" + CpuProfile.STACK_DEPTH + "` on every side in (a)); in "
				+ "brackets, that share of the side's application CPU per step at one client (the table above), in "
				+ "milliseconds.");
		line("");
		StringBuilder head = new StringBuilder("| part |");
		StringBuilder rule = new StringBuilder("| --- |");
		for (CpuProfile.Figures p : r.profiles) {
			head.append(' ').append(p.side()).append(" |");
			rule.append(" ---: |");
		}
		line(head.toString());
		line(rule.toString());
		for (String part : r.profiles.get(0).parts().keySet()) {
			StringBuilder l = new StringBuilder("| " + part + " |");
			for (CpuProfile.Figures p : r.profiles) {
				double share = p.parts().getOrDefault(part, 0.0);
				double sideMs = ms[p.side().equals(OURS) ? 0 : p.side().equals(PLAIN) ? 1 : 2];
				l.append(share == 0 ? " - |"
						: Double.isNaN(sideMs) ? " %.1f%% |".formatted(share)
								: " %.1f%% (%.2f) |".formatted(share, share * sideMs / 100));
			}
			line(l.toString());
		}
		line("");
	}

	private static String num(double v) {
		return v == Math.rint(v) ? "%.0f".formatted(v) : "%.1f".formatted(v);
	}

	private void cpuRow(int clients, String side, double[] ms) {
		line("| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |".formatted(clients, side, ms[0], ms[1],
				ms[2], ms[0] + ms[1] + ms[2], ms[3], ms[4], ms[5]));
	}

	private void row(Latencies l, String side) {
		if (l == null) {
			return;
		}
		line("| %d | %s | %d | %.1f | %.1f | %.1f |".formatted(l.clients(), side, l.count(), l.perSecond(), l.p50(),
				l.p99()));
	}

	private void reports() {
		if (r.reports.isEmpty()) {
			return;
		}
		if (r.copies == null) {
			line("## (b) Reports at %,d projects".formatted(r.generatedProjects));
			line("");
			line("Data: " + r.generatedSummary
					+ (Double.isNaN(r.generatorSeconds) ? "" : " Generated in %.0f s.".formatted(r.generatorSeconds)));
			line("");
			line("Ours: `GET` over HTTP (Basic authentication, JSON answer). Naive: the same figures computed "
					+ "in-process from Camunda's `HistoryService` (historic activity instances of the process start "
					+ "and of the \"Record ...\" milestone tasks), the way one would without the product's milestone "
					+ "table.");
		}
		else {
			line(SCALED_HEADING + "Reports, pages and exports at %,d projects".formatted(r.generatedProjects));
			line("");
			line(("From a run of its own (`-Dbench.args=\"phases=reports scale-to=%d report-requests=%d\"`), %s, load "
					+ "average %.2f at its start, whole run %.1f min, the database server with %s; every other section "
					+ "comes from the run the header gives. Data: %s %s The project pages and the edit between "
					+ "requests use generated projects. No naive side: it reads the engine's history, which the "
					+ "copies lack.")
				.formatted(r.options.scaleTo(), r.options.reportRequests(), r.machine.date(), r.machine.loadAverage(),
						r.totalSeconds / 60, r.machine.durability(), r.generatedSummary,
						r.copies.written() > 0 ? "Copied in %.0f s.".formatted(r.copies.seconds())
								: "The copies were written by an earlier run (BENCH_REUSE_DATA)."));
		}
		line("");
		line("Ours twice: requests repeated while the data stands still, as dashboards re-read them (answered from the "
				+ "report cache after the first; the monthly bulletin has no cache and is computed every time), "
				+ "and each request right after a committed change (an audited edit "
				+ "through the API between requests), which computes the report afresh."
				+ (r.copies == null ? " The speed-up compares the computed figure with the naive one." : ""));
		line("");
		line("| report | ours p50 ms | ours p95 ms | computed p50 ms | computed p95 ms | naive p50 ms | naive p95 ms "
				+ "| p95 speed-up (computed) | same figures |");
		line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		double worstOurs = 0;
		double worstComputed = 0;
		double worstBulletin = 0;
		double worstSpeedup = Double.MAX_VALUE;
		for (Results.ReportFigures f : r.reports) {
			// the monthly bulletin has a target of its own (1 s fresh) and no cache
			if (f.path().startsWith("/api/reports/monthly")) {
				worstBulletin = Math.max(worstBulletin, Math.max(f.ours().p95(), f.computed().p95()));
			}
			else {
				worstOurs = Math.max(worstOurs, f.ours().p95());
				worstComputed = Math.max(worstComputed, f.computed().p95());
			}
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
		line("| duration reports p95 <= 100 ms (worst variant), repeated | %s |"
			.formatted(verdict(worstOurs, 100, false).replace("x", " ms")));
		line("| duration reports p95 <= 100 ms (worst variant), computed after a change | %s |"
			.formatted(verdict(worstComputed, 100, false).replace("x", " ms")));
		if (worstBulletin > 0) {
			line("| monthly bulletin p95 <= 1 s (worst period; computed on every request, no cache) | %s |"
				.formatted(verdict(worstBulletin, 1000, false).replace("x", " ms")));
		}
		if (r.copies == null) {
			line("| >= 50x faster than naive (worst variant, p95, computed) | %s |"
				.formatted(verdict(worstSpeedup, 50, true)));
			line("| identical figures | %s |".formatted(identical ? "met" : "**missed**"));
		}
		line("");
		pagesAndExports();
	}

	/** (b) continued: the pages and the exports on the same data (issue 15). */
	private void pagesAndExports() {
		if (!r.pages.isEmpty()) {
			line("### Pages at %,d projects (load average %.2f when they started)".formatted(r.generatedProjects,
					r.pagesLoad));
			line("");
			line(("Each page `GET` as the manager `%s` over loopback HTTP in one session (Basic authentication on "
					+ "the first request, its session cookie on every later one, as a browser after logging in), read "
					+ "to its last byte: the time includes the loopback round trip, which is well under a "
					+ "millisecond. Repeated: while the data stands still; after a change: each request right after "
					+ "an audited edit through the API, so that no report cache answers. Target: p95 <= 300 ms.")
				.formatted(ReportPhase.REPORT_USER));
			line("");
			line("| page | first address (of n) | n | repeated p50 ms | repeated p95 ms | after a change p50 ms "
					+ "| after a change p95 ms | p95 <= 300 ms |");
			line("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
			for (Results.PageFigures f : r.pages) {
				double worst = Math.max(f.repeated().p95(), f.fresh().p95());
				line("| %s | `%s` | %d | %.1f | %.1f | %.1f | %.1f | %s |".formatted(f.label(), f.path(), f.paths(),
						f.repeated().p50(), f.repeated().p95(), f.fresh().p50(), f.fresh().p95(),
						verdict(worst, 300, false).replace("x", " ms")));
			}
			line("");
		}
		if (!r.exports.isEmpty()) {
			line("### Exports at %,d projects".formatted(r.generatedProjects));
			line("");
			line("Read to the last byte over loopback HTTP, on a restart of the application with `%s`; the heap (sum "
				.formatted(r.exportJvm)
					+ "of the heap pools) sampled every 100 ms from `/actuator/prometheus`. Target: <= 30 s, "
					+ "bounded memory.");
			line("");
			line("| export | address | first byte s | last byte s | MiB | heap before MiB | heap peak MiB "
					+ "| heap max MiB | <= 30 s |");
			line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
			for (Results.ExportFigures f : r.exports) {
				line("| %s | `%s` | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %s |".formatted(f.label(), f.path(),
						f.firstByteSeconds(), f.seconds(), f.bytes() / 1048576.0, f.heapBeforeMib(), f.heapPeakMib(),
						f.heapMaxMib(), verdict(f.seconds(), 30, false).replace("x", " s")));
			}
			line("");
		}
	}

	private void startup() {
		line("## (c) Start-up time and resident memory against the bare starter");
		line("");
		line("Time from `java -jar` to the first healthy `/actuator/health`; resident memory (VmRSS) 2 s after that "
				+ "and the peak while (a) ran. Same JVM and options for both (see options above). "
				+ "Each application is started two ways: "
				+ "the fat jar as the build writes it (`java -jar target/...jar`), and deployed as docs/operations.md "
				+ "recommends and Spring Boot documents for a fast start: the jar extracted with "
				+ "`-Djarmode=tools extract` and a class data sharing archive from a training run "
				+ "(`-XX:ArchiveClassesAtExit`, `-Dspring.context.exit=onRefresh`, on an empty database of its own), "
				+ "started with `-XX:SharedArchiveFile`. The first starts meet an empty schema; the restarts the "
				+ "schema and data (a) left, the median of " + Benchmark.RESTARTS
				+ " restarts of each side taken in turns. Resident memory after start is judged on the restarts' "
				+ "median: how much heap G1 has committed and touched 2 s after a start varies from one start to the "
				+ "next on either side (docs/benchmarks.md), so one start's figure, shown below it, is mostly that.");
		line("");
		line("| figure | ours | bare starter | ratio | target |");
		line("| --- | ---: | ---: | ---: | --- |");
		ratioRow("fat jar: first start on an empty schema (s)", r.appFreshStart, r.bareFreshStart, 1.25);
		ratioRow("fat jar: restart on an existing schema (s)", r.appRestart, r.bareRestart, 1.25);
		if (r.fatRestarts != null) {
			ratioRow("fat jar: RSS after a restart (MiB, median)", r.fatRestarts.appRss(), r.fatRestarts.bareRss(),
					1.2);
		}
		untargetedRow("fat jar: RSS after the first start (MiB, one start)", r.appRssAfterStart, r.bareRssAfterStart);
		if (r.deployedRestarts != null) {
			ratioRow("deployed: first start on an empty schema (s)", r.deployedAppFreshStart, r.deployedBareFreshStart,
					1.25);
			ratioRow("deployed: restart on an existing schema (s)", r.deployedRestarts.app(), r.deployedRestarts.bare(),
					1.25);
			ratioRow("deployed: RSS after a restart (MiB, median)", r.deployedRestarts.appRss(),
					r.deployedRestarts.bareRss(), 1.2);
			untargetedRow("deployed: RSS after the first start (MiB, one start)", r.deployedAppRssAfterStart,
					r.deployedBareRssAfterStart);
		}
		if (r.app1 != null) {
			ratioRow("fat jar: RSS peak under (a)'s load (MiB)", r.appRssUnderLoad, r.bareRssUnderLoad, 1.2);
		}
		if (!Double.isNaN(r.appDataStart)) {
			line("| ours: start with %,d projects (s) | %.2f | | | |".formatted(r.generatedProjects, r.appDataStart));
		}
		if (!Double.isNaN(r.appRssReports)) {
			line("| ours: RSS peak while serving reports (MiB) | %.0f | | | |".formatted(r.appRssReports));
		}
		if (!Double.isNaN(r.appRestartCpu)) {
			untargetedRow("fat jar: CPU used until healthy on the restart (s, both cores)", r.appRestartCpu,
					r.bareRestartCpu);
		}
		if (r.deployedRestarts != null) {
			untargetedRow("deployed: CPU used until healthy on the restart (s, both cores)",
					r.deployedRestarts.appCpu(), r.deployedRestarts.bareCpu());
		}
		line("");
		startThreads();
		profileTable(r.startProfiles, "Where the start-up goes: one more restart of each, with the flight recorder on "
				+ "from the JVM's start until healthy (not among the timed starts, since recording costs time); "
				+ "execution samples charged to their innermost frame outside the JDK (class loading and "
				+ "reflection are charged to whoever asked for them), share in percent.");
	}

	/** (c): CPU seconds until healthy by kind of thread, the last restart of each way. */
	private void startThreads() {
		if (r.fatRestarts == null || r.deployedRestarts == null) {
			return;
		}
		line("CPU seconds each application had used when it first answered healthy, by kind of thread (from "
				+ "/proc/PID/task; the last of the restarts above). On two cores the JIT compilers' work competes with "
				+ "the main thread's start-up.");
		line("");
		line("| thread | fat jar: ours | fat jar: bare starter | deployed: ours | deployed: bare starter |");
		line("| --- | ---: | ---: | ---: | ---: |");
		java.util.Set<String> kinds = new java.util.TreeSet<>();
		for (Results.Starts s : java.util.List.of(r.fatRestarts, r.deployedRestarts)) {
			kinds.addAll(s.appThreads().keySet());
			kinds.addAll(s.bareThreads().keySet());
		}
		for (String kind : kinds) {
			Results.Starts fat = r.fatRestarts;
			Results.Starts deployed = r.deployedRestarts;
			line("| %s | %.2f | %.2f | %.2f | %.2f |".formatted(kind, fat.appThreads().getOrDefault(kind, 0.0),
					fat.bareThreads().getOrDefault(kind, 0.0), deployed.appThreads().getOrDefault(kind, 0.0),
					deployed.bareThreads().getOrDefault(kind, 0.0)));
		}
		line("");
	}

	private void profileTable(java.util.List<CpuProfile.Figures> profiles, String intro) {
		if (profiles.isEmpty()) {
			return;
		}
		line(intro);
		line("");
		java.util.Set<String> components = new java.util.LinkedHashSet<>();
		profiles.forEach(p -> components.addAll(p.components().keySet()));
		StringBuilder head = new StringBuilder("| component |");
		StringBuilder rule = new StringBuilder("| --- |");
		for (CpuProfile.Figures p : profiles) {
			head.append(' ').append(p.side()).append(" (%,d samples) |".formatted(p.samples()));
			rule.append(" ---: |");
		}
		line(head.toString());
		line(rule.toString());
		for (String component : components) {
			StringBuilder l = new StringBuilder("| " + component + " |");
			for (CpuProfile.Figures p : profiles) {
				Double share = p.components().get(component);
				l.append(share == null ? " - |" : " %.1f |".formatted(share));
			}
			line(l.toString());
		}
		line("");
	}

	/**
	 * How the figures were taken: what each side does, never a figure this run did not
	 * measure.
	 */
	private void notes() {
		line("## Notes");
		line("");
		line("- Load: the two sides take turns on the same cores, so anything else running shifts the ratios; the "
				+ "load average at the start of the run is in the table above. Compare runs on a quiet machine.");
		line("- (a) Warm-up: both sides first run the warm-up paths above, untimed, so that the JIT has compiled the "
				+ "hot paths of both.");
		line("- (a) One of our steps is an HTTP request with Basic authentication, the lifecycle's checks (project row "
				+ "locked, pending approval, open task), the engine completing the stage's task, the milestone, "
				+ "project "
				+ "and audit rows, and the project read back for the answer. A plain step is an in-process call of "
				+ "`TaskService.complete` (or `startProcessInstanceByKey`) with the starter's default history.");
		line("- (b) The naive side re-reads the engine's history for every request; ours reads one narrow row per "
				+ "project from milestone_timeline, a histogram for durations.");
		line("- (c) Our application starts more than the bare starter (Spring Security, Flyway, Thymeleaf, Spring "
				+ "Session, our own beans) and runs Flyway's migrations on a first start.");
		line("");
	}

	private void ratioRow(String label, double ours, double bare, double limit) {
		if (Double.isNaN(ours) || Double.isNaN(bare)) {
			return;
		}
		double by = (ours / bare / limit - 1) * 100;
		String missedBy = by < 1 ? "%.1f".formatted(by) : "%.0f".formatted(by);
		line("| %s | %.2f | %.2f | %.2fx | <= %.2fx: %s |".formatted(label, ours, bare, ours / bare, limit,
				by <= 0 ? "met" : "**missed by %s%%**".formatted(missedBy)));
	}

	/** A row of (c)'s table that is shown beside the targets but not judged against one. */
	private void untargetedRow(String label, double ours, double bare) {
		if (!Double.isNaN(ours) && !Double.isNaN(bare)) {
			line("| %s | %.2f | %.2f | %.2fx | |".formatted(label, ours, bare, ours / bare));
		}
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
