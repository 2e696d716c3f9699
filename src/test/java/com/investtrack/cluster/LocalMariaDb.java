package com.investtrack.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The local MariaDB the cluster test runs on: its own database, created and dropped here, and a restart of the whole
 * server the way an operator (or CI) does it. Every wait is bounded.
 */
final class LocalMariaDb {

	static final String HOST = "127.0.0.1:3306";

	private final String database;

	LocalMariaDb(String database) {
		this.database = database;
	}

	String database() {
		return database;
	}

	/** The URL the nodes use: the parameters Camunda needs on MySQL, and a bounded connect. */
	String jdbcUrl() {
		return "jdbc:mysql://" + HOST + "/" + database
				+ "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&connectTimeout=3000";
	}

	/** A client for checks; every call opens its own connection, so it survives a server restart. */
	JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), "root", ""));
	}

	void recreate() {
		JdbcClient server = JdbcClient.create(new DriverManagerDataSource("jdbc:mysql://" + HOST + "/?connectTimeout=3000", "root", ""));
		server.sql("DROP DATABASE IF EXISTS " + database).update();
		server.sql("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin").update();
	}

	void drop() {
		JdbcClient.create(new DriverManagerDataSource("jdbc:mysql://" + HOST + "/?connectTimeout=3000", "root", ""))
			.sql("DROP DATABASE IF EXISTS " + database)
			.update();
	}

	/** Databases other than ours with open connections: who a server restart would disturb. */
	List<String> otherClients() {
		return jdbc().sql("SELECT DISTINCT DB FROM information_schema.PROCESSLIST WHERE DB IS NOT NULL AND DB <> ?")
			.param(database)
			.query(String.class)
			.list();
	}

	static boolean ping() throws IOException, InterruptedException {
		return run(Duration.ofSeconds(10), "mysqladmin", "-uroot", "--connect-timeout=2", "ping") == 0;
	}

	/**
	 * Shuts the server down and starts it again ({@code mysqladmin shutdown}, then {@code start-stop-daemon} as in
	 * {@code .ci/run}); returns how long it did not answer.
	 */
	static Duration restart() throws IOException, InterruptedException {
		Instant down = Instant.now();
		if (run(Duration.ofSeconds(90), "mysqladmin", "-uroot", "shutdown") != 0) {
			throw new IllegalStateException("mysqladmin shutdown failed");
		}
		start();
		return Duration.between(down, Instant.now());
	}

	/** Starts the server if it does not answer; waits up to a minute for it. */
	static void ensureRunning() throws IOException, InterruptedException {
		if (!ping()) {
			start();
		}
	}

	private static void start() throws IOException, InterruptedException {
		run(Duration.ofSeconds(30), "start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd");
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			if (ping()) {
				return;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("MariaDB did not come back within a minute");
	}

	private static int run(Duration max, String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (!p.waitFor(max.toSeconds(), TimeUnit.SECONDS)) {
			p.destroyForcibly();
			return -1;
		}
		return p.exitValue();
	}

}
