package com.investtrack.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.FulfilmentApiTestBase;

/**
 * Fulfilment (履约) through the API: each formula against figures computed by hand, each
 * flag switched on and off, the park minimums, the refusals (with the field, nothing
 * written) and the trail.
 */
class FulfilmentApiTest extends FulfilmentApiTestBase {

	private final LocalDate today = today();

	private final int lastYear = today.getYear() - 1;

	@Test
	void intensityTaxPerMuAndFundsRateFollowTheRecordedFacts() {
		String park = newPark();
		// 3000 万元 fixed assets on 20 亩: 150.00 万元/亩; 5000 万元 contracted
		long id = project(Facts.of(park, 5000).fixedAsset(3000, 20), today.minusYears(4));
		walk("officer", id, today.minusYears(4).plusDays(30), today.minusYears(4).plusDays(60), today.minusYears(3),
				today.minusYears(2));
		String first = YearMonth.from(today.minusYears(1)).toString();
		String second = YearMonth.from(today.minusMonths(2)).toString();
		assertThat(
				post("officer", "/api/projects/" + id + "/funds", Map.of("month", first, "amountWan", 1000)).status())
			.isEqualTo(200);
		JsonNode f = post("officer", "/api/projects/" + id + "/funds", Map.of("month", second, "amountWan", 1500))
			.body();
		assertThat(f.get("investmentIntensityWanPerMu").decimalValue()).isEqualByComparingTo("150.00");
		assertThat(f.get("fundsInPlaceWan").decimalValue()).isEqualByComparingTo("2500");
		// 2500 ÷ 5000
		assertThat(f.get("fundsInPlaceRate").decimalValue()).isEqualByComparingTo("50.0");
		// a second figure for a month replaces the first: 1000 + 2000 = 3000 of 5000
		f = post("manager", "/api/projects/" + id + "/funds", Map.of("month", second, "amountWan", 2000)).body();
		assertThat(f.get("fundsInPlaceRate").decimalValue()).isEqualByComparingTo("60.0");
		assertThat(f.get("funds")).hasSize(2);

		post("officer", "/api/projects/" + id + "/tax", Map.of("year", lastYear - 1, "amountWan", 100));
		post("officer", "/api/projects/" + id + "/tax", Map.of("year", lastYear, "amountWan", 130));
		// the current year is not full yet: never the one divided
		f = post("officer", "/api/projects/" + id + "/tax", Map.of("year", today.getYear(), "amountWan", 999)).body();
		assertThat(f.get("taxPerMuWan").isNull()).as("no tax per 亩 before capacity").isTrue();
		f = put("officer", "/api/projects/" + id + "/capacity", Map.of("on", today.minusYears(1).toString())).body();
		assertThat(f.get("capacityOn").asText()).isEqualTo(today.minusYears(1).toString());
		// 130 ÷ 20 = 6.50
		assertThat(f.get("taxPerMuYear").asInt()).isEqualTo(lastYear);
		assertThat(f.get("taxPerMuWan").decimalValue()).isEqualByComparingTo("6.50");
		assertThat(get("leader", "/api/projects/" + id + "/fulfilment").body()).isEqualTo(f);
		assertThat(flags(f)).isEmpty();

		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'FUNDS_RECORDED'", id))
			.isEqualTo(3);
		assertThat(jdbc
			.sql("SELECT details FROM audit_entry WHERE project_id = ? AND action = 'FUNDS_RECORDED' "
					+ "ORDER BY seq DESC")
			.param(id)
			.query(String.class)
			.list()
			.get(0)).isEqualTo("month=" + second + "; amountWan: 1500 -> 2000");
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action IN ('TAX_RECORDED', "
				+ "'CAPACITY_RECORDED')", id))
			.isEqualTo(4);
		assertAuditChainIntact();
	}

	@Test
	void aProjectBelowItsParksMinimumsIsFlagged() {
		String park = newPark();
		long id = project(Facts.of(park, 5000).fixedAsset(3000, 20), today.minusYears(4));
		walk("officer", id, today.minusYears(4).plusDays(30), today.minusYears(4).plusDays(60), today.minusYears(3),
				today.minusYears(2));
		post("officer", "/api/projects/" + id + "/tax", Map.of("year", lastYear, "amountWan", 130));
		put("officer", "/api/projects/" + id + "/capacity", Map.of("on", today.minusYears(1).toString()));
		assertThat(flags(fulfilment(id))).isEmpty();

		Response set = put("admin", "/api/admin/parks/" + park + "/minimums",
				Map.of("minIntensityWanPerMu", 200, "minTaxPerMuWan", 10));
		assertThat(set.status()).as(set.raw()).isEqualTo(200);
		// 150 < 200 and 6.5 < 10
		JsonNode f = fulfilment(id);
		assertThat(flags(f)).containsExactly("BELOW_MIN_INTENSITY", "BELOW_MIN_TAX_PER_MU");
		assertThat(f.get("parkMinimum").get("minIntensityWanPerMu").decimalValue()).isEqualByComparingTo("200");
		assertThat(get("officer", "/api/parks/minimums").body().findValues("parkCode").stream().map(JsonNode::asText))
			.contains(park);

		// exactly the minimum is not below it
		put("admin", "/api/admin/parks/" + park + "/minimums", Map.of("minIntensityWanPerMu", 150));
		assertThat(flags(fulfilment(id))).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PARK_MINIMUMS_CHANGED' AND details LIKE ?",
				"park: " + park + ";%"))
			.isEqualTo(2);

		assertThat(put("manager", "/api/admin/parks/" + park + "/minimums", Map.of("minIntensityWanPerMu", 1)).status())
			.isEqualTo(403);
		assertError(put("admin", "/api/admin/parks/" + park + "/minimums", Map.of("minTaxPerMuWan", -1)), 400,
				"invalid_input")
			.has("minTaxPerMuWan");
	}

	@Test
	void signedNotStartedUntilConstructionIsReached() {
		String park = newPark();
		long id = project(Facts.of(park, 12000).agreed("CONSTRUCTION", today.minusDays(10)), today.minusDays(200));
		walk("officer", id, today.minusDays(150));
		assertThat(flags(fulfilment(id))).containsExactly("SIGNED_NOT_STARTED");
		walk2(id, "SITE_SELECTION", today.minusDays(100));
		reach("officer", id, "CONSTRUCTION", today.minusDays(5));
		assertThat(flags(fulfilment(id))).isEmpty();

		// the agreed start not yet passed: not flagged
		long onTime = project(Facts.of(park, 12000).agreed("CONSTRUCTION", today.plusDays(10)), today.minusDays(200));
		walk("officer", onTime, today.minusDays(150));
		assertThat(flags(fulfilment(onTime))).isEmpty();
	}

	@Test
	void builtNotProducingUntilProductionIsReached() {
		String park = newPark();
		long id = project(Facts.of(park, 12000).agreed("PRODUCTION", today.minusDays(3)), today.minusDays(300));
		walk("officer", id, today.minusDays(250), today.minusDays(200), today.minusDays(100));
		assertThat(flags(fulfilment(id))).containsExactly("BUILT_NOT_PRODUCING");
		reach("officer", id, "PRODUCTION", today.minusDays(1));
		assertThat(flags(fulfilment(id))).isEmpty();
	}

	@Test
	void heavyAssetLandIdleForMoreThanAYear() {
		String park = newPark();
		long idle = project(Facts.of(park, 12000), today.minusDays(800));
		walk("officer", idle, today.minusDays(700), today.minusDays(366));
		assertThat(flags(fulfilment(idle))).containsExactly("IDLE_LAND");
		long lastDay = project(Facts.of(park, 12000), today.minusDays(800));
		walk("officer", lastDay, today.minusDays(700), today.minusDays(365));
		assertThat(flags(fulfilment(lastDay))).as("365 days is not more than 365").isEmpty();
		long light = project(Facts.of(park, 12000).asset("LIGHT"), today.minusDays(800));
		walk("officer", light, today.minusDays(700), today.minusDays(400));
		assertThat(flags(fulfilment(light))).as("a rented or bought building holds no land").isEmpty();
		reach("officer", idle, "CONSTRUCTION", today.minusDays(2));
		assertThat(flags(fulfilment(idle))).isEmpty();
	}

	@Test
	void badInputIsRefusedWithItsFieldAndNothingIsWritten() {
		String park = newPark();
		LocalDate firstTalk = today.minusMonths(14);
		long id = project(Facts.of(park, 5000).fixedAsset(3000, 20), firstTalk);
		long entries = count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ?", id);
		String path = "/api/projects/" + id;
		assertError(post("officer", path + "/funds", Map.of("month", "2025-13", "amountWan", 1)), 400, "invalid_input")
			.has("month");
		assertError(post("officer", path + "/funds", Map.of("month", "2025-3", "amountWan", 1)), 400, "invalid_input")
			.has("month");
		assertError(post("officer", path + "/funds",
				Map.of("month", YearMonth.from(firstTalk).toString(), "amountWan", -5)), 400, "invalid_input")
			.has("amountWan");
		assertError(
				post("officer", path + "/funds",
						Map.of("month", YearMonth.from(firstTalk).minusMonths(1).toString(), "amountWan", 5)),
				400, "invalid_input")
			.has("month");
		assertError(
				post("officer", path + "/funds",
						Map.of("month", YearMonth.from(today).plusMonths(1).toString(), "amountWan", 5)),
				400, "invalid_input")
			.has("month");
		assertError(post("officer", path + "/tax", Map.of("year", today.getYear(), "amountWan", 5)), 400,
				"invalid_input")
			.has("year");
		walk("officer", id, today.minusMonths(2));
		assertError(post("officer", path + "/tax", Map.of("year", today.getYear() - 1, "amountWan", 5)), 400,
				"invalid_input")
			.has("year");
		assertError(post("officer", path + "/tax", Map.of("year", today.getYear(), "amountWan", -1)), 400,
				"invalid_input")
			.has("amountWan");
		assertError(put("officer", path + "/capacity", Map.of("on", today.toString())), 400, "invalid_input").has("on");
		assertThat(count("SELECT COUNT(*) FROM project_funds WHERE project_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM project_tax WHERE project_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM project_capacity WHERE project_id = ?", id)).isZero();
		// the signing's own entries (request, approval, milestone) and nothing else
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action IN ('FUNDS_RECORDED', "
				+ "'TAX_RECORDED', 'CAPACITY_RECORDED')", id))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ?", id)).isGreaterThan(entries);
	}

	@Test
	void onlyTheProjectsOfficerAndManagersRecordIt() {
		long id = project(Facts.of(newPark(), 5000), today.minusMonths(3));
		Map<String, Object> funds = Map.of("month", YearMonth.from(today).toString(), "amountWan", 10);
		for (String refused : List.of("officer2", "auditor", "admin", "leader")) {
			assertThat(post(refused, "/api/projects/" + id + "/funds", funds).status()).as(refused).isEqualTo(403);
		}
		assertThat(count("SELECT COUNT(*) FROM project_funds WHERE project_id = ?", id)).isZero();
		assertThat(post("officer", "/api/projects/" + id + "/funds", funds).status()).isEqualTo(200);
		assertThat(get("auditor", "/api/projects/" + id + "/fulfilment").status()).isEqualTo(200);
		assertThat(get("auditor", "/api/projects/999999999/fulfilment").status()).isEqualTo(404);
	}

	private void walk2(long id, String stage, LocalDate on) {
		reach("officer", id, stage, on);
	}

	private JsonNode fulfilment(long id) {
		Response r = get("officer", "/api/projects/" + id + "/fulfilment");
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private static List<String> flags(JsonNode fulfilment) {
		List<String> flags = new ArrayList<>();
		fulfilment.get("flags").forEach(f -> flags.add(f.asText()));
		return flags;
	}

}
