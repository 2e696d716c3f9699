package com.investtrack.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.FulfilmentApiTestBase;

/**
 * The monthly bulletin against one computed by hand: projects of the test's own parks and
 * districts over two years (a year and the one before, 同比), targets of the city and the
 * parks, 序时进度, the signing cohort, the rankings, the lists; then the freeze: published
 * once, a 409 the second time, unchanged by entries back-dated afterwards.
 * <p>
 * The city's figures and the cohort count every project, so the test prefers a year in
 * which (with the one before it) no other test and no earlier run has put anything; on a
 * database kept across many runs, where no such year is left, it takes the latest year
 * without a published bulletin and checks the city's figures as what was there before
 * plus what the test added (the percentages from those totals), the parks' and districts'
 * figures (its own) exactly as always.
 */
class BulletinApiTest extends FulfilmentApiTestBase {

	@Test
	void aBulletinComputedByHandOverTwoYearsThenFrozen() throws Exception {
		int y = freshYear();
		JsonNode before = bulletin(y, 3);
		String district = uniqueDistrict();
		String otherDistrict = uniqueDistrict();
		String a = parkInDistrict(district);
		String b = parkInDistrict(district);
		String c = parkInDistrict(otherDistrict);

		Map<String, Object> cityTargets = targets(10, 200000, 4, 2, 20000, null);
		assertThat(put("manager", "/api/targets/" + y, cityTargets).status()).isEqualTo(200);
		assertThat(put("manager", "/api/targets/" + y + "/parks/" + a, targets(4, 50000, 2, 1, 10000, null)).status())
			.isEqualTo(200);
		// park B counts a signed project from 30000 万元 on (the city from 10000)
		assertThat(
				put("manager", "/api/targets/" + y + "/parks/" + b, targets(1, null, null, null, null, 30000)).status())
			.isEqualTo(200);

		// park A
		long a1 = project(Facts.of(a, 20000).agreed("PRODUCTION", day(y, 3, 20)), day(y - 1, 11, 1));
		walk("officer", a1, day(y, 1, 15), day(y, 2, 1), day(y, 3, 10));
		funds(a1, y + "-01", 1000);
		funds(a1, y + "-03", 2000);
		long a2 = project(Facts.of(a, 15000).agreed("SITE_SELECTION", day(y, 4, 10)), day(y - 1, 12, 1));
		walk("officer", a2, day(y, 3, 5));
		funds(a2, y + "-04", 500);
		long a3 = project(Facts.of(a, 5000), day(y - 1, 12, 1));
		walk("officer", a3, day(y, 2, 10));
		long a4 = project(Facts.of(a, 30000), day(y - 1, 1, 1));
		walk("officer", a4, day(y - 1, 2, 1), day(y - 1, 3, 1), day(y - 1, 6, 1), day(y, 2, 20));
		funds(a4, (y - 1) + "-02", 700);
		// park B
		long b1 = project(Facts.of(b, 20000), day(y - 1, 12, 1));
		walk("officer", b1, day(y, 1, 20));
		long b2 = project(Facts.of(b, 40000).agreed("CONSTRUCTION", day(y, 3, 15)).leader("leader"), day(y - 1, 12, 1));
		walk("officer", b2, day(y, 2, 5));
		// park C, in another district
		long c1 = project(Facts.of(c, 12000), day(y - 1, 1, 1));
		walk("officer", c1, day(y - 1, 3, 10), day(y - 1, 3, 15), day(y - 1, 3, 20));
		// below the major-project threshold: its signing last January counts nowhere
		long c2 = project(Facts.of(c, 8000), day(y - 1, 1, 1));
		walk("officer", c2, day(y - 1, 1, 10), day(y - 1, 1, 20));

		JsonNode bulletin = bulletin(y, 3);
		assertThat(bulletin.get("schedulePercent").decimalValue()).isEqualByComparingTo("25.0");
		assertThat(bulletin.get("asOf").asText()).isEqualTo(day(y, 3, 31).toString());
		assertThat(bulletin.get("majorProjectWan").decimalValue()).isEqualByComparingTo("10000");
		// the city: a1, a2, b1, b2 signed (a3 is below 10000); a4 and c1 the year before
		JsonNode city = bulletin.get("indicators");
		// (on a year free of other data: SIGNED_PROJECTS 10, 4, 1, 40.0, 15.0, 2, 100.0;
		// CONTRACTED_INVESTMENT_WAN 200000, 95000, 15000, 47.5, 22.5, 42000, 126.2;
		// STARTED_PROJECTS 4, 1, 1, 25.0, 0.0, 1, 0.0; PRODUCTION_PROJECTS 2, 1, 0,
		// 50.0, 25.0, 0, null; FUNDS_IN_PLACE_WAN 20000, 3000, 2000, 15.0, -10.0, 700,
		// 328.6)
		JsonNode base = before.get("indicators");
		assertCity(city, base, "SIGNED_PROJECTS", 10, 4, 1, 2);
		assertCity(city, base, "CONTRACTED_INVESTMENT_WAN", 200000, 95000, 15000, 42000);
		assertCity(city, base, "STARTED_PROJECTS", 4, 1, 1, 1);
		assertCity(city, base, "PRODUCTION_PROJECTS", 2, 1, 0, 0);
		assertCity(city, base, "FUNDS_IN_PLACE_WAN", 20000, 3000, 2000, 700);

		// a1, a2, a3, b1, b2 signed; a1 started; funds 3000 of 100000 contracted; b2 is
		// past its agreed start and a1 past its agreed production
		JsonNode cohort = bulletin.get("cohort");
		JsonNode cohortBefore = before.get("cohort");
		assertThat(cohort.get("signed").asInt()).isEqualTo(cohortBefore.get("signed").asInt() + 5);
		assertThat(cohort.get("started").asInt()).isEqualTo(cohortBefore.get("started").asInt() + 1);
		assertThat(cohort.get("inProduction").asInt()).isEqualTo(cohortBefore.get("inProduction").asInt());
		if (cohortBefore.get("signed").asInt() == 0) {
			// the rates need the cohort's money and dates, known here only when it is
			// the test's own
			assertThat(cohort.get("startedRate").decimalValue()).isEqualByComparingTo("20.0");
			assertThat(cohort.get("productionRate").decimalValue()).isEqualByComparingTo("0.0");
			assertThat(cohort.get("fundsRate").decimalValue()).isEqualByComparingTo("3.0");
			assertThat(cohort.get("fulfilmentRate").decimalValue()).isEqualByComparingTo("60.0");
		}

		JsonNode parkA = row(bulletin.get("byPark"), "code", a);
		assertIndicator(parkA.get("indicators"), "SIGNED_PROJECTS", "4", "2", "1", "50.0", "25.0", "1", "100.0");
		assertIndicator(parkA.get("indicators"), "CONTRACTED_INVESTMENT_WAN", "50000", "35000", "15000", "70.0", "45.0",
				"30000", "16.7");
		assertIndicator(parkA.get("indicators"), "STARTED_PROJECTS", "2", "1", "1", "50.0", "25.0", "0", null);
		assertIndicator(parkA.get("indicators"), "PRODUCTION_PROJECTS", "1", "1", "0", "100.0", "75.0", "0", null);
		assertIndicator(parkA.get("indicators"), "FUNDS_IN_PLACE_WAN", "10000", "3000", "2000", "30.0", "5.0", "700",
				"328.6");
		assertThat(parkA.get("percent").decimalValue()).isEqualByComparingTo("60.0");
		assertThat(parkA.get("district").asText()).isEqualTo(district);
		// park B by its own threshold: only b2 (40000) counts
		JsonNode parkB = row(bulletin.get("byPark"), "code", b);
		assertIndicator(parkB.get("indicators"), "SIGNED_PROJECTS", "1", "1", "0", "100.0", "75.0", "0", null);
		assertIndicator(parkB.get("indicators"), "CONTRACTED_INVESTMENT_WAN", null, "40000", "0", null, null, "0",
				null);
		assertThat(parkB.get("percent").decimalValue()).isEqualByComparingTo("100.0");
		JsonNode parkC = row(bulletin.get("byPark"), "code", c);
		assertThat(parkC.get("percent").isNull()).isTrue();
		assertIndicator(parkC.get("indicators"), "SIGNED_PROJECTS", null, "0", "0", null, null, "1", "-100.0");
		assertThat(parkB.get("rank").asInt()).isLessThan(parkA.get("rank").asInt());
		assertThat(parkA.get("rank").asInt()).isLessThan(parkC.get("rank").asInt());

		// district: A and B by the city's threshold, against the sum of their targets
		JsonNode d = row(bulletin.get("byDistrict"), "district", district);
		assertIndicator(d.get("indicators"), "SIGNED_PROJECTS", "5", "4", "1", "80.0", "55.0", "1", "300.0");
		assertIndicator(d.get("indicators"), "CONTRACTED_INVESTMENT_WAN", "50000", "95000", "15000", "190.0", "165.0",
				"30000", "216.7");
		assertThat(d.get("percent").decimalValue()).isEqualByComparingTo("90.0");
		JsonNode e = row(bulletin.get("byDistrict"), "district", otherDistrict);
		assertThat(e.get("percent").isNull()).isTrue();
		assertThat(d.get("rank").asInt()).isLessThan(e.get("rank").asInt());

		Set<String> mine = Set.of(a, b, c);
		JsonNode lists = bulletin.get("lists");
		assertThat(items(lists.get("signedNotStarted"), mine)).containsExactly(b2 + "@" + day(y, 3, 15));
		assertThat(items(lists.get("builtNotProducing"), mine)).containsExactly(a1 + "@" + day(y, 3, 20));
		assertThat(items(lists.get("idleLand"), mine)).containsExactly(c2 + "@" + day(y - 1, 1, 20));
		JsonNode next = lists.get("agreedNextMonth");
		assertThat(items(next, mine)).containsExactly(a2 + "@" + day(y, 4, 10));
		assertThat(row(next, "projectId", String.valueOf(a2)).get("milestone").asText()).isEqualTo("SITE_SELECTION");
		JsonNode red = row(lists.get("red"), "projectId", String.valueOf(b2));
		assertThat(red.get("leader").asText()).isEqualTo("leader");
		assertThat(red.get("reason").asText()).isNotBlank();

		// 序时进度 of January, and January alone
		JsonNode january = bulletin(y, 1);
		assertThat(january.get("schedulePercent").decimalValue()).isEqualByComparingTo("8.3");
		assertIndicator(row(january.get("byPark"), "code", a).get("indicators"), "SIGNED_PROJECTS", "4", "1", "1",
				"25.0", "16.7", "0", null);

		// the freeze
		Response published = post("manager", "/api/reports/monthly/" + y + "/3/publish", null);
		assertThat(published.status()).as(published.raw()).isEqualTo(201);
		String body = json.writeValueAsString(published.body().get("bulletin"));
		String sha = published.body().get("sha256").asText();
		assertThat(published.body().get("bulletin")).isEqualTo(bulletin);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'BULLETIN_PUBLISHED' AND details = ?",
				"bulletin " + y + "-03; sha256=" + sha))
			.isEqualTo(1);
		String stored = jdbc.sql("SELECT body FROM bulletin_published WHERE bulletin_year = ? AND bulletin_month = 3")
			.param(y)
			.query(String.class)
			.single();
		assertThat(sha).isEqualTo(sha256(stored));
		assertThat(json.readTree(stored)).isEqualTo(json.readTree(body));

		// b2 starts, entered today but dated in March: the fresh bulletin counts it, the
		// published one does not
		reach("officer", b2, "SITE_SELECTION", day(y, 3, 1));
		reach("officer", b2, "CONSTRUCTION", day(y, 3, 25));
		assertCity(bulletin(y, 3).get("indicators"), base, "STARTED_PROJECTS", 4, 2, 2, 1);
		JsonNode frozen = get("leader", "/api/reports/monthly/" + y + "/3/published").body();
		assertThat(frozen.get("sha256").asText()).isEqualTo(sha);
		assertThat(frozen.get("bulletin")).isEqualTo(bulletin);
		assertCity(frozen.get("bulletin").get("indicators"), base, "STARTED_PROJECTS", 4, 1, 1, 1);

		// a2's contracted investment corrected from 15000 to 25000 万元: the fresh bulletin
		// sums the new figure (the timeline's copy of it follows the edit)
		JsonNode project = get("officer", "/api/projects/" + a2).body();
		Map<String, Object> edit = new LinkedHashMap<>();
		for (String field : List.of("name", "investor", "industryCode", "parkCode", "assetModel",
				"investmentAmountYuan", "landAreaM2")) {
			edit.put(field, json.treeToValue(project.get(field), Object.class));
		}
		edit.put("contractedInvestmentWan", 25000);
		assertThat(put("officer", "/api/projects/" + a2, edit).status()).isEqualTo(200);
		assertCity(bulletin(y, 3).get("indicators"), base, "CONTRACTED_INVESTMENT_WAN", 200000, 105000, 25000, 42000);

		assertError(post("manager", "/api/reports/monthly/" + y + "/3/publish", null), 409, "conflict");
		assertThat(post("officer", "/api/reports/monthly/" + y + "/2/publish", null).status()).isEqualTo(403);
		assertThat(get("officer", "/api/reports/monthly/" + y + "/2/published").status()).isEqualTo(404);
		assertThat(count("SELECT COUNT(*) FROM bulletin_published WHERE bulletin_year = ?", y)).isEqualTo(1);
		assertAuditChainIntact();
	}

	@Test
	void openNoticesAreListedWithTheirOwnerAndDeadline() {
		LocalDate today = today();
		long id = project(Facts.of(newPark(), 12000), today.minusDays(20));
		Response notice = post("manager", "/api/notices", Map.of("projectId", id, "owner", "officer", "deadline",
				today.plusDays(7).toString(), "text", "Agree the land date"));
		assertThat(notice.status()).as(notice.raw()).isEqualTo(201);
		JsonNode open = row(bulletin(today.getYear(), today.getMonthValue()).get("lists").get("openNotices"), "id",
				notice.body().get("id").asText());
		assertThat(open.get("owner").asText()).isEqualTo("officer");
		assertThat(open.get("deadline").asText()).isEqualTo(today.plusDays(7).toString());
		assertThat(open.get("projectId").asLong()).isEqualTo(id);
	}

	@Test
	void aMonthOrYearBeyondTodayIsRefusedByField() {
		LocalDate today = today();
		assertThat(assertError(get("manager", "/api/reports/monthly?year=2025&month=13"), 400, "invalid_input")
			.has("month")).isTrue();
		assertThat(assertError(get("manager", "/api/reports/monthly?year=" + (today.getYear() + 1) + "&month=1"), 400,
				"invalid_input")
			.has("year")).isTrue();
		if (today.getMonthValue() < 12) {
			assertThat(assertError(
					get("manager",
							"/api/reports/monthly?year=" + today.getYear() + "&month=" + (today.getMonthValue() + 1)),
					400, "invalid_input")
				.has("month")).isTrue();
		}
		assertThat(assertError(post("manager", "/api/reports/monthly/" + (today.getYear() + 1) + "/1/publish", null),
				400, "invalid_input")
			.has("year")).isTrue();
		assertThat(get("auditor", "/api/reports/monthly?year=" + today.getYear() + "&month=" + today.getMonthValue())
			.status()).isEqualTo(200);
	}

	/**
	 * The latest year that, with the one before it, holds no milestone and no funds, and
	 * has no targets and no published bulletin; else the latest year without a published
	 * bulletin.
	 */
	private int freshYear() {
		for (int y = today().getYear() - 2; y > 1991; y--) {
			long from = LocalDate.of(y - 1, 1, 1).toEpochDay();
			long to = LocalDate.of(y, 12, 31).toEpochDay();
			long used = count(
					"SELECT COUNT(*) FROM milestone_timeline WHERE negotiation_day BETWEEN ? AND ?"
							+ " OR signing_day BETWEEN ? AND ? OR site_selection_day BETWEEN ? AND ?"
							+ " OR construction_day BETWEEN ? AND ? OR production_day BETWEEN ? AND ?",
					from, to, from, to, from, to, from, to, from, to)
					+ count("SELECT COUNT(*) FROM project_funds WHERE funds_month BETWEEN ? AND ?",
							LocalDate.of(y - 1, 1, 1), LocalDate.of(y, 12, 31))
					+ count("SELECT COUNT(*) FROM target_year WHERE target_year = ?", y)
					+ count("SELECT COUNT(*) FROM target_park WHERE target_year = ?", y)
					+ count("SELECT COUNT(*) FROM bulletin_published WHERE bulletin_year = ?", y);
			if (used == 0) {
				return y;
			}
		}
		for (int y = today().getYear() - 2; y > 1991; y--) {
			if (count("SELECT COUNT(*) FROM bulletin_published WHERE bulletin_year = ?", y) == 0) {
				return y;
			}
		}
		throw new AssertionError("Every year before " + (today().getYear() - 2) + " has a published bulletin");
	}

	/**
	 * A city indicator of March (序时进度 25.0): the figures there were before plus what the
	 * test added, its percentages computed from those totals as the bulletin does (one
	 * decimal, half up).
	 */
	private static void assertCity(JsonNode indicators, JsonNode before, String code, long target, long added,
			long addedInMonth, long addedLastYear) {
		JsonNode was = row(before, "code", code);
		BigDecimal actual = was.get("actual").decimalValue().add(BigDecimal.valueOf(added));
		BigDecimal month = was.get("monthActual").decimalValue().add(BigDecimal.valueOf(addedInMonth));
		BigDecimal lastYear = was.get("lastYear").decimalValue().add(BigDecimal.valueOf(addedLastYear));
		BigDecimal percent = actual.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP);
		BigDecimal yoy = lastYear.signum() == 0 ? null
				: actual.subtract(lastYear).multiply(BigDecimal.valueOf(100)).divide(lastYear, 1, RoundingMode.HALF_UP);
		assertIndicator(indicators, code, String.valueOf(target), actual.toPlainString(), month.toPlainString(),
				percent.toPlainString(), percent.subtract(new BigDecimal("25.0")).toPlainString(),
				lastYear.toPlainString(), yoy == null ? null : yoy.toPlainString());
	}

	private JsonNode bulletin(int year, int month) {
		Response r = get("manager", "/api/reports/monthly?year=" + year + "&month=" + month);
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private void funds(long project, String month, int amount) {
		Response r = post("officer", "/api/projects/" + project + "/funds",
				Map.of("month", month, "amountWan", amount));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	private static Map<String, Object> targets(Integer signed, Integer contracted, Integer started, Integer production,
			Integer funds, Integer major) {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("signedProjects", signed);
		t.put("contractedInvestmentWan", contracted);
		t.put("startedProjects", started);
		t.put("productionProjects", production);
		t.put("fundsInPlaceWan", funds);
		t.put("majorProjectWan", major);
		return t;
	}

	private static LocalDate day(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	/**
	 * Asserts one indicator: target, actual, monthActual, percent, aheadPoints, lastYear,
	 * yoyPercent (null: JSON null).
	 */
	private static void assertIndicator(JsonNode indicators, String code, String... expected) {
		JsonNode i = row(indicators, "code", code);
		String[] fields = { "target", "actual", "monthActual", "percent", "aheadPoints", "lastYear", "yoyPercent" };
		for (int f = 0; f < fields.length; f++) {
			JsonNode value = i.get(fields[f]);
			if (expected[f] == null) {
				assertThat(value.isNull()).as(code + " " + fields[f] + " is null, not " + value).isTrue();
			}
			else {
				assertThat(value.decimalValue()).as(code + " " + fields[f]).isEqualByComparingTo(expected[f]);
			}
		}
	}

	private static JsonNode row(JsonNode rows, String field, String value) {
		for (JsonNode row : rows) {
			if (row.get(field).asText().equals(value)) {
				return row;
			}
		}
		throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
	}

	/** A list's items in the given parks, as projectId@date. */
	private static List<String> items(JsonNode list, Set<String> parks) {
		List<String> items = new ArrayList<>();
		for (JsonNode item : list) {
			if (parks.contains(item.get("parkCode").asText())) {
				items.add(item.get("projectId").asText() + "@"
						+ (item.has("since") ? item.get("since").asText() : item.get("agreedOn").asText()));
			}
		}
		return items;
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
