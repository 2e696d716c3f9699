package com.investtrack.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node that would not be safe in a cluster sharing one MySQL/MariaDB
 * database, before the engine touches it, with a message that says what to change. These
 * are Camunda's requirements for a shared MySQL: every transaction in READ COMMITTED
 * (under REPEATABLE READ concurrent engine transactions deadlock on gap locks), a JDBC
 * URL with {@code sendFractionalSeconds=false} (else the server rounds the engine's
 * timestamps instead of truncating them, so that e.g. an end can come before its start)
 * and {@code nullCatalogMeansCurrent=true} (else the schema check sees other databases'
 * tables), and ids from the UUID generator (the table-based default makes every node
 * fetch id blocks from one row, a contention point that fails with optimistic locking
 * under load).
 */
@Component
class ClusterReadinessCheck extends AbstractProcessEnginePlugin {

	static final List<String> REQUIRED_MYSQL_URL_PARAMETERS = List.of("sendFractionalSeconds=false",
			"nullCatalogMeansCurrent=true");

	private static final Logger log = LoggerFactory.getLogger(ClusterReadinessCheck.class);

	private final DataSource dataSource;

	private final String url;

	ClusterReadinessCheck(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
		this.dataSource = dataSource;
		this.url = url;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		checkDatabase(dataSource, url);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		if (!(configuration.getIdGenerator() instanceof StrongUuidGenerator)) {
			throw new IllegalStateException("The process engine must use the strong (UUID) id generator in a cluster, "
					+ "but uses " + configuration.getIdGenerator().getClass().getName()
					+ ": set camunda.bpm.id-generator=strong");
		}
	}

	/**
	 * Checks a MySQL/MariaDB database and its URL; other databases (the embedded H2) pass
	 * unchecked.
	 */
	static void checkDatabase(DataSource dataSource, String url) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (!product.contains("mysql") && !product.contains("mariadb")) {
				return;
			}
			if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
				throw new IllegalStateException("Transactions on MySQL/MariaDB must run in READ COMMITTED, but this "
						+ "connection runs in " + isolationName(connection.getTransactionIsolation())
						+ ": set spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED");
			}
			List<String> missing = missingMysqlUrlParameters(url);
			if (!missing.isEmpty()) {
				throw new IllegalStateException("The MySQL JDBC URL must contain " + String.join(" and ", missing)
						+ " (add them to spring.datasource.url / MYSQL_URL)");
			}
			log.info("Database checked for clustering: {} {} in READ COMMITTED",
					connection.getMetaData().getDatabaseProductName(),
					connection.getMetaData().getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot check the database before starting the engine", ex);
		}
	}

	/**
	 * The parameters Camunda needs that a {@code jdbc:mysql:} URL lacks; none for other
	 * URLs.
	 */
	static List<String> missingMysqlUrlParameters(String url) {
		List<String> missing = new ArrayList<>();
		if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")) {
			return missing;
		}
		int query = url.indexOf('?');
		List<String> parameters = query < 0 ? List.of()
				: List.of(url.substring(query + 1).toLowerCase(Locale.ROOT).split("&"));
		for (String required : REQUIRED_MYSQL_URL_PARAMETERS) {
			if (!parameters.contains(required.toLowerCase(Locale.ROOT))) {
				missing.add(required);
			}
		}
		return missing;
	}

	private static String isolationName(int level) {
		return switch (level) {
			case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
			case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
			case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
			default -> "isolation level " + level;
		};
	}

}
