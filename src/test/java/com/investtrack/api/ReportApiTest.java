package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * GET /api/reports/durations and /api/reports/time-to-production over projects in a park
 * of the test's own, with known milestone dates, so the expected figures are exact on any
 * database.
 */
class ReportApiTest extends ApiTestBase {

	// A and B reach production (in 2021 and 2022), C stops at site selection (2022), D is
	// still negotiating.
	static final LocalDate[] A = { d("2021-01-01"), d("2021-01-11"), d("2021-01-21"), d("2021-03-01"),
			d("2021-12-01") };

	static final LocalDate[] B = { d("2021-06-01"), d("2021-07-01"), d("2021-07-31"), d("2021-10-01"),
			d("2022-06-01") };

	static final LocalDate[] C = { d("2022-01-10"), d("2022-02-09"), d("2022-04-10") };

	static final LocalDate[] D = { d("2022-05-01") };

	/** Created once per run: the projects are only read by the tests. */
	static String park;

	@BeforeEach
	void projects() {
		if (park != null) {
			return;
		}
		String code = newPark();
		create(code, A, "EQUIPMENT", "HEAVY");
		create(code, B, "EQUIPMENT", "LIGHT");
		create(code, C, "HEALTH", "HEAVY");
		create(code, D, "EQUIPMENT", "HEAVY");
		park = code;
	}

	private void create(String park, LocalDate[] dates, String industry, String asset) {
		long id = createProject("officer", dates[0], park, industry, asset);
		walk("officer", id, java.util.Arrays.copyOfRange(dates, 1, dates.length));
	}

	@Test
	void durationsBetweenTwoMilestonesWithEveryFilter() {
		String base = "/api/reports/durations?from=NEGOTIATION&to=SITE_SELECTION&parkCode=" + park;
		long a = days(A[0], A[2]);
		long b = days(B[0], B[2]);
		long c = days(C[0], C[2]);
		assertThat(List.of(a, b, c)).containsExactly(20L, 60L, 90L);

		JsonNode all = get("manager", base).body();
		assertThat(ProjectCreateApiTest.fieldNames(all)).containsExactly("projects", "medianDays", "p90Days",
				"medianWorkingDays", "p90WorkingDays", "minDays", "maxDays");
		assertStats(all, 3, 60.0, 84.0, 20, 90);
		assertStats(get("officer", base + "&industryCode=HEALTH").body(), 1, 90.0, 90.0, 90, 90);
		assertStats(get("auditor", base + "&industryCode=EQUIPMENT").body(), 2, 40.0, 56.0, 20, 60);
		assertStats(get("manager", base + "&assetModel=LIGHT").body(), 1, 60.0, 60.0, 60, 60);
		assertStats(get("manager", base + "&assetModel=HEAVY").body(), 2, 55.0, 83.0, 20, 90);
		assertStats(get("manager", base + "&year=2022").body(), 1, 90.0, 90.0, 90, 90);
		assertStats(get("manager", base + "&year=2021&industryCode=EQUIPMENT&assetModel=HEAVY").body(), 1, 20.0, 20.0,
				20, 20);
		assertStats(get("manager", base + "&year=2020").body(), 0, null, null, null, null);

		long signingToConstruction = days(A[1], A[3]);
		long other = days(B[1], B[3]);
		assertStats(get("manager", "/api/reports/durations?from=SIGNING&to=CONSTRUCTION&parkCode=" + park).body(), 2,
				(signingToConstruction + other) / 2.0,
				Math.round((signingToConstruction + 0.9 * (other - signingToConstruction)) * 10) / 10.0,
				(int) Math.min(signingToConstruction, other), (int) Math.max(signingToConstruction, other));
		assertStats(get("manager", "/api/reports/durations?from=NEGOTIATION&to=SIGNING&parkCode=" + park + "&year=2022")
			.body(), 1, 30.0, 30.0, 30, 30);
	}

	@Test
	void timeToProductionPerStageAndInTotal() {
		JsonNode r = get("manager", "/api/reports/time-to-production?parkCode=" + park).body();
		assertThat(ProjectCreateApiTest.fieldNames(r)).containsExactly("projects", "stages", "total");
		assertThat(r.get("projects").asInt()).isEqualTo(2);
		JsonNode stages = r.get("stages");
		assertThat(stages.findValuesAsText("stage")).containsExactly("NEGOTIATION", "SIGNING", "SITE_SELECTION",
				"CONSTRUCTION");
		for (int i = 0; i < 4; i++) {
			JsonNode s = stages.get(i);
			assertThat(ProjectCreateApiTest.fieldNames(s)).containsExactly("stage", "projects", "medianDays", "p90Days",
					"medianWorkingDays", "p90WorkingDays");
			long a = days(A[i], A[i + 1]);
			long b = days(B[i], B[i + 1]);
			assertThat(s.get("projects").asInt()).isEqualTo(2);
			assertThat(s.get("medianDays").asDouble()).as("median of %s", s).isEqualTo((a + b) / 2.0);
			assertThat(s.get("p90Days").asDouble())
				.isEqualTo(Math.round((Math.min(a, b) + 0.9 * Math.abs(a - b)) * 10) / 10.0);
		}
		long totalA = days(A[0], A[4]);
		long totalB = days(B[0], B[4]);
		assertThat(List.of(totalA, totalB)).containsExactly(334L, 365L);
		assertStats(r.get("total"), 2, 349.5, 361.9, 334, 365);

		JsonNode y2021 = get("auditor", "/api/reports/time-to-production?year=2021&parkCode=" + park).body();
		assertThat(y2021.get("projects").asInt()).isEqualTo(1);
		assertStats(y2021.get("total"), 1, 334.0, 334.0, 334, 334);
		assertThat(y2021.get("stages").get(3).get("medianDays").asDouble()).isEqualTo(275.0);

		assertThat(get("manager", "/api/reports/time-to-production?assetModel=LIGHT&parkCode=" + park).body()
			.get("total")
			.get("maxDays")
			.asInt()).isEqualTo(365);
		assertThat(get("manager", "/api/reports/time-to-production?industryCode=HEALTH&parkCode=" + park).body()
			.get("projects")
			.asInt()).isZero();
		JsonNode none = get("manager", "/api/reports/time-to-production?year=2020&parkCode=" + park).body();
		assertThat(none.get("projects").asInt()).isZero();
		assertThat(none.get("stages").get(0).get("projects").asInt()).isZero();
		assertThat(none.get("stages").get(0).get("medianDays").isNull()).isTrue();
		assertStats(none.get("total"), 0, null, null, null, null);
	}

