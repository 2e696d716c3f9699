package com.investtrack.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the database of a test run. By default each Spring context gets an in-memory
 * H2; with {@code -Dtest.database=mysql} (the second run of the suite in
 * {@code mvn verify}) the same tests run against the MySQL/MariaDB at
 * {@code test.mysql.url}, whose database is created on first use. Without a server that
 * run is skipped with a line on the console, except in CI ({@code CI=true}), where it is
 * mandatory.
 */
public final class TestDatabase {

	public static final String MYSQL = "mysql";

	/** The server part, the database name and the parameters of a MySQL JDBC URL. */
	private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/?]+/)([^?]+)(\\?.*)?");

	private static final int UNKNOWN_DATABASE = 1049;

	/** Why MySQL cannot be used ("" when it can); null until the first test asks. */
	private static String unavailable;

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

	/**
	 * Registers the datasource for the run's database; call from a
	 * {@code @DynamicPropertySource} method, after {@link #requireMysql()} has run in a
	 * {@code @BeforeAll} method (a skip while the context loads would be an error).
	 */
	public static void register(DynamicPropertyRegistry registry) {
		if (!isMysql()) {
			return;
		}
		registry.add("spring.datasource.url", TestDatabase::mysqlUrl);
		registry.add("spring.datasource.username", TestDatabase::mysqlUser);
		registry.add("spring.datasource.password", TestDatabase::mysqlPassword);
		registry.add("spring.datasource.hikari.transaction-isolation", () -> "TRANSACTION_READ_COMMITTED");
		registry.add("camunda.bpm.database.type", () -> "mysql");
	}

	/**
	 * Makes sure the MySQL database answers, creating it where the server does not have
	 * it yet. Skips the calling test class when no server answers, or fails it in CI,
	 * where MySQL must be there.
	 */
	public static synchronized void requireMysql() {
		if (unavailable == null) {
			unavailable = connect();
		}
		if (!unavailable.isEmpty()) {
			Prerequisite.missing("MySQL/MariaDB tests", unavailable);
		}
	}

	private static String connect() {
		try (Connection c = connection(mysqlUrl())) {
			return "";
		}
		catch (SQLException ex) {
			return ex.getErrorCode() == UNKNOWN_DATABASE ? create() : why(ex);
		}
	}

	/**
	 * Creates the URL's database as production's is created: utf8mb4_bin, so names
	 * compare exactly, as on H2.
	 */
	private static String create() {
		Matcher url = URL.matcher(mysqlUrl());
		if (!url.matches()) {
			return "no database named in " + mysqlUrl();
		}
		String server = url.group(1) + (url.group(3) == null ? "" : url.group(3));
		try (Connection c = connection(server); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE IF NOT EXISTS `" + url.group(2) + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
			return "";
		}
		catch (SQLException ex) {
			return why(ex);
		}
	}

	private static String why(SQLException ex) {
		return mysqlUrl() + " cannot be used (" + ex.getMessage().lines().findFirst().orElse("") + ")";
	}

	private static Connection connection(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", mysqlUser());
		properties.setProperty("password", mysqlPassword());
		properties.setProperty("connectTimeout", "5000");
		return DriverManager.getConnection(url, properties);
	}

	private TestDatabase() {
	}

}
