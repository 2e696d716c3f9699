package com.investtrack.system;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.investtrack.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;

/**
 * On a real MySQL/MariaDB: a node whose connections do not run in READ COMMITTED refuses
 * to start.
 */
class ClusterReadinessCheckMysqlIT {

	@BeforeAll
	static void mysql() {
		TestDatabase.requireMysql();
	}

	@Test
	void repeatableReadIsRefused() {
		try (var dataSource = dataSource("TRANSACTION_REPEATABLE_READ")) {
			assertThatIllegalStateException()
				.isThrownBy(() -> ClusterReadinessCheck.checkDatabase(dataSource, TestDatabase.mysqlUrl()))
				.withMessageContaining("READ COMMITTED")
				.withMessageContaining("REPEATABLE READ");
		}
	}

	@Test
	void readCommittedWithTheRightUrlPasses() {
		try (var dataSource = dataSource("TRANSACTION_READ_COMMITTED")) {
			assertThatNoException()
				.isThrownBy(() -> ClusterReadinessCheck.checkDatabase(dataSource, TestDatabase.mysqlUrl()));
		}
	}

	@Test
	void aUrlWithoutTheEnginesParametersIsRefused() {
		try (var dataSource = dataSource("TRANSACTION_READ_COMMITTED")) {
			assertThatIllegalStateException()
				.isThrownBy(() -> ClusterReadinessCheck.checkDatabase(dataSource, "jdbc:mysql://127.0.0.1:3306/invest"))
				.withMessageContaining("sendFractionalSeconds=false");
		}
	}

	private static HikariDataSource dataSource(String isolation) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(TestDatabase.mysqlUrl());
		dataSource.setUsername(TestDatabase.mysqlUser());
		dataSource.setPassword(TestDatabase.mysqlPassword());
		dataSource.setTransactionIsolation(isolation);
		dataSource.setMaximumPoolSize(1);
		return dataSource;
	}

}
