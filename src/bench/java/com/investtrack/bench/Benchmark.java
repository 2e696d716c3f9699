package com.investtrack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The benchmark, run by {@code mvn -B -Pbench verify} (see BENCHMARKS.md). In one run, on
 * one MySQL/MariaDB server:
 * <ol>
 * <li>(a) stage steps: full project paths through our HTTP API against the same number of
 * steps through Camunda's Java API on a plain five-user-task model in a bare
 * camunda-bpm-spring-boot-starter application, at 1 and 4 clients;</li>
 * <li>(b) the duration reports over generated projects against the same figures computed
 * naively from Camunda's history;</li>
 * <li>(c) start-up time and resident memory of both applications;</li>
 * <li>(d) the Excel ledger's import: a 5,000-row ledger previewed and confirmed, and the
 * memory its reading takes ({@code -Dbench.args=ledger} runs only this and merges its
 * section into the existing file).</li>
 * </ol>
 * Every loop is bounded in count and time, and only loopback addresses are used. The
 * figures go to BENCHMARKS.md.
 */
public final class Benchmark {

	static final String PASSWORD = "bench-password";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * {@code -Dbench.port=N}: the product listens on N, the bare starter on N + 1, its
	 * REST twin on N + 2.
	 */
	private static final int APP_PORT = Integer.getInteger("bench.port", 18080);

	private static final int PLAIN_PORT = APP_PORT + 1;

	private static final int REST_PORT = APP_PORT + 2;

	private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

	/** Turns each side takes in (a); the paths of a run are spread over them. */
	private static final int ROUNDS = 5;

	private static final String ALL_PHASES = "steps,reports,startup,ledger";

	private static final String LEDGER_ONLY = "ledger";

	record Options(int projects, int paths, int warmupPaths, int reportRequests, int naiveRequests, List<String> phases,
			Path out, String serverUrl, String user, String password, List<String> jvmOptions, boolean offline,
			int ledgerRows, int scaleTo) {

		Options {
			if (scaleTo > 0 && !phases.equals(List.of("reports"))) {
				throw new IllegalArgumentException("scale-to= measures (b) alone: give phases=reports with it");
			}
		}

		static Options parse(String[] args) {
			Map<String, String> a = new LinkedHashMap<>();
			for (String arg : String.join(" ", args).trim().split("\\s+")) {
				if (arg.isBlank()) {
					continue;
				}
				String[] kv = arg.replaceFirst("^--", "").split("=", 2);
				a.put(kv[0], kv.length > 1 ? kv[1] : "true");
			}
			boolean quick = a.containsKey("quick");
			return new Options(Integer.parseInt(a.getOrDefault("projects", quick ? "5000" : "100000")),
					Integer.parseInt(a.getOrDefault("paths", quick ? "30" : "150")),
					Integer.parseInt(a.getOrDefault("warmup-paths", quick ? "100" : "300")),
					Integer.parseInt(a.getOrDefault("report-requests", quick ? "40" : "200")),
					Integer.parseInt(a.getOrDefault("naive-requests", quick ? "3" : "5")),
					// "ledger" alone: only the ledger's import, merged into the existing
					// file
					Arrays.asList(
							a.getOrDefault("phases", a.containsKey("ledger") ? LEDGER_ONLY : ALL_PHASES).split(",")),
					Path.of(a.getOrDefault("out", "BENCHMARKS.md")),
					a.getOrDefault("mysql",
							System.getenv().getOrDefault("BENCH_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/")),
					a.getOrDefault("mysql-user", System.getenv().getOrDefault("BENCH_MYSQL_USER", "root")),
					a.getOrDefault("mysql-password", System.getenv().getOrDefault("BENCH_MYSQL_PASSWORD", "")),
					a.containsKey("jvm") ? Arrays.asList(a.get("jvm").split(",")) : List.of(),
					Boolean.parseBoolean(a.getOrDefault("offline", "false")),
					Integer.parseInt(a.getOrDefault("ledger-rows", "5000")),
					// (b) on more projects than were generated: copies of their product rows
					// (DataCopies), merged into the existing file as section (e)
					Integer.parseInt(a.getOrDefault("scale-to", "0")));
		}

	}

	private final Options options;

	private final Databases databases;

	private final Results results = new Results();

	private final Path workDir = Path.of("target", "bench");

