package com.investtrack.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

import com.investtrack.support.TestDatabase;

/**
 * The classifier against what MySQL/MariaDB and its driver really throw, raw and as
 * Spring translates it.
 */
class DatabaseFailuresMysqlIT {

	private final String table = "failures_probe_" + Long.toHexString(System.nanoTime());

	private Connection first;

	private Connection second;

	@BeforeEach
	void connect() throws SQLException {
		TestDatabase.requireMysql();
		first = connection();
		second = connection();
		try (Statement s = first.createStatement()) {
			s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT)");
			s.execute("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
		}
		first.setAutoCommit(false);
		second.setAutoCommit(false);
	}

	@AfterEach
	void cleanUp() throws SQLException {
		for (Connection c : new Connection[] { first, second }) {
			if (c != null && !c.isClosed()) {
				c.rollback();
				c.close();
			}
		}
		try (Connection c = connection(); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS " + table);
		}
	}

	@Test
	void aDeadlockIsALockConflict() throws Exception {
		update(first, 1);
		update(second, 2);
		CompletableFuture<Throwable> firstWaits = CompletableFuture
			.supplyAsync(() -> catchThrowable(() -> update(first, 2)));
		Thread.sleep(300);
		Throwable secondFails = catchThrowable(() -> update(second, 1));
		Throwable firstFails = firstWaits.get(60, TimeUnit.SECONDS);
		SQLException deadlock = (SQLException) (secondFails != null ? secondFails : firstFails);

		assertThat((Throwable) deadlock).isNotNull();
		assertThat(deadlock.getErrorCode()).isEqualTo(1213);
		assertThat(DatabaseFailures.isLockConflict(deadlock)).isTrue();
		assertThat(DatabaseFailures.isLockConflict(translate(deadlock))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(deadlock)).isFalse();
	}

	@Test
	void aLockWaitTimeoutIsALockConflict() throws Exception {
		update(first, 1);
		try (Statement s = second.createStatement()) {
			s.execute("SET SESSION innodb_lock_wait_timeout = 1");
		}
		SQLException timeout = (SQLException) catchThrowable(() -> update(second, 1));

		assertThat(timeout.getErrorCode()).isEqualTo(1205);
		assertThat(DatabaseFailures.isLockConflict(timeout)).isTrue();
		assertThat(DatabaseFailures.isLockConflict(translate(timeout))).isTrue();
	}

	@Test
	void aKilledConnectionIsUnavailability() throws Exception {
		long id;
		try (Statement s = first.createStatement(); var rs = s.executeQuery("SELECT CONNECTION_ID()")) {
			rs.next();
			id = rs.getLong(1);
		}
		try (Statement s = second.createStatement()) {
			s.execute("KILL CONNECTION " + id);
		}
		SQLException lost = (SQLException) catchThrowable(() -> update(first, 1));

		assertThat((Throwable) lost).isNotNull();
		assertThat(DatabaseFailures.isUnavailable(lost)).isTrue();
		assertThat(DatabaseFailures.isUnavailable(translate(lost))).isTrue();
		assertThat(DatabaseFailures.isLockConflict(lost)).isFalse();
	}

	private void update(Connection c, int id) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE " + table + " SET v = v + 1 WHERE id = " + id);
		}
	}

	private static RuntimeException translate(SQLException ex) {
		return new SQLErrorCodeSQLExceptionTranslator("MySQL").translate("probe", null, ex);
	}

	private static Connection connection() throws SQLException {
		Connection c = DriverManager.getConnection(TestDatabase.mysqlUrl(), TestDatabase.mysqlUser(),
				TestDatabase.mysqlPassword());
		c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		return c;
	}

}
