package com.investtrack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot application started with {@code java -jar} for the benchmark: how long it
 * takes to answer a healthy /actuator/health, its resident memory (VmRSS), and a
 * line-oriented console on its standard input and output.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration START_LIMIT = Duration.ofMinutes(3);

	private final String name;

	private final Process process;

	private final int port;

	private final long startedNanos;

	private final BlockingQueue<String> marked = new LinkedBlockingQueue<>();

	private final Path log;

	private volatile long peakRssKb;

	private double startupSeconds = Double.NaN;

	private AppProcess(String name, Process process, int port, long startedNanos, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.startedNanos = startedNanos;
		this.log = log;
	}

	/**
	 * Starts {@code java <jvmOptions> -jar jar <args>}; lines starting with one of the
	 * console prefixes are kept for {@link #awaitLine}, everything is copied to
	 * {@code log}.
	 */
	static AppProcess start(String name, Path jar, List<String> jvmOptions, List<String> args, int port, Path log)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.addAll(args);
		Files.createDirectories(log.getParent());
		try (var probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			probe.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"port " + port + " is taken: stop what listens there before running the " + "benchmark", ex);
		}
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		AppProcess app = new AppProcess(name, process, port, started, log);
		Thread pump = new Thread(app::pumpOutput, name + "-output");
		pump.setDaemon(true);
		pump.start();
		return app;
	}

	private void pumpOutput() {
		try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith("PLAIN-")) {
					marked.add(line);
					out.write(line.length() > 200 ? line.substring(0, 200) + "..." : line);
				}
				else {
					out.write(line);
				}
				out.newLine();
				out.flush();
			}
		}
		catch (IOException ex) {
			// the process ended; its exit shows in waitHealthy or close
		}
	}

	/**
	 * Polls /actuator/health until it answers UP; returns the seconds from process start.
	 */
	double awaitHealthy() throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = startedNanos + START_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						name + " exited with " + process.exitValue() + " before it was " + "healthy; see " + log);
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					startupSeconds = (System.nanoTime() - startedNanos) / 1e9;
					return startupSeconds;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException(name + " not healthy within " + START_LIMIT + "; see " + log);
	}

	double startupSeconds() {
		return startupSeconds;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** Resident memory now, in MiB, from /proc (Linux). */
	double rssMib() {
		long kb = rssKb();
		peakRssKb = Math.max(peakRssKb, kb);
		return kb / 1024.0;
	}

	private long rssKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the resident memory of " + name, ex);
		}
		throw new IllegalStateException("no VmRSS for " + name);
	}

	/**
	 * Samples resident memory every 200 ms while {@code work} runs; returns the peak
	 * seen, in MiB.
	 */
	double peakRssDuring(ThrowingRunnable work) throws Exception {
		peakRssKb = rssKb();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					rssMib();
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IllegalStateException ex) {
					return;
				}
			}
		}, name + "-rss");
		sampler.setDaemon(true);
		sampler.start();
		try {
			work.run();
		}
		finally {
			sampler.interrupt();
			sampler.join();
		}
		rssMib();
		return peakRssKb / 1024.0;
	}

	long pid() {
		return process.pid();
	}

	/** CPU time (user and system) the process has used so far, in milliseconds. */
	double cpuMillis() {
		return cpuMillis(process.pid());
	}

	/**
	 * CPU time (user and system) of any process, from /proc (Linux, 100 clock ticks a
	 * second).
	 */
	static double cpuMillis(long pid) {
		try {
			return cpuMillis(Path.of("/proc", String.valueOf(pid)));
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * CPU seconds used so far by the process's threads, summed by kind: the main thread
	 * (which runs the start-up), the JIT compilers, the garbage collector, and the rest;
	 * from /proc/PID/task (Linux). Threads that have ended are not counted.
	 */
	java.util.Map<String, Double> cpuSecondsByThread() {
		java.util.Map<String, Double> byKind = new java.util.TreeMap<>();
		try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					String comm = Files.readString(task.resolve("comm")).trim();
					String kind = comm.startsWith("C2 Compiler") ? "JIT compiler C2"
							: comm.startsWith("C1 Compiler") ? "JIT compiler C1"
									: comm.startsWith("GC ") || comm.startsWith("G1 ") ? "garbage collector"
											: comm.equals("java") ? "main thread" : "other threads";
					byKind.merge(kind, cpuMillis(task) / 1000, Double::sum);
				}
				catch (IOException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		return byKind;
	}

	/** User and system CPU of a process or thread directory of /proc. */
	private static double cpuMillis(Path proc) throws IOException {
		String stat = Files.readString(proc.resolve("stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
	}

	void send(String line) throws IOException {
		OutputStream in = process.getOutputStream();
		in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
		in.flush();
	}

	/** The next console line of the process, waiting at most {@code limit}. */
	String awaitLine(Duration limit) throws InterruptedException {
		String line = marked.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
		if (line == null) {
			throw new IllegalStateException(name + " gave no answer within " + limit + "; see " + log);
		}
		return line;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