	private Benchmark(Options options) {
		this.options = options;
		this.databases = new Databases(options.serverUrl(), options.user(), options.password());
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		new Benchmark(options).run();
	}

	private void run() throws Exception {
		long started = System.nanoTime();
		Files.createDirectories(workDir);
		results.machine = Machine.describe(databases.serverVersion(), databases.durability());
		results.options = options;
		log("machine: " + results.machine);
		Path appJar = appJar();
		boolean bare = options.phases().contains("steps") || options.phases().contains("startup");
		BareStarter.Jars bareJars = bare
				? BareStarter.build(Path.of("src", "bench", "bare-starter"), options.offline(), workDir) : null;
		Path bareJar = bare ? bareJars.plain() : null;
		if (options.phases().contains("steps")) {
			steps(bareJar, bareJars.rest(), appJar);
		}
		if (options.phases().contains("reports")) {
			new ReportPhase(options, databases, results, workDir).run(appJar, this::startApp);
		}
		if (options.phases().contains("startup")) {
			restarts(appJar, bareJar);
		}
		if (options.phases().contains("ledger")) {
			new LedgerPhase(options, databases, results).run(appJar, this::startApp);
		}
		results.totalSeconds = (System.nanoTime() - started) / 1e9;
		BenchmarkMarkdown render = new BenchmarkMarkdown(results);
		String markdown;
		if (options.phases().equals(List.of(LEDGER_ONLY)) && Files.exists(options.out())) {
			// the ledger's section replaces its earlier one; every other section stays
			// as the run that wrote it measured it
			markdown = render.mergeLedger(Files.readString(options.out()));
		}
		else if (options.scaleTo() > 0 && Files.exists(options.out())) {
			markdown = render.mergeScaled(Files.readString(options.out()));
		}
		else {
			markdown = render.render();
			if (Files.exists(options.out())) {
				markdown = BenchmarkMarkdown.keepScaled(markdown, Files.readString(options.out()));
			}
		}
		Files.writeString(options.out(), markdown);
		System.out.println(markdown);
		log("wrote " + options.out().toAbsolutePath());
	}

	/**
	 * (a), and the first start of both applications on an empty schema with their memory.
	 * Both stay up and the two sides take turns in rounds, so that whatever else the
	 * machine does at the time weighs on both alike.
	 */
	private void steps(Path bareJar, Path restJar, Path appJar) throws Exception {
		databases.recreate(Databases.PLAIN);
		databases.recreate(Databases.REST);
		databases.recreate(Databases.STEPS);
		try (AppProcess bare = startBare(bareJar, "bare-fresh", stepsJvm())) {
			results.bareFreshStart = bare.awaitHealthy();
			Thread.sleep(2000);
			results.bareRssAfterStart = bare.rssMib();
			log("bare starter healthy after %.2f s, RSS %.0f MiB".formatted(results.bareFreshStart,
					results.bareRssAfterStart));
			try (AppProcess app = startApp(appJar, "app-fresh", Databases.STEPS, stepsJvm())) {
				results.appFreshStart = app.awaitHealthy();
				seedUsers();
				Thread.sleep(2000);
				results.appRssAfterStart = app.rssMib();
				log("app healthy after %.2f s, RSS %.0f MiB".formatted(results.appFreshStart,
						results.appRssAfterStart));
				// Camunda's REST API is started after the first starts were measured, so
				// that
				// they stay one application at a time
				try (AppProcess rest = startRest(restJar)) {
					rest.awaitHealthy();
					stepRounds(bare, rest, app);
				}
			}
		}
	}

