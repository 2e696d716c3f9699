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
import java.util.List;

/**
 * One application node: the product's jar started with {@code java -jar} on its own port, on the shared database, as
 * an operator would run it. Killed with SIGKILL ({@link Process#destroyForcibly()}), the same as {@code kill -9}.
 */
final class ClusterNode {

	private final String name;

	private final int port;

	private final Path jar;

	private final Path workDir;

	private final String jdbcUrl;

	private final Duration jobLockTime;

	private Process process;

	private int starts;

	private Path log;

	ClusterNode(String name, Path jar, Path workDir, String jdbcUrl, Duration jobLockTime) throws IOException {
		this.name = name;
		this.port = freePort();
		this.jar = jar;
		this.workDir = workDir;
		this.jdbcUrl = jdbcUrl;
		this.jobLockTime = jobLockTime;
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
		log = workDir.resolve(name + "-run" + starts + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx640m", "-XX:+UseSerialGC", "-jar",
				jar.toString(), "--spring.profiles.active=mysql", "--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.datasource.url=" + jdbcUrl, "--app.demo-data=false",
				"--camunda.bpm.job-execution.lock-time-in-millis=" + jobLockTime.toMillis(),
				// names the node in the engine's job log, so the report can say which node ran a job
				"--camunda.bpm.generic-properties.properties.hostname=" + name));
		process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Waits until the node answers its health check with UP; fails if the process ends or the time runs out. */
	void awaitHealthy(HttpClient http, Duration max) throws InterruptedException {
		Instant deadline = Instant.now().plus(max);
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
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

	/** kill -9: the node gets no chance to finish requests, release job locks or close connections. */
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
