package com.investtrack.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * The year's targets: managers set the city's and a park's, everyone reads them, the
 * major-project threshold defaults to 10000 万元 (a park's to the city's), below zero is
 * refused by field with nothing written, and every change is audited.
 */
class TargetApiTest extends ApiTestBase {

	@Test
	void managersSetTheCitysAndAParksTargets() {
		// a year of its own per run would need a counter; the city's targets are simply
		// set, read back and restored
		int year = today().getYear() - 30;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("signedProjects", 40);
		body.put("contractedInvestmentWan", 800000);
		body.put("startedProjects", 30);
		body.put("productionProjects", 20);
		body.put("fundsInPlaceWan", 300000.5);
		Response set = put("manager", "/api/targets/" + year, body);
		assertThat(set.status()).as(set.raw()).isEqualTo(200);
		JsonNode city = get("leader", "/api/targets/" + year).body();
		assertThat(city.get("signedProjects").asInt()).isEqualTo(40);
		assertThat(city.get("fundsInPlaceWan").decimalValue()).isEqualByComparingTo("300000.5");
		assertThat(city.get("majorProjectWan").decimalValue()).isEqualByComparingTo("10000");

		String park = newPark();
		assertThat(get("auditor", "/api/targets/" + year + "/parks/" + park).body().get("signedProjects").isNull())
			.isTrue();
		body.put("signedProjects", 5);
		body.put("majorProjectWan", 5000);
		JsonNode parkTargets = put("manager", "/api/targets/" + year + "/parks/" + park, body).body();
		assertThat(parkTargets.get("parkCode").asText()).isEqualTo(park);
		assertThat(parkTargets.get("majorProjectWan").decimalValue()).isEqualByComparingTo("5000");
		assertThat(get("officer", "/api/targets/" + year + "/parks/" + park).body()).isEqualTo(parkTargets);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'TARGETS_SET' AND details LIKE ?",
				"targets " + year + " park: " + park + ";%"))
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'TARGETS_SET' AND details LIKE ?")
			.param("targets " + year + " park: " + park + ";%")
			.query(String.class)
			.single()).contains("SIGNED_PROJECTS: null -> 5").contains("majorProjectWan: null -> 5000");
	}

	@Test
	void targetsBelowZeroAreRefusedByFieldAndOnlyManagersSetThem() {
		String park = newPark();
		int year = today().getYear();
		Map<String, Object> body = Map.of("signedProjects", -1, "fundsInPlaceWan", -0.5);
		JsonNode fields = assertError(put("manager", "/api/targets/" + year + "/parks/" + park, body), 400,
				"invalid_input");
		assertThat(fields.has("signedProjects")).isTrue();
		assertThat(fields.has("fundsInPlaceWan")).isTrue();
		assertThat(assertError(put("manager", "/api/targets/" + year + "/parks/" + park, Map.of("majorProjectWan", -1)),
				400, "invalid_input")
			.has("majorProjectWan")).isTrue();
		assertThat(count("SELECT COUNT(*) FROM target_park WHERE park_code = ?", park)).isZero();
		for (String refused : new String[] { "officer", "auditor", "admin", "leader" }) {
			assertThat(put(refused, "/api/targets/" + year + "/parks/" + park, Map.of("signedProjects", 1)).status())
				.as(refused)
				.isEqualTo(403);
		}
		assertThat(put("manager", "/api/targets/" + year + "/parks/NO-SUCH-PARK", Map.of("signedProjects", 1)).status())
			.isEqualTo(404);
		assertThat(assertError(get("manager", "/api/targets/1800"), 400, "invalid_input").has("year")).isTrue();
	}

}