	/** (a)'s rounds: the three sides take turns at 1, then at 4 clients. */
	private void stepRounds(AppProcess bare, AppProcess rest, AppProcess app) throws Exception {
		StepLoad load = new StepLoad(app.baseUrl(), PASSWORD, LocalDate.now(ZONE));
		RestStepLoad restLoad = new RestStepLoad(rest.baseUrl(), PASSWORD);
		plainRun(bare, 1, options.warmupPaths() * StepLoad.STEPS_PER_PATH);
		restLoad.run(1, options.warmupPaths() * StepLoad.STEPS_PER_PATH, RUN_LIMIT);
		load.run(1, options.warmupPaths(), RUN_LIMIT);
		for (int clients : new int[] { 1, 4 }) {
			Rounds plain = new Rounds(clients);
			Rounds restRounds = new Rounds(clients);
			Rounds ours = new Rounds(clients);
			for (int round = 0; round < ROUNDS; round++) {
				int paths = options.paths() / ROUNDS + (round < options.paths() % ROUNDS ? 1 : 0);
				CpuMeter plainCpu = new CpuMeter(bare, databases);
				results.bareRssUnderLoad = Math.max(results.bareRssUnderLoad,
						bare.peakRssDuring(() -> plain.add(plainRun(bare, clients, paths * StepLoad.STEPS_PER_PATH))));
				plain.cpu(plainCpu);
				CpuMeter restCpu = new CpuMeter(rest, databases);
				restRounds.add(restLoad.run(clients, paths * StepLoad.STEPS_PER_PATH, RUN_LIMIT));
				restRounds.cpu(restCpu);
				CpuMeter ourCpu = new CpuMeter(app, databases);
				results.appRssUnderLoad = Math.max(results.appRssUnderLoad,
						app.peakRssDuring(() -> ours.add(load.run(clients, paths, RUN_LIMIT))));
				ours.cpu(ourCpu);
			}
			if (clients == 1) {
				results.plain1 = plain.total();
				results.rest1 = restRounds.total();
				results.app1 = ours.total();
			}
			else {
				results.plain4 = plain.total();
				results.rest4 = restRounds.total();
				results.app4 = ours.total();
			}
			results.cpu
				.add(new Results.CpuPerStep(clients, plain.cpuPerStep(), restRounds.cpuPerStep(), ours.cpuPerStep()));
			log("%d client(s): plain Camunda %s; Camunda REST %s; our HTTP API %s".formatted(clients,
					describe(plain.total()), describe(restRounds.total()), describe(ours.total())));
		}
		anatomy(bare, rest, app, load, restLoad);
	}

	/**
	 * After the timed rounds: each side's statements by part (the server's general log,
	 * one path or instance), then its CPU profile (JFR) over a batch of paths at one
	 * client.
	 */
	private void anatomy(AppProcess bare, AppProcess rest, AppProcess app, StepLoad load, RestStepLoad restLoad)
			throws Exception {
		StepAnatomy anatomy = new StepAnatomy(databases);
		List<StepAnatomy.Row> ours = new ArrayList<>();
		load.onePath((step, send) -> ours.add(anatomy.capture(BenchmarkMarkdown.OURS, step, Databases.STEPS, 1, send)));
		results.anatomy.addAll(StepAnatomy.mean(BenchmarkMarkdown.OURS, ours));
		int instance = StepLoad.STEPS_PER_PATH - 1;
		results.anatomy.add(anatomy.capture(BenchmarkMarkdown.PLAIN, "mean of an instance's steps", Databases.PLAIN,
				instance, () -> plainRun(bare, 1, instance)));
		results.anatomy.add(anatomy.capture(BenchmarkMarkdown.REST, "mean of an instance's steps", Databases.REST,
				instance, () -> restLoad.run(1, instance, RUN_LIMIT)));
		// as many paths as a client count's timed rounds: at one sample every 10-20 ms of a
		// thread's CPU, a third of them left fewer than 200 samples per side
		int paths = Math.max(10, options.paths());
		CpuProfile ourProfile = new CpuProfile(app, workDir.resolve("ours.jfr"));
		ourProfile.start();
		load.run(1, paths, RUN_LIMIT);
		results.profiles.add(ourProfile.stop(BenchmarkMarkdown.OURS));
		CpuProfile plainProfile = new CpuProfile(bare, workDir.resolve("plain.jfr"));
		plainProfile.start();
		plainRun(bare, 1, paths * StepLoad.STEPS_PER_PATH);
		results.profiles.add(plainProfile.stop(BenchmarkMarkdown.PLAIN));
		CpuProfile restProfile = new CpuProfile(rest, workDir.resolve("rest.jfr"));
		restProfile.start();
		restLoad.run(1, paths * StepLoad.STEPS_PER_PATH, RUN_LIMIT);
		results.profiles.add(restProfile.stop(BenchmarkMarkdown.REST));
		log("anatomy: " + results.anatomy.size() + " rows, profiles of " + results.profiles.size() + " sides");
	}

