package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.WebSession;

/**
 * Base of the page tests: the same running application as the API tests, plus projects
 * set up through the API in a park of their own, so figures can be checked exactly
 * however many other projects the database holds.
 */
abstract class WebTestBase extends ApiTestBase {

	@LocalServerPort
	protected int port;

	protected WebSession session(String user) {
		return new WebSession(port).login(user);
	}

	/**
	 * Days in {@code stage} after which a project is yellow ([0]) and red ([1]), as
	 * configured now.
	 */
	protected int[] thresholds(String stage) {
		for (var t : get("manager", "/api/thresholds").body()) {
			if (t.get("stage").asText().equals(stage)) {
				return new int[] { t.get("yellowDays").asInt(), t.get("redDays").asInt() };
			}
		}
		throw new AssertionError("no thresholds for " + stage);
	}

	/**
	 * Days a negotiation has to run to be red today, whatever the thresholds are set to.
	 */
	protected int redNegotiationDays() {
		return thresholds("NEGOTIATION")[1] + 10;
	}

	/** A park nobody else uses, with a recognisable name. */
	protected String newPark() {
		String code = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)")
			.params(code, "Test park " + code, "Jingmen")
			.update();
		return code;
	}

	/** Creates a project through the API as {@code officer}; returns its id. */
	protected long createProject(String officer, String park, String industry, String assetModel, LocalDate talk,
			String name) {
		Map<String, Object> body = newProject(officer, talk);
		body.put("parkCode", park);
		body.put("industryCode", industry);
		body.put("assetModel", assetModel);
		body.put("name", name);
		if ("LIGHT".equals(assetModel)) {
			body.put("landAreaM2", null);
		}
		Response r = post(officer, "/api/projects", body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asLong();
	}

	/**
	 * Walks a project from its first talk to production: each stage lasts the given days
	 * (negotiation, signing, site selection, construction); signing and production are
	 * approved by {@code manager}.
	 */
	protected void walkToProduction(long id, String officer, String manager, LocalDate talk, int... days) {
		LocalDate on = talk;
		String[] next = { "SIGNING", "SITE_SELECTION", "CONSTRUCTION", "PRODUCTION" };
		for (int i = 0; i < next.length; i++) {
			on = on.plusDays(days[i]);
			Response r = advance(officer, id, next[i], on);
			assertThat(r.status()).as(r.raw()).isIn(200, 202);
			if (r.status() == 202) {
				assertThat(decide(manager, id, "APPROVE", "approved in test").status()).isEqualTo(200);
			}
		}
	}

	/**
	 * A park of its own with three projects in production and one stalled in negotiation,
	 * whose figures are known: heavy (EQUIPMENT) 20+16+34+400 = 470 days and 30+10+60+500
	 * = 600 days, light (ELECTRONICS) 10+5+20+200 = 235 days. Production started
	 * 2024-04-24, 2024-10-22 and 2023-12-22; construction commenced in 2023 for all
	 * three. The fourth has been negotiating for {@link #redNegotiationDays()}.
	 */
	protected ParkFixture parkWithProjectsInProduction() {
		String park = newPark();
		long heavyA = createProject("officer", park, "EQUIPMENT", "HEAVY", LocalDate.of(2023, 1, 10),
				unique("Axle plant"));
		walkToProduction(heavyA, "officer", "manager", LocalDate.of(2023, 1, 10), 20, 16, 34, 400);
		long heavyB = createProject("officer2", park, "EQUIPMENT", "HEAVY", LocalDate.of(2023, 3, 1),
				unique("Crane works"));
		walkToProduction(heavyB, "officer2", "manager", LocalDate.of(2023, 3, 1), 30, 10, 60, 500);
		long light = createProject("officer", park, "ELECTRONICS", "LIGHT", LocalDate.of(2023, 5, 1),
				unique("SMT line"));
		walkToProduction(light, "officer", "manager", LocalDate.of(2023, 5, 1), 10, 5, 20, 200);
		long stalled = createProject("officer", park, "EQUIPMENT", "HEAVY", today().minusDays(redNegotiationDays()),
				unique("Stalled talks"));
		return new ParkFixture(park, heavyA, heavyB, light, stalled);
	}

	record ParkFixture(String park, long heavyA, long heavyB, long light, long stalled) {
	}

	protected static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
