package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.investtrack.support.ApiTestBase;

/**
 * Replays the seed article's reference project through the API: 36 days from the first
 * talk to site selection, 15 months from commencement of construction to production, read
 * back from the reports of a park of its own (the seed's park holds whatever earlier runs
 * left).
 */
class ChangfengCheetahApiTest extends ApiTestBase {

	@Test
	void reportsGiveTheSeedsFigures() {
		LocalDate talk = LocalDate.of(2023, 3, 6);
		String park = newPark();
		Map<String, Object> body = newProject("officer", talk);
		body.put("name", "Changfeng Cheetah automobile plant");
		body.put("parkCode", park);
		body.put("industryCode", "NEW_ENERGY");
		long id = post("officer", "/api/projects", body).body().get("id").asLong();

		assertThat(advance("officer", id, "SIGNING", talk.plusDays(21)).status()).isEqualTo(202);
		assertThat(decide("manager", id, "APPROVE", "terms agreed").status()).isEqualTo(200);
		assertThat(advance("officer", id, "SITE_SELECTION", talk.plusDays(36)).status()).isEqualTo(200);
		LocalDate commenced = LocalDate.of(2023, 5, 18);
		assertThat(advance("officer", id, "CONSTRUCTION", commenced).status()).isEqualTo(200);
		assertThat(advance("officer", id, "PRODUCTION", commenced.plusMonths(15)).status()).isEqualTo(202);
		Response accepted = decide("manager", id, "APPROVE", "acceptance passed");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.body().get("outcome").asText()).isEqualTo("IN_PRODUCTION");

		String filter = "parkCode=" + park + "&industryCode=NEW_ENERGY";
		var toSite = get("manager", "/api/reports/durations?from=NEGOTIATION&to=SITE_SELECTION&year=2023&" + filter);
		assertThat(toSite.status()).isEqualTo(200);
		assertThat(toSite.body().get("projects").asInt()).isEqualTo(1);
		assertThat(toSite.body().get("medianDays").asDouble()).isEqualTo(36.0);

		long fifteenMonths = ChronoUnit.DAYS.between(commenced, commenced.plusMonths(15));
		var ttp = get("manager", "/api/reports/time-to-production?year=2024&" + filter);
		assertThat(ttp.body().get("projects").asInt()).isEqualTo(1);
		var construction = ttp.body().get("stages").get(3);
		assertThat(construction.get("stage").asText()).isEqualTo("CONSTRUCTION");
		assertThat(construction.get("medianDays").asDouble()).isEqualTo((double) fifteenMonths);
		assertThat(ttp.body().get("total").get("medianDays").asDouble())
			.isEqualTo((double) ChronoUnit.DAYS.between(talk, commenced.plusMonths(15)));

		var project = get("officer", "/api/projects/" + id).body();
		assertThat(
				project.get("stages").get(0).get("days").asLong() + project.get("stages").get(1).get("days").asLong())
			.isEqualTo(36);
	}

}