	/**
	 * CPU time spent from its creation to {@link #stop()} by the application under test,
	 * the database server (all of it, whoever asked) and this driver (the HTTP clients,
	 * on our side), and the statements the server received meanwhile (from every client:
	 * counted by the server, not estimated).
	 */
	private static final class CpuMeter {

		private final AppProcess app;

		private final Databases databases;

		private final double[] start;

		CpuMeter(AppProcess app, Databases databases) {
			this.app = app;
			this.databases = databases;
			this.start = now();
		}

		double[] stop() {
			double[] end = now();
			// the counter's own two reads are not the side's
			return new double[] { end[0] - start[0], end[1] - start[1], end[2] - start[2], end[3] - start[3] - 2,
					end[4] - start[4], end[5] - start[5] };
		}

		private double[] now() {
			long[] server = databases.statementsAndLockWaits();
			return new double[] { app.cpuMillis(), AppProcess.cpuMillis(databasePid()),
					AppProcess.cpuMillis(ProcessHandle.current().pid()), server[0], server[1], server[2] };
		}

		private static long databasePid() {
			return ProcessHandle.allProcesses()
				.filter(p -> p.info()
					.command()
					.map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
					.orElse(false))
				.mapToLong(ProcessHandle::pid)
				.findFirst()
				.orElse(-1);
		}

	}

	/**
	 * The rounds of one side at one client count, added up: all latencies, the sum of the
	 * rounds' wall times.
	 */
	private static final class Rounds {

		private final int clients;

		private final List<long[]> micros = new ArrayList<>();

		private final double[] cpu = new double[6];

		private long elapsedNanos;

		Rounds(int clients) {
			this.clients = clients;
		}

		void add(Latencies round) {
			micros.add(round.micros());
			elapsedNanos += round.elapsedNanos();
		}

		void cpu(CpuMeter meter) {
			double[] used = meter.stop();
			for (int i = 0; i < cpu.length; i++) {
				cpu[i] += used[i];
			}
		}

		/**
		 * Per step: milliseconds of CPU of the application, database server and driver;
		 * statements; row lock waits and the milliseconds spent in them.
		 */
		double[] cpuPerStep() {
			long steps = micros.stream().mapToLong(m -> m.length).sum();
			return Arrays.stream(cpu).map(c -> c / steps).toArray();
		}

		Latencies total() {
			return Latencies.of(clients, micros.stream().flatMapToLong(Arrays::stream).toArray(), elapsedNanos);
		}

	}

	private Latencies plainRun(AppProcess bare, int clients, int steps) throws Exception {
		bare.send("run " + clients + " " + steps);
		String line = bare.awaitLine(RUN_LIMIT);
		String[] words = line.split(" ");
		if (!words[0].equals("PLAIN-RESULT")) {
			throw new IllegalStateException("bare starter: " + line);
		}
		long[] micros = Arrays.stream(words[4].split(",")).mapToLong(Long::parseLong).toArray();
		return Latencies.of(Integer.parseInt(words[1]), micros, Long.parseLong(words[3]));
	}

	private void seedUsers() throws Exception {
		String hash = new BCryptPasswordEncoder().encode(PASSWORD);
		List<String[]> users = new ArrayList<>();
		for (int c = 1; c <= 4; c++) {
			users.add(new String[] { StepLoad.officer(c), "OFFICER" });
			users.add(new String[] { StepLoad.manager(c), "MANAGER" });
		}
		try (var c = databases.connect(Databases.STEPS)) {
			Databases.seed(c, hash, users);
		}
	}

	/** Restarts of each side in (c), taking turns; their median is the figure. */
	static final int RESTARTS = 3;

	/** (a) and (c)'s JVM options when none are given: see {@link #comparedJvm()}. */
	static final List<String> COMPARED_HEAP = List.of("-Xmx1g");

