package com.investtrack.support;

import java.sql.DriverManager;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the database of a test run. By default each Spring context gets an in-memory H2; with
 * {@code -Dtest.database=mysql} (the second run of the suite in {@code mvn verify}) the same tests run against the
 * MySQL/MariaDB at {@code test.mysql.url}. Without a server that run is skipped with a message, except in CI
 * ({@code CI=true}), where it is mandatory.
 */
public final class TestDatabase {

	public static final String MYSQL = "mysql";

	public static boolean isMysql() {
		return MYSQL.equals(System.getProperty("test.database"));
	}

	public static String mysqlUrl() {
		return System.getProperty("test.mysql.url",
				"jdbc:mysql://127.0.0.1:3306/invest_test?sendFractionalSeconds=false&nullCatalogMeansCurrent=true");
	}

	public static String mysqlUser() {
		return System.getProperty("test.mysql.user", "root");
	}

	public static String mysqlPassword() {
		return System.getProperty("test.mysql.password", "");
	}

	/** Registers the datasource for the run's database; call from a {@code @DynamicPropertySource} method. */
	public static void register(DynamicPropertyRegistry registry) {
		if (!isMysql()) {
			return;
		}
		requireMysql();
		registry.add("spring.datasource.url", TestDatabase::mysqlUrl);
		registry.add("spring.datasource.username", TestDatabase::mysqlUser);
		registry.add("spring.datasource.password", TestDatabase::mysqlPassword);
		registry.add("spring.datasource.hikari.transaction-isolation", () -> "TRANSACTION_READ_COMMITTED");
		registry.add("camunda.bpm.database.type", () -> "mysql");
	}

	/** Aborts (skips) the test when no MySQL answers, or fails it in CI where MySQL must be there. */
	public static void requireMysql() {
		try (var c = DriverManager.getConnection(mysqlUrl(), mysqlUser(), mysqlPassword())) {
			return;
		}
		catch (Exception ex) {
			String message = "MySQL/MariaDB not reachable at " + mysqlUrl() + ": " + ex.getMessage();
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + " (mandatory in CI)");
			}
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
	}

	private TestDatabase() {
	}

}
