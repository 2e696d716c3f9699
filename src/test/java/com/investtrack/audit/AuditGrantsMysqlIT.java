package com.investtrack.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.InvestTrackApplication;
import com.investtrack.support.TestData;
import com.investtrack.support.TestDatabase;

/**
 * The database itself protects the audit trail: the application runs as a MySQL user that
 * may only SELECT and INSERT on audit_entry (the grants the README prescribes), works
 * normally, and the server refuses that user any UPDATE or DELETE of an audit row. Schema
 * migrations run as the owner account, as in production.
 */
class AuditGrantsMysqlIT {

	/**
	 * A server-wide account, so one per run: runs against other databases on the same
	 * server may overlap.
	 */
	private static final String APP_USER = "invest_it_" + UUID.randomUUID().toString().substring(0, 8);

	private static final String APP_PASSWORD = "it-" + UUID.randomUUID();

	private static String schema;

	private static ConfigurableApplicationContext app;

	private static int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void startAsRestrictedUser() throws Exception {
		Assumptions.assumeTrue(TestDatabase.isMysql(), "runs in the MySQL pass of mvn verify only");
		TestDatabase.requireMysql();
		// the owner creates the schema on a first start
		start(TestDatabase.mysqlUser(), TestDatabase.mysqlPassword()).close();
		try (Connection root = rootConnection(); Statement s = root.createStatement()) {
			schema = JdbcClient.create(new SingleConnectionDataSource(root, true))
				.sql("SELECT DATABASE()")
				.query(String.class)
				.single();
			s.execute("DROP USER IF EXISTS '" + APP_USER + "'@'%'");
			s.execute("CREATE USER '" + APP_USER + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
			for (String grant : grantStatements(root)) {
				s.execute(grant);
			}
			TestData.ensure(JdbcClient.create(new SingleConnectionDataSource(root, true)), TestData.demoHash());
		}
		app = start(APP_USER, APP_PASSWORD);
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.close();
		}
		if (TestDatabase.isMysql()) {
			try (Connection root = rootConnection(); Statement s = root.createStatement()) {
				s.execute("DROP USER IF EXISTS '" + APP_USER + "'@'%'");
			}
		}
	}

	/**
	 * The README's grants: read and write on every table, but only read and append on the
	 * audit trail.
	 */
	static List<String> grantStatements(Connection root) throws SQLException {
		List<String> grants = new ArrayList<>();
		try (var statement = root.prepareStatement("""
				SELECT CONCAT('GRANT SELECT, INSERT, UPDATE, DELETE ON `', table_schema, '`.`', table_name, '`
				  TO ''%s''@''%%''')
				FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'audit_entry'"""
			.formatted(APP_USER)); var rows = statement.executeQuery()) {
			while (rows.next()) {
				grants.add(rows.getString(1));
			}
		}
		grants.add("GRANT SELECT, INSERT ON `" + schema + "`.`audit_entry` TO '" + APP_USER + "'@'%'");
		return grants;
	}

	@Test
	void theApplicationWorksAndItsAuditRowsCannotBeChangedOrDeleted() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		JsonNode created = call("officer", "POST", "/api/projects", """
				{"name":"Grants test %s","investor":"Test investor","industryCode":"EQUIPMENT","parkCode":"JS-IMP",
				 "assetModel":"HEAVY","investmentAmountYuan":1000000,"officer":"officer","negotiationStartedOn":"%s"}"""
			.formatted(UUID.randomUUID(), today.minusDays(10)), 201);
		long id = created.get("id").asLong();
		JsonNode requested = call("officer", "POST", "/api/projects/" + id + "/advance",
				"{\"to\":\"SIGNING\",\"effectiveOn\":\"" + today.minusDays(1) + "\"}", 202);
		call("manager", "POST", "/api/tasks/" + requested.get("pendingApproval").get("taskId").asText() + "/decision",
				"{\"decision\":\"APPROVE\",\"comment\":\"fine\"}", 200);
		call("officer2", "POST", "/api/projects/" + id + "/drop",
				"{\"effectiveOn\":\"" + today + "\",\"reason\":\"x\"}", 403);
		assertThat(call("auditor", "GET", "/api/audit/verify", null, 200).get("valid").asBoolean()).isTrue();
		assertThat(call("auditor", "GET", "/api/audit?projectId=" + id, null, 200).get("totalElements").asLong())
			.isGreaterThanOrEqualTo(4);

		try (Connection restricted = DriverManager.getConnection(TestDatabase.mysqlUrl(), APP_USER, APP_PASSWORD);
				Statement s = restricted.createStatement()) {
			assertThat(s.executeQuery("SELECT COUNT(*) FROM audit_entry").next()).isTrue();
			assertThatThrownBy(
					() -> s.executeUpdate("UPDATE audit_entry SET comment = 'rewritten' WHERE project_id = " + id))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("denied");
			assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE project_id = " + id))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("denied");
			assertThatThrownBy(() -> s.executeUpdate("TRUNCATE TABLE audit_entry")).isInstanceOf(SQLException.class)
				.hasMessageContaining("denied");
		}
		assertThat(call("auditor", "GET", "/api/audit/verify", null, 200).get("valid").asBoolean()).isTrue();
	}

	private JsonNode call(String user, String method, String path, String body, int expected) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		var response = http.send(request.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return json.readTree(response.body());
	}

	private static ConfigurableApplicationContext start(String user, String password) {
		// command-line arguments, so that they win over application-test.properties
		return new SpringApplicationBuilder(InvestTrackApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + TestDatabase.mysqlUrl(),
					"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
					"--spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED",
					"--camunda.bpm.database.type=mysql", "--spring.flyway.user=" + TestDatabase.mysqlUser(),
					"--spring.flyway.password=" + TestDatabase.mysqlPassword());
	}

	private static Connection rootConnection() throws SQLException {
		return DriverManager.getConnection(TestDatabase.mysqlUrl(), TestDatabase.mysqlUser(),
				TestDatabase.mysqlPassword());
	}

}