	/**
	 * (c): both applications restarted on the schema and data they already have, as a
	 * production restart does, first as the fat jar ({@code java -jar}), then deployed as
	 * docs/operations.md recommends (extracted, with a class data sharing archive from a
	 * training run; {@link Deployment}), first on an empty schema and then restarted.
	 * Each restart is taken {@link #RESTARTS} times, the two sides in turn, so that a slow
	 * moment of the machine does not fall on one side only.
	 */
	private void restarts(Path appJar, Path bareJar) throws Exception {
		Deployment fatApp = new Deployment(appJar, comparedJvm());
		Deployment fatBare = new Deployment(bareJar, comparedJvm());
		Results.Starts fat = restartInTurns(fatApp, fatBare, "restart");
		results.fatRestarts = fat;
		results.appRestart = fat.app();
		results.bareRestart = fat.bare();
		results.appRestartCpu = fat.appCpu();
		results.bareRestartCpu = fat.bareCpu();
		log("restart (median of %d): app %.2f s, bare starter %.2f s".formatted(RESTARTS, fat.app(), fat.bare()));

		databases.recreate(Databases.DEPLOYED_APP);
		Deployment app = Deployment.prepare(appJar, workDir.resolve("deployed-app"), comparedJvm(),
				withPort(appArgs(Databases.DEPLOYED_APP), APP_PORT));
		databases.recreate(Databases.DEPLOYED_PLAIN);
		Deployment bare = Deployment.prepare(bareJar, workDir.resolve("deployed-bare"), comparedJvm(),
				withPort(bareArgs(Databases.DEPLOYED_PLAIN), PLAIN_PORT));
		// the training runs migrated their databases: the first start meets an empty one
		databases.recreate(Databases.DEPLOYED_APP);
		databases.recreate(Databases.DEPLOYED_PLAIN);
		try (AppProcess a = AppProcess.start("deployed-app-fresh", app.jar(), app.jvmOptions(),
				appArgs(Databases.DEPLOYED_APP), APP_PORT, workDir.resolve("deployed-app-fresh.log"))) {
			results.deployedAppFreshStart = a.awaitHealthy();
			Thread.sleep(2000);
			results.deployedAppRssAfterStart = a.rssMib();
		}
		try (AppProcess b = AppProcess.start("deployed-bare-fresh", bare.jar(), bare.jvmOptions(),
				bareArgs(Databases.DEPLOYED_PLAIN), PLAIN_PORT, workDir.resolve("deployed-bare-fresh.log"))) {
			results.deployedBareFreshStart = b.awaitHealthy();
			Thread.sleep(2000);
			results.deployedBareRssAfterStart = b.rssMib();
		}
		results.deployedRestarts = restartInTurns(app, bare, "deployed-restart");
		log("deployed: first start app %.2f s, bare starter %.2f s; restart (median) app %.2f s, bare starter %.2f s"
			.formatted(results.deployedAppFreshStart, results.deployedBareFreshStart, results.deployedRestarts.app(),
					results.deployedRestarts.bare()));

		// where the start-up goes: one more restart of each with the flight recorder on
		// from the JVM's start (not among the timed ones, since recording costs time)
		Path appJfr = workDir.resolve("app-start.jfr").toAbsolutePath();
		try (AppProcess a = startApp(appJar, "app-profiled", Databases.STEPS, recording(appJfr))) {
			a.awaitHealthy();
			results.startProfiles.add(new CpuProfile(a, appJfr).stop(BenchmarkMarkdown.OURS_START));
		}
		Path bareJfr = workDir.resolve("bare-start.jfr").toAbsolutePath();
		try (AppProcess b = startBare(bareJar, "bare-profiled", recording(bareJfr))) {
			b.awaitHealthy();
			results.startProfiles.add(new CpuProfile(b, bareJfr).stop(BenchmarkMarkdown.BARE_START));
		}
	}

