package com.investtrack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's databases on one MySQL/MariaDB server: bench_plain for the bare
 * starter, bench_app for the product. Each run recreates them, so both sides start from
 * an empty schema.
 */
final class Databases {

	/**
	 * Prefix of the databases' names: {@code -Dbench.db-prefix=x_} lets two benchmarks
	 * share one server (e.g. two working copies), each with databases of its own.
	 */
	private static final String PREFIX = System.getProperty("bench.db-prefix", "bench_");

	static final String PLAIN = PREFIX + "plain";

	static final String APP = PREFIX + "app";

	/**
	 * The product for (a) and (c), apart from (b)'s generated projects in APP, so that
	 * BENCH_REUSE_DATA can keep those across runs and both restarts of (c) meet schemas
	 * of the same kind (a few hundred instances from (a)).
	 */
	static final String STEPS = PREFIX + "steps";

	/** The bare starter with Camunda's REST API, (a)'s second baseline. */
	static final String REST = PREFIX + "rest";

	/**
	 * (c)'s applications deployed as docs/operations.md recommends: each side's training
	 * run and first start, on an empty database each time.
	 */
	static final String DEPLOYED_APP = PREFIX + "deployed_app";

	static final String DEPLOYED_PLAIN = PREFIX + "deployed_plain";

	/** The product for the ledger's import (d), on a database of its own. */
	static final String LEDGER = PREFIX + "ledger";

	/** Parks and the seven leading industries (code, name, district / code, name). */
	static final List<String[]> PARKS = List.of(
			new String[] { "JS-IMP", "Jingshan Intelligent Manufacturing Industrial Park", "Jingshan" },
			new String[] { "ZX-CNC", "Zhongxiang CNC Machine Tool Industrial Park", "Zhongxiang" },
			new String[] { "SY-GF", "Shayang Green Food Industrial Park", "Shayang" },
			new String[] { "QJL-EA", "Qujialing Ecological Agricultural Products Processing Park", "Qujialing" },
			new String[] { "SY-AP", "Shayang Agricultural Products Processing Park", "Shayang" },
			new String[] { "ZX-AP", "Zhongxiang Agricultural Products Processing Park", "Zhongxiang" },
			new String[] { "JM-HT", "Jingmen High-tech Industrial Development Zone", "Duodao" },
			new String[] { "DD-EI", "Duodao Electronic Information Industrial Park", "Duodao" },
			new String[] { "DB-IP", "Dongbao Industrial Park", "Dongbao" },
			new String[] { "DB-NE", "Dongbao New Energy Industrial Park", "Dongbao" },
			new String[] { "ZH-ND", "Zhanghe New District Industrial Park", "Zhanghe" },
			new String[] { "JM-CC", "Jingmen Chemical Circular Industry Park", "Duodao" },
			new String[] { "ZX-SC", "Zhongxiang Salt Chemical Industrial Park", "Zhongxiang" },
			new String[] { "JM-RR", "Jingmen Renewable Resources Industrial Park", "Dongbao" },
			new String[] { "JS-ED", "Jingshan Economic Development Zone", "Jingshan" },
			new String[] { "SY-ED", "Shayang Economic Development Zone", "Shayang" },
			new String[] { "ZX-ED", "Zhongxiang Economic Development Zone", "Zhongxiang" },
			new String[] { "JM-GH", "Jingmen Great Health Industrial Park", "Duodao" },
			new String[] { "JM-AV", "Zhanghe General Aviation Industrial Park", "Zhanghe" },
			new String[] { "JM-NM", "Jingmen New Materials Industrial Park", "Duodao" });

	static final List<String[]> INDUSTRIES = List.of(new String[] { "EQUIPMENT", "Equipment manufacturing" },
			new String[] { "NEW_ENERGY", "New energy and new materials" },
			new String[] { "CHEMICAL", "Chemical industry" },
			new String[] { "AGRI_FOOD", "Deep processing of agricultural products" },
			new String[] { "ELECTRONICS", "Electronic information" },
			new String[] { "RENEWABLE", "Renewable resources utilization and manufacturing" },
			new String[] { "HEALTH", "Great health" });

	private final String serverUrl;

	private final String user;

	private final String password;

	/**
	 * {@code serverUrl} is the JDBC URL of the server without a database, e.g.
	 * jdbc:mysql://127.0.0.1:3306/
	 */
	Databases(String serverUrl, String user, String password) {
		this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
		this.user = user;
		this.password = password;
	}

