package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.FormLogin;
import com.investtrack.support.TestData;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * While the database is away (a MySQL restart), every request is answered 503 with
 * Retry-After, whichever layer meets the failure first: the session store, the login
 * throttle, the account check or the step itself. Nothing is written, and the same
 * requests succeed once the database is back. Meanwhile the readiness probe takes the
 * node out of the load balancer, and the 503s are counted for the operators. The outage
 * is a switch in front of the real connection pool: while it is on, getting a connection
 * and every call on one already held fails as a dropped link does.
 */
@TestPropertySource(properties = "spring.autoconfigure.exclude=")
@Import(DatabaseOutageApiTest.OutageConfig.class)
class DatabaseOutageApiTest extends ApiTestBase {

	@TestConfiguration
	static class OutageConfig {

		@Bean
		static BeanPostProcessor databaseOutageSwitch() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource ds && !(bean instanceof Outage) && name.equals("dataSource")
							? new Outage(ds) : bean;
				}
			};
		}

	}

	/**
	 * The switch: a data source whose connections all fail, as after "Communications link
	 * failure", while down.
	 */
	static final class Outage extends DelegatingDataSource {

		static volatile boolean down;

		Outage(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			check();
			Connection real = super.getConnection();
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (!method.getName().equals("close") && !method.getName().equals("isClosed")) {
							check();
						}
						try {
							return method.invoke(real, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		private static void check() throws SQLNonTransientConnectionException {
			if (down) {
				throw new SQLNonTransientConnectionException("Communications link failure (test outage)", "08S01");
			}
		}

	}

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private DataSource dataSource;

	@Autowired
	private MeterRegistry registry;

	@AfterEach
	void databaseBack() {
		Outage.down = false;
	}

	@Test
	void theSwitchSitsInFrontOfThePool() {
		assertThat(dataSource).isInstanceOf(Outage.class);
	}

	@Test
	void apiCallsAreAnswered503WithRetryAfterAndWriteNothing() {
		long id = createProject("officer", today().minusDays(5));
		var before = stateOf(id);
		Map<String, Object> advance = Map.of("to", "SIGNING", "effectiveOn", today().minusDays(1).toString());

		Outage.down = true;
		Response read = get("officer", "/api/projects/" + id);
		Response step = post("officer", "/api/projects/" + id + "/advance", advance);
		Response report = get("manager", "/api/reports/time-to-production");
		Response wrongPassword = exchange(null, org.springframework.http.HttpMethod.GET, "/api/projects", null, Map
			.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("wrongpass:nope".getBytes())));
		Outage.down = false;

		for (Response r : new Response[] { read, step, report, wrongPassword }) {
			assertThat(r.status()).as(r.raw()).isEqualTo(503);
			assertThat(r.headers().getFirst("Retry-After")).isEqualTo("5");
			assertThat(r.body().get("error").asText()).isEqualTo("unavailable");
			assertThat(r.raw()).doesNotContain("Exception").doesNotContain("at com.");
		}
		assertThat(stateOf(id)).isEqualTo(before);

		assertThat(post("officer", "/api/projects/" + id + "/advance", advance).status()).isEqualTo(202);
		assertThat(get("officer", "/api/projects/" + id).status()).isEqualTo(200);
	}

	@Test
	void theLoadBalancerTakesTheNodeOutWhileTheDatabaseIsAwayAndThe503sAreCounted() {
		double answered503 = registry.get("investtrack.unavailable")
			.tag("reason", "database_unavailable")
			.counter()
			.count();
		long requests500 = httpRequests("500");
		long requests503 = httpRequests("503");

		Outage.down = true;
		Response readiness = get(null, "/actuator/health/readiness");
		Response liveness = get(null, "/actuator/health/liveness");
		Response read = get("officer", "/api/projects?size=1");
		Outage.down = false;

		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.body().get("status").asText()).isEqualTo("DOWN");
		assertThat(readiness.raw()).doesNotContain("Communications link failure");
		assertThat(liveness.status()).as("alive all the same: no restart needed").isEqualTo(200);
		assertThat(read.status()).isEqualTo(503);
		// the API's 503 is counted, the probe's is not (it is no answer to a user)
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(
					registry.get("investtrack.unavailable").tag("reason", "database_unavailable").counter().count()
							- answered503)
				.isEqualTo(1));
		// and the HTTP request metrics see the 503 that was answered, not the 500 of the
		// failure behind it
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(httpRequests("503") - requests503).isEqualTo(2));
		assertThat(httpRequests("500")).isEqualTo(requests500);
		assertThat(get(null, "/actuator/health/readiness").status()).isEqualTo(200);
	}

	private long httpRequests(String status) {
		return registry.find("http.server.requests")
			.tag("status", status)
			.timers()
			.stream()
			.mapToLong(t -> t.count())
			.sum();
	}

	@Test
	void aPageWhoseSessionCannotBeReadIsAnswered503() throws Exception {
		String cookie = FormLogin.login(http, rest.getRootUri(), jdbc, "officer2", TestData.PASSWORD);

		Outage.down = true;
		HttpResponse<String> during = page(cookie);
		Outage.down = false;

		assertThat(during.statusCode()).isEqualTo(503);
		assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(during.body()).contains("Temporarily unavailable").doesNotContain("Exception");
		assertThat(page(cookie).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> page(String cookie) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/tasks"))
			.header("Cookie", FormLogin.SESSION_COOKIE + "=" + cookie)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