	/**
	 * Restarts each side {@link #RESTARTS} times on (a)'s databases, in turns; the median
	 * seconds to healthy, CPU seconds used until then, and resident memory 2 s later.
	 */
	private Results.Starts restartInTurns(Deployment app, Deployment bare, String name) throws Exception {
		double[] appSeconds = new double[RESTARTS];
		double[] bareSeconds = new double[RESTARTS];
		double[] appCpu = new double[RESTARTS];
		double[] bareCpu = new double[RESTARTS];
		double[] appRss = new double[RESTARTS];
		double[] bareRss = new double[RESTARTS];
		Map<String, Double> appThreads = Map.of();
		Map<String, Double> bareThreads = Map.of();
		for (int i = 0; i < RESTARTS; i++) {
			try (AppProcess a = AppProcess.start("app-" + name + (i + 1), app.jar(), app.jvmOptions(),
					appArgs(Databases.STEPS), APP_PORT, workDir.resolve("app-" + name + (i + 1) + ".log"))) {
				appSeconds[i] = a.awaitHealthy();
				appCpu[i] = a.cpuMillis() / 1000;
				appThreads = a.cpuSecondsByThread();
				Thread.sleep(2000);
				appRss[i] = a.rssMib();
			}
			try (AppProcess b = AppProcess.start("bare-" + name + (i + 1), bare.jar(), bare.jvmOptions(),
					bareArgs(Databases.PLAIN), PLAIN_PORT, workDir.resolve("bare-" + name + (i + 1) + ".log"))) {
				bareSeconds[i] = b.awaitHealthy();
				bareCpu[i] = b.cpuMillis() / 1000;
				bareThreads = b.cpuSecondsByThread();
				Thread.sleep(2000);
				bareRss[i] = b.rssMib();
			}
		}
		return new Results.Starts(median(appSeconds), median(bareSeconds), median(appCpu), median(bareCpu),
				median(appRss), median(bareRss), appThreads, bareThreads);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static List<String> withPort(List<String> args, int port) {
		List<String> all = new ArrayList<>(args);
		all.add("--server.port=" + port);
		return all;
	}

	private List<String> recording(Path file) {
		List<String> jvm = new ArrayList<>(comparedJvm());
		jvm.add("-XX:StartFlightRecording=name=bench,settings=profile,filename=" + file);
		return jvm;
	}

	/**
	 * The JVM options of (a) and (c), the same for every side: those given with
	 * {@code jvm=}, or else the heap docs/operations.md recommends for a node. Without a
	 * limit the JVM may grow its heap to a quarter of the machine's memory, and how much
	 * of that G1 commits during a start varies from start to start by hundreds of MiB on
	 * either side, which is most of what resident memory after start measured.
	 */
	private List<String> comparedJvm() {
		return options.jvmOptions().isEmpty() ? COMPARED_HEAP : options.jvmOptions();
	}

	/**
	 * (a)'s JVM options: {@link #comparedJvm()}, and deeper stacks for the flight
	 * recordings taken after the timed rounds (the option only matters while recording).
	 */
	private List<String> stepsJvm() {
		List<String> jvm = new ArrayList<>(comparedJvm());
		jvm.add(CpuProfile.STACK_DEPTH);
		return jvm;
	}

	AppProcess startApp(Path jar, String name) throws Exception {
		return startApp(jar, name, Databases.APP, options.jvmOptions());
	}

	private AppProcess startApp(Path jar, String name, String database, List<String> jvmOptions) throws Exception {
		return AppProcess.start(name, jar, jvmOptions, appArgs(database), APP_PORT, workDir.resolve(name + ".log"));
	}

	private List<String> appArgs(String database) {
		return List.of("--spring.profiles.active=mysql", "--app.demo-data=false",
				"--spring.datasource.url=" + databases.url(database),
				"--spring.datasource.username=" + databases.user(),
				"--spring.datasource.password=" + databases.password());
	}

	private AppProcess startRest(Path jar) throws Exception {
		return AppProcess.start("bare-rest", jar, stepsJvm(),
				List.of("--bench.rest-password=" + PASSWORD, "--spring.datasource.url=" + databases.url(Databases.REST),
						"--spring.datasource.username=" + databases.user(),
						"--spring.datasource.password=" + databases.password()),
				REST_PORT, workDir.resolve("bare-rest.log"));
	}

	private AppProcess startBare(Path jar, String name) throws Exception {
		return startBare(jar, name, comparedJvm());
	}

	private AppProcess startBare(Path jar, String name, List<String> jvmOptions) throws Exception {
		return AppProcess.start(name, jar, jvmOptions, bareArgs(Databases.PLAIN), PLAIN_PORT,
				workDir.resolve(name + ".log"));
	}

	private List<String> bareArgs(String database) {
		return List.of("--bench.console=true", "--spring.datasource.url=" + databases.url(database),
				"--spring.datasource.username=" + databases.user(),
				"--spring.datasource.password=" + databases.password());
	}

	private static Path appJar() throws Exception {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("invest-tracker-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/invest-tracker-*.jar: run mvn package first"));
		}
	}

	static String describe(Latencies l) {
		return "%.1f steps/s, p50 %.1f ms, p99 %.1f ms (%d steps)".formatted(l.perSecond(), l.p50(), l.p99(),
				l.count());
	}

	static void log(String message) {
		System.out.println("[bench] " + message);
	}

}
