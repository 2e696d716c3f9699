package com.investtrack.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the product's jar started with {@code java -jar} on its own port,
 * on the shared database, as an operator would run it. Killed with SIGKILL
 * ({@link Process#destroyForcibly()}), the same as {@code kill -9}.
 */
final class ClusterNode {

	private final String name;

	private final int port;

	private final Path jar;

	private final Path workDir;

	private final String jdbcUrl;

	private final Duration jobLockTime;

	private final String sweepCycle;

	/**
	 * The nodes' JVM options (system property {@code cluster.nodeJvm}, space-separated,
	 * replaces them). C1-only compilation cuts the CPU a start needs, which is what a
	 * start is short of on a loaded two-core machine.
	 */
	/**
	 * {@code -Dcluster.cds=false}: nodes start from the fat jar without an archive, to
	 * compare.
	 */
	private static final boolean CLASS_DATA_SHARING = Boolean.parseBoolean(System.getProperty("cluster.cds", "true"));

	/**
	 * The nice value a node starts with ({@code cluster.startNice}, -10; 0 turns it off),
	 * reset to 0 on all its threads once it is ready. A start is CPU-bound (the report
	 * shows the CPU it used and the share of a core it got): on a two-core machine
	 * saturated by the surviving node, the database, the simulated users and whatever
	 * else runs there, a start at equal priority gets a fifth of a core or less and takes
	 * minutes. Giving the starting process a larger CPU weight for its start, as an
	 * operator gives a service that must come back, makes it ready in seconds without
	 * favouring it afterwards.
	 */
	private static final int START_NICE = Integer.getInteger("cluster.startNice", -10);

	private static final List<String> JVM_OPTIONS = List
		.of(System.getProperty("cluster.nodeJvm", "-Xms256m -Xmx640m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
			.split(" "));

	private Process process;

	private int starts;

	private Path log;

	private Instant startedAt;

	/**
	 * How one start went: wall time from {@code java -jar} to ready, the CPU the process
	 * used meanwhile, the load.
	 */
	record Start(String node, int run, Duration toReady, Duration cpu, String springSays, double loadAverage,
			boolean underLoad, int nice) {

		/**
		 * Share of one core the starting process got: near 1 (or more) is a start bound
		 * by its own work.
		 */
		double cpuShare() {
			return toReady.isZero() ? 0 : (double) cpu.toMillis() / toReady.toMillis();
		}

	}

	ClusterNode(String name, Path jar, Path workDir, String jdbcUrl, Duration jobLockTime, String sweepCycle)
			throws IOException {
		this.name = name;
		this.port = freePort();
		this.jar = jar;
		this.workDir = workDir;
		this.jdbcUrl = jdbcUrl;
		this.jobLockTime = jobLockTime;
		this.sweepCycle = sweepCycle;
	}

	String name() {
		return name;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	int port() {
		return port;
	}

	long pid() {
		return process.pid();
	}

	Path log() {
		return log;
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	void start() throws IOException {
		starts++;
		startedAt = Instant.now();
		log = workDir.resolve(name + "-run" + starts + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>();
		if (START_NICE != 0) {
			command.addAll(List.of("nice", "-n", String.valueOf(START_NICE)));
		}
		command.add(java);
		command.addAll(JVM_OPTIONS);
		Path archive = archive(workDir);
		if (Files.exists(archive)) {
			command.add("-XX:SharedArchiveFile=" + archive);
		}
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(arguments(jdbcUrl, port));
		command.addAll(List.of("--camunda.bpm.job-execution.lock-time-in-millis=" + jobLockTime.toMillis(),
				// names the node in the engine's job log, so the report can say which
				// node ran a job
				"--camunda.bpm.generic-properties.properties.hostname=" + name,
				"--app.lights.sweep-cycle=" + sweepCycle,
				// an idle job executor backs off up to a minute by default; five seconds
				// keep the sweep near its cycle
				"--camunda.bpm.job-execution.max-wait=5000"));
		process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static List<String> arguments(String jdbcUrl, int port) {
		return List.of("--spring.profiles.active=mysql", "--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.datasource.url=" + jdbcUrl, "--app.demo-data=false");
	}

	private static Path archive(Path workDir) {
		return workDir.resolve("app.jsa").toAbsolutePath();
	}

	/**
	 * Prepares the jar the way Spring Boot recommends for a fast start, and returns the
	 * jar to run: extracted ({@code -Djarmode=tools extract}), and with a class data
	 * sharing archive of the application's classes written by a training run that starts
	 * the context once and exits ({@code -XX:ArchiveClassesAtExit},
	 * {@code spring.context.exit=onRefresh}). Classes are then mapped from the archive
	 * instead of being read, verified and parsed from jars at every start. The training
	 * run creates the schema on the empty database, so both nodes may start at once
	 * afterwards. Bounded in time; without an archive the nodes simply start without one.
	 */
	static Path prepare(Path jar, Path workDir, String jdbcUrl, Duration max) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path extracted = workDir.resolve("app").toAbsolutePath();
		if (Files.exists(extracted)) {
			try (var old = Files.walk(extracted)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.deleteIfExists(archive(workDir));
		if (!CLASS_DATA_SHARING) {
			return jar.toAbsolutePath();
		}
		run(max, workDir.resolve("extract.log"), java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
				"extract", "--destination", extracted.toString());
		Path app = extracted.resolve(jar.getFileName());
		if (!Files.exists(app)) {
			throw new IllegalStateException(
					"extracting " + jar + " gave no " + app + ", see " + workDir.resolve("extract.log"));
		}
		List<String> training = new ArrayList<>(List.of(java));
		training.addAll(JVM_OPTIONS);
		training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(workDir), "-Dspring.context.exit=onRefresh",
				"-jar", app.toString()));
		training.addAll(arguments(jdbcUrl, freePort()));
		training.add("--camunda.bpm.job-execution.enabled=false");
		int rc = run(max, workDir.resolve("training.log"), training.toArray(String[]::new));
		if (rc != 0) {
			throw new IllegalStateException(
					"the training run ended with " + rc + ", see " + workDir.resolve("training.log"));
		}
		return app;
	}

	private static int run(Duration max, Path log, String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(max.toSeconds(), TimeUnit.SECONDS)) {
			p.destroyForcibly();
			p.waitFor();
			throw new IllegalStateException(String.join(" ", command) + " did not end within " + max + ", see " + log);
		}
		return p.exitValue();
	}

	/**
	 * Waits until the node says it is ready for traffic (the load balancer's readiness
	 * probe), and tells how the start went; fails if the process ends or the time runs
	 * out.
	 */
	Start awaitReady(HttpClient http, Duration max, boolean underLoad) throws InterruptedException {
		awaitHealthy(http, max);
		Duration toReady = Duration.between(startedAt, Instant.now());
		Start start = new Start(name, starts, toReady, cpuTime(), springSays(), loadAverage(), underLoad, START_NICE);
		normalPriority();
		return start;
	}

	/** Every thread of the node back to nice 0 (nice values are per thread on Linux). */
	private void normalPriority() {
		if (START_NICE == 0) {
			return;
		}
		try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
			List<String> command = new ArrayList<>(List.of("renice", "-n", "0", "-p"));
			tasks.forEach(t -> command.add(t.getFileName().toString()));
			run(Duration.ofSeconds(10), workDir.resolve(name + "-renice.log"), command.toArray(String[]::new));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not reset the priority of " + name + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until the node answers its readiness probe with UP; fails if the process ends
	 * or the time runs out.
	 */
	void awaitHealthy(HttpClient http, Duration max) throws InterruptedException {
		Instant deadline = Instant.now().plus(max);
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						name + " exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
			}
			try {
				HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " not healthy after " + max + "; log " + log + ":\n" + tail());
	}

	/**
	 * kill -9: the node gets no chance to finish requests, release job locks or close
	 * connections.
	 */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** A graceful stop (SIGTERM), forced after half a minute. */
	void stop() throws InterruptedException {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}

	/**
	 * User and system CPU time of the node's process so far, from /proc (Linux); zero
	 * where unreadable.
	 */
	private Duration cpuTime() {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14 and 15 of stat (utime, stime), counted after the command name:
			// indexes 11 and 12; clock ticks
			// of 1/100 s on Linux
			return Duration.ofMillis((Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10);
		}
		catch (IOException | RuntimeException ex) {
			return Duration.ZERO;
		}
	}

	private static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Spring Boot's own account of the start ("Started ... in 21.3 seconds (process
	 * running for 24.1)").
	 */
	private String springSays() {
		try (var lines = Files.lines(log)) {
			return lines.filter(l -> l.contains("Started InvestTrackApplication"))
				.map(l -> l.substring(l.indexOf("Started InvestTrackApplication") + 8))
				.findFirst()
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public String toString() {
		return name + " (:" + port + ")";
	}

}