	/**
	 * Answers are kept while the data stands still (see ReportService's cache) and
	 * recomputed once anything they read changed: a milestone recorded, a project's park
	 * changed by an edit, or an approval still pending (which changes nothing).
	 */
	@Test
	void aRepeatedReportFollowsEveryCommittedChange() {
		String own = newPark();
		String other = newPark();
		String ttp = "/api/reports/time-to-production?parkCode=" + own;
		String durations = "/api/reports/durations?from=NEGOTIATION&to=SIGNING&parkCode=" + own;
		long id = createProject("officer", A[0], own, "EQUIPMENT", "HEAVY");
		walk("officer", id, A[1], A[2], A[3]);
		assertThat(get("manager", ttp).body().get("projects").asInt()).isZero();
		assertThat(get("manager", ttp).body().get("projects").asInt()).isZero();
		assertStats(get("manager", durations).body(), 1, 10.0, 10.0, 10, 10);

		Response requested = advance("officer", id, "PRODUCTION", A[4]);
		assertThat(requested.status()).isEqualTo(202);
		assertThat(get("manager", ttp).body().get("projects").asInt()).isZero();

		assertThat(decide("manager", id, "APPROVE", "approved in test").status()).isEqualTo(200);
		assertStats(get("manager", ttp).body().get("total"), 1, 334.0, 334.0, 334, 334);

		Map<String, Object> edit = new java.util.LinkedHashMap<>();
		edit.put("name", "Moved project");
		edit.put("investor", "Test investor");
		edit.put("industryCode", "EQUIPMENT");
		edit.put("parkCode", other);
		edit.put("assetModel", "HEAVY");
		edit.put("investmentAmountYuan", 120000000);
		edit.put("landAreaM2", 50000);
		assertThat(put("officer", "/api/projects/" + id, edit).status()).isEqualTo(200);
		assertThat(get("manager", ttp).body().get("projects").asInt()).isZero();
		assertStats(get("manager", durations).body(), 0, null, null, null, null);
		assertThat(get("manager", "/api/reports/time-to-production?parkCode=" + other).body().get("projects").asInt())
			.isEqualTo(1);
	}

	@Test
	void badReportParametersAre400() {
		Map<String, String> durations = Map.of("from=SITE_SELECTION&to=SIGNING", "to", "from=SIGNING&to=SIGNING", "to",
				"to=SIGNING", "from", "from=NEGOTIATION", "to", "from=MARS&to=SIGNING", "from",
				"from=NEGOTIATION&to=SIGNING&year=1989", "year", "from=NEGOTIATION&to=SIGNING&year=2101", "year",
				"from=NEGOTIATION&to=SIGNING&year=last", "year", "from=NEGOTIATION&to=SIGNING&assetModel=BOTH",
				"assetModel", "from=NEGOTIATION&to=SIGNING&parkCode=" + "p".repeat(33), "parkCode");
		durations.forEach((query, field) -> {
			JsonNode fields = assertError(get("manager", "/api/reports/durations?" + query), 400, "invalid_input");
			assertThat(fields.has(field)).as("%s names %s: %s", query, field, fields).isTrue();
		});
		assertThat(assertError(get("manager", "/api/reports/durations?from=PRODUCTION&to=NEGOTIATION"), 400,
				"invalid_input")
			.get("to")
			.asText()).contains("later stage");
		Map<String, String> ttp = Map.of("year=1800", "year", "year=x", "year", "assetModel=NONE", "assetModel",
				"industryCode=" + "i".repeat(33), "industryCode");
		ttp.forEach((query, field) -> {
			JsonNode fields = assertError(get("manager", "/api/reports/time-to-production?" + query), 400,
					"invalid_input");
			assertThat(fields.has(field)).as("%s names %s: %s", query, field, fields).isTrue();
		});
		assertError(get(null, "/api/reports/durations?from=NEGOTIATION&to=SIGNING"), 401, "unauthorized");
		assertError(get(null, "/api/reports/time-to-production"), 401, "unauthorized");
	}

	private static void assertStats(JsonNode s, int projects, Double median, Double p90, Integer min, Integer max) {
		assertThat(s.get("projects").asInt()).as("projects in %s", s).isEqualTo(projects);
		assertThat(s.get("medianDays").isNull() ? null : s.get("medianDays").asDouble()).as("median in %s", s)
			.isEqualTo(median);
		assertThat(s.get("p90Days").isNull() ? null : s.get("p90Days").asDouble()).as("p90 in %s", s).isEqualTo(p90);
		assertThat(s.get("minDays").isNull() ? null : s.get("minDays").asInt()).as("min in %s", s).isEqualTo(min);
		assertThat(s.get("maxDays").isNull() ? null : s.get("maxDays").asInt()).as("max in %s", s).isEqualTo(max);
	}

	private static long days(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to);
	}

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

}
