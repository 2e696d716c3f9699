package com.investtrack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A MariaDB server of the test's own: a fresh data directory made by
 * {@code mariadb-install-db} under the work directory, a {@code mariadbd} on its own port
 * and socket, started, restarted and stopped by the test. The machine's shared server is
 * never touched, so the restart disturbs nobody else and the test does not depend on that
 * server's state. Every wait is bounded.
 */
final class LocalMariaDb {

	private static final String SERVER = "/usr/sbin/mariadbd";

	private final Path dir;

	private final int port;

	private final String database;

	private Process process;

	LocalMariaDb(Path dir, int port, String database) {
		this.dir = dir.toAbsolutePath();
		this.port = port;
		this.database = database;
	}

	static boolean available() {
		return Files.isExecutable(Path.of(SERVER)) && Stream.of(System.getenv("PATH").split(":"))
			.anyMatch(p -> Files.isExecutable(Path.of(p, "mariadb-install-db")));
	}

	String where() {
		return "127.0.0.1:" + port + " (" + dir + ")";
	}

	/**
	 * The URL the nodes use: the parameters Camunda needs on MySQL, and a bounded
	 * connect.
	 */
	String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + database
				+ "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&connectTimeout=3000";
	}

	/**
	 * A client for checks; every call opens its own connection, so it survives a server
	 * restart.
	 */
	JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), "root", ""));
	}

	/**
	 * A fresh data directory (a server left running by an aborted earlier run is shut
	 * down first) and the database.
	 */
	void install() throws IOException, InterruptedException {
		if (ping()) {
			shutdown();
		}
		if (Files.exists(dir)) {
			try (Stream<Path> old = Files.walk(dir)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		int rc = run(Duration.ofSeconds(120), dir.resolve("install.log"), "mariadb-install-db", "--no-defaults",
				"--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
				"--auth-root-authentication-method=normal", "--skip-test-db");
		if (rc != 0) {
			throw new IllegalStateException(
					"mariadb-install-db failed (" + rc + "), see " + dir.resolve("install.log"));
		}
		start();
		JdbcClient
			.create(new DriverManagerDataSource("jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=3000", "root", ""))
			.sql("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
			.update();
	}

	/**
	 * Starts the server on the existing data directory; waits up to a minute for it to
	 * answer.
	 */
	void start() throws IOException, InterruptedException {
		process = new ProcessBuilder(SERVER, "--no-defaults", "--datadir=" + dir.resolve("data"),
				"--user=" + System.getProperty("user.name"), "--port=" + port, "--bind-address=127.0.0.1",
				"--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
				"--log-error=" + dir.resolve("error.log"), "--skip-name-resolve", "--innodb-buffer-pool-size=256M",
				"--max-connections=300", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()))
			.start();
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"mariadbd exited with " + process.exitValue() + ", see " + dir.resolve("error.log"));
			}
			if (ping()) {
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("mariadbd did not answer within a minute, see " + dir.resolve("error.log"));
	}

	/**
	 * Shuts the server down, keeps it down for at least {@code down} from the moment the
	 * shutdown began, and starts it again; returns how long it did not answer.
	 */
	Duration restart(Duration down) throws IOException, InterruptedException {
		Instant begin = Instant.now();
		shutdown();
		long left = Duration.between(Instant.now(), begin.plus(down)).toMillis();
		if (left > 0) {
			Thread.sleep(left);
		}
		start();
		return Duration.between(begin, Instant.now());
	}

	/**
	 * A clean shutdown, waited for up to a minute and a half; a server that does not end
	 * is killed.
	 */
	void shutdown() throws IOException, InterruptedException {
		run(Duration.ofSeconds(90), dir.resolve("shutdown.log"), "mysqladmin", "--no-defaults", "-uroot", "-h127.0.0.1",
				"-P" + port, "--connect-timeout=3", "shutdown");
		if (process != null && !process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		Instant deadline = Instant.now().plusSeconds(30);
		while (ping() && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
	}

	/**
	 * Stops the server if it runs; the data directory stays for a look after a failure.
	 */
	void stop() throws IOException, InterruptedException {
		if (process != null && process.isAlive() || ping()) {
			shutdown();
		}
	}

	boolean ping() throws IOException, InterruptedException {
		return run(Duration.ofSeconds(10), null, "mysqladmin", "--no-defaults", "-uroot", "-h127.0.0.1", "-P" + port,
				"--connect-timeout=2", "ping") == 0;
	}

	private static int run(Duration max, Path log, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
		builder.redirectOutput(
				log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
		Process p = builder.start();
		if (!p.waitFor(max.toSeconds(), TimeUnit.SECONDS)) {
			p.destroyForcibly();
			return -1;
		}
		return p.exitValue();
	}

}