	/**
	 * The URL the applications use: Camunda on MySQL needs whole-second timestamps and
	 * the current catalog only.
	 */
	String url(String database) {
		return serverUrl + database + "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true";
	}

	String user() {
		return user;
	}

	String password() {
		return password;
	}

	void recreate(String database) throws SQLException {
		try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + database);
			s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
	}

	Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), user, password);
	}

	String serverVersion() throws SQLException {
		try (Connection c = DriverManager.getConnection(serverUrl, user, password);
				Statement s = c.createStatement();
				var rs = s.executeQuery("SELECT VERSION()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * The server's durability settings as it reports them, read rather than assumed:
	 * whether every commit is flushed to disk (innodb_flush_log_at_trx_commit=1) and the
	 * binary log synced (sync_binlog); and the buffer pool's size, which decides whether a
	 * scan of a large table is read from memory.
	 */
	String durability() throws SQLException {
		try (Connection c = DriverManager.getConnection(serverUrl, user, password);
				Statement s = c.createStatement();
				var rs = s.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin, "
						+ "@@innodb_buffer_pool_size DIV 1048576")) {
			rs.next();
			return "innodb_flush_log_at_trx_commit=" + rs.getString(1) + ", sync_binlog=" + rs.getString(2)
					+ ", log_bin=" + rs.getString(3) + ", innodb_buffer_pool_size=" + rs.getString(4) + " MiB";
		}
	}

	/**
	 * Statements the server has received from every client since it started (its
	 * Questions counter).
	 */
	long statements() {
		return statementsAndLockWaits()[0];
	}

	/**
	 * The server's Questions counter, then how many times and for how many milliseconds
	 * in all a transaction has waited for a row lock (Innodb_row_lock_waits and
	 * Innodb_row_lock_time), read in one statement.
	 */
	long[] statementsAndLockWaits() {
		try (Connection c = DriverManager.getConnection(serverUrl, user, password);
				Statement s = c.createStatement();
				var rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
						+ "('Questions', 'Innodb_row_lock_waits', 'Innodb_row_lock_time')")) {
			long[] counters = new long[3];
			while (rs.next()) {
				switch (rs.getString(1)) {
					case "Questions" -> counters[0] = rs.getLong(2);
					case "Innodb_row_lock_waits" -> counters[1] = rs.getLong(2);
					default -> counters[2] = rs.getLong(2);
				}
			}
			return counters;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the server's counters", ex);
		}
	}

	/**
	 * Parks, industries and the benchmark's users (roles as given) in a database whose
	 * schema Flyway has created.
	 */
	static void seed(Connection c, String passwordHash, List<String[]> usersAndRoles) throws SQLException {
		try (var park = c.prepareStatement("INSERT INTO park (code, name, district) SELECT ?, ?, ? FROM DUAL "
				+ "WHERE NOT EXISTS (SELECT 1 FROM park WHERE code = ?)");
				var industry = c.prepareStatement("INSERT INTO industry (code, name) SELECT ?, ? FROM DUAL "
						+ "WHERE NOT EXISTS (SELECT 1 FROM industry WHERE code = ?)");
				var user = c.prepareStatement(
						"INSERT INTO app_user (username, display_name, password_hash, " + "enabled, created_at) "
								+ "SELECT ?, ?, ?, TRUE, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE "
								+ "username = ?)");
				var role = c.prepareStatement("INSERT INTO app_user_role (username, role) SELECT ?, ? FROM DUAL "
						+ "WHERE NOT EXISTS (SELECT 1 FROM app_user_role WHERE username = ? AND role = ?)")) {
			for (String[] p : PARKS) {
				park.setString(1, p[0]);
				park.setString(2, p[1]);
				park.setString(3, p[2]);
				park.setString(4, p[0]);
				park.executeUpdate();
			}
			for (String[] i : INDUSTRIES) {
				industry.setString(1, i[0]);
				industry.setString(2, i[1]);
				industry.setString(3, i[0]);
				industry.executeUpdate();
			}
			for (String[] u : usersAndRoles) {
				user.setString(1, u[0]);
				user.setString(2, u[0]);
				user.setString(3, passwordHash);
				user.setTimestamp(4, Timestamp.from(Instant.now()));
				user.setString(5, u[0]);
				user.executeUpdate();
				for (int r = 1; r < u.length; r++) {
					role.setString(1, u[0]);
					role.setString(2, u[r]);
					role.setString(3, u[0]);
					role.setString(4, u[r]);
					role.executeUpdate();
				}
			}
		}
	}

}
