package com.investtrack.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.support.ApiTestBase;

/**
 * Working days in the duration reports, against figures counted by hand on the State
 * Council's calendar, on H2 and on MySQL/MariaDB (the database counts them by joining
 * work_day). Projects live in a park of the test's own.
 */
class WorkingDayReportApiTest extends ApiTestBase {

	/*
	 * P1 negotiates over the 2025 Spring Festival and reaches production in May: 01-27 ->
	 * 02-10 14 days, 5 working: 01-28..02-04 off; 02-05, 06, 07; Saturday 02-08 worked;
	 * 02-10 02-10 -> 02-17 7 days, 5 working 02-17 -> 04-07 49 days, 34 working: seven
	 * weeks less Friday 04-04 (Qingming) 04-07 -> 05-06 29 days, 19 working: 04-08..04-30
	 * is 17 weekdays and Sunday 04-27 worked; 05-01..05-05 off; 05-06 in total 99 days,
	 * 63 working days P2 signs across the National Day holiday and reaches production in
	 * January 2026: 09-26 -> 10-13 17 days, 7 working: Sunday 09-28 worked, 09-29, 09-30;
	 * 10-01..10-08 off; 10-09, 10-10; Saturday 10-11 worked; 10-13 10-13 -> 10-20 7 days,
	 * 5 working 10-20 -> 12-01 42 days, 30 working: six plain weeks 12-01 -> 2026-01-05
	 * 35 days, 24 working: 12-02..12-31 is 22 weekdays; 2026-01-01..03 off; Sunday 01-04
	 * worked; 01-05 in total 101 days, 66 working days P3 only signs, across New Year
	 * 2025: 2024-12-30 -> 2025-01-06, 7 days, 4 working (12-31, 01-02, 01-03, 01-06).
	 */
	static final LocalDate[] P1 = dates("2025-01-27", "2025-02-10", "2025-02-17", "2025-04-07", "2025-05-06");

	static final LocalDate[] P2 = dates("2025-09-26", "2025-10-13", "2025-10-20", "2025-12-01", "2026-01-05");

	static final LocalDate[] P3 = dates("2024-12-30", "2025-01-06");

	/**
	 * A year no other test uses and no notice covers: changed here, emptied before and
	 * after each test.
	 */
	static final int CHANGED_YEAR = 1995;

	/** Created once per run: the projects are only read by the tests that use it. */
	static String park;

	@Autowired
	ReportService reports;

	@BeforeEach
	void projects() {
		emptyTheChangedYear();
		if (park != null) {
			return;
		}
		String code = newPark();
		for (LocalDate[] dates : List.of(P1, P2, P3)) {
			long id = createProject("officer", dates[0], code, "EQUIPMENT", "HEAVY");
			walk("officer", id, Arrays.copyOfRange(dates, 1, dates.length));
		}
		park = code;
	}

	@AfterEach
	void emptyTheChangedYear() {
		Response r = put("admin", "/api/calendar/" + CHANGED_YEAR,
				Map.of("holidays", List.of(), "workdays", List.of()));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	@Test
	void durationsGiveWorkingDaysBesideCalendarDays() {
		JsonNode signing = get("manager", "/api/reports/durations?from=NEGOTIATION&to=SIGNING&parkCode=" + park).body();
		// calendar 7, 14, 17; working 4, 5, 7
		assertStats(signing, 3, 14.0, 16.4, 5.0, 6.6);
		assertThat(signing.get("minDays").asInt()).isEqualTo(7);
		assertThat(signing.get("maxDays").asInt()).isEqualTo(17);
		assertStats(get("officer", "/api/reports/durations?from=NEGOTIATION&to=PRODUCTION&parkCode=" + park).body(), 2,
				100.0, 100.8, 64.5, 65.7);
		assertStats(get("auditor", "/api/reports/durations?from=CONSTRUCTION&to=PRODUCTION&year=2026&parkCode=" + park)
			.body(), 1, 35.0, 35.0, 24.0, 24.0);
		assertStats(get("manager", "/api/reports/durations?from=SIGNING&to=SITE_SELECTION&year=2020&parkCode=" + park)
			.body(), 0, null, null, null, null);
	}

	@Test
	void timeToProductionGivesWorkingDaysPerStageAndInTotal() {
		JsonNode r = get("manager", "/api/reports/time-to-production?parkCode=" + park).body();
		assertThat(r.get("projects").asInt()).isEqualTo(2);
		JsonNode stages = r.get("stages");
		assertStats(stages.get(0), 2, 15.5, 16.7, 6.0, 6.8);
		assertStats(stages.get(1), 2, 7.0, 7.0, 5.0, 5.0);
		assertStats(stages.get(2), 2, 45.5, 48.3, 32.0, 33.6);
		assertStats(stages.get(3), 2, 32.0, 34.4, 21.5, 23.5);
		assertStats(r.get("total"), 2, 100.0, 100.8, 64.5, 65.7);

		JsonNode y2026 = get("manager", "/api/reports/time-to-production?year=2026&parkCode=" + park).body();
		assertThat(y2026.get("projects").asInt()).isEqualTo(1);
		assertStats(y2026.get("total"), 1, 101.0, 101.0, 66.0, 66.0);
	}

	@Test
	void everyBreakdownGivesTheFiguresOfAFilterOnItsGroup() {
		ProductionOverview overview = reports.productionOverview(new ReportFilter(park, null, null, null));
		Map<String, TimeToProduction> byYear = overview.by(Breakdown.YEAR);
		assertThat(byYear).containsOnlyKeys("2025", "2026");
		assertThat(byYear.get("2025").total()).isEqualTo(new DurationStats(1, 99.0, 99.0, 63.0, 63.0, 99, 99));
		assertThat(byYear.get("2026").total()).isEqualTo(new DurationStats(1, 101.0, 101.0, 66.0, 66.0, 101, 101));
		assertThat(byYear.get("2025").stages().get(3))
			.isEqualTo(new TimeToProduction.StageStats(Stage.CONSTRUCTION, 1, 29.0, 29.0, 19.0, 19.0));
		assertThat(overview.overall()).isEqualTo(reports.timeToProduction(new ReportFilter(park, null, null, null)));
		for (Breakdown by : Breakdown.values()) {
			assertThat(overview.by(by)).as(by.name()).isNotEmpty();
			overview.by(by).forEach((key, ttp) -> {
				ReportFilter only = switch (by) {
					case PARK -> new ReportFilter(key, null, null, null);
					case INDUSTRY -> new ReportFilter(park, key, null, null);
					case ASSET_MODEL -> new ReportFilter(park, null, AssetModel.valueOf(key), null);
					case YEAR -> new ReportFilter(park, null, null, Integer.valueOf(key));
				};
				assertThat(ttp).as(by + " " + key).isEqualTo(reports.timeToProduction(only));
			});
		}
		for (AssetModel asset : AssetModel.values()) {
			overview.parks(asset)
				.forEach((key, ttp) -> assertThat(ttp).as(asset + " " + key)
					.isEqualTo(reports.timeToProduction(new ReportFilter(key, null, asset, null))));
		}
	}

	@Test
	void reportsFollowAChangeOfTheCalendar() {
		String own = newPark();
		// Friday 1995-01-27 to Friday 02-10: ten weekdays while 1995 has no entries
		long id = createProject("officer", LocalDate.of(CHANGED_YEAR, 1, 27), own, "HEALTH", "LIGHT");
		walk("officer", id, LocalDate.of(CHANGED_YEAR, 2, 10));
		String durations = "/api/reports/durations?from=NEGOTIATION&to=SIGNING&parkCode=" + own;
		assertStats(get("manager", durations).body(), 1, 14.0, 14.0, 10.0, 10.0);
		assertStats(get("manager", durations).body(), 1, 14.0, 14.0, 10.0, 10.0);

		// that year's Spring Festival: 01-31..02-06 off, Sunday 02-05 worked (as entered
		// here, for the test)
		Response changed = put("admin", "/api/calendar/" + CHANGED_YEAR,
				Map.of("holidays",
						List.of("1995-01-31", "1995-02-01", "1995-02-02", "1995-02-03", "1995-02-04", "1995-02-06"),
						"workdays", List.of("1995-02-05")));
		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
		// 10 weekdays less the five off (01-31..02-03, 02-06), plus Sunday 02-05
		assertStats(get("manager", durations).body(), 1, 14.0, 14.0, 6.0, 6.0);
	}

	private static void assertStats(JsonNode s, int projects, Double median, Double p90, Double medianWorking,
			Double p90Working) {
		assertThat(s.get("projects").asInt()).as("projects in %s", s).isEqualTo(projects);
		assertThat(number(s, "medianDays")).as("median in %s", s).isEqualTo(median);
		assertThat(number(s, "p90Days")).as("p90 in %s", s).isEqualTo(p90);
		assertThat(number(s, "medianWorkingDays")).as("median working days in %s", s).isEqualTo(medianWorking);
		assertThat(number(s, "p90WorkingDays")).as("p90 working days in %s", s).isEqualTo(p90Working);
	}

	private static Double number(JsonNode s, String field) {
		return s.get(field).isNull() ? null : s.get(field).asDouble();
	}

	private static LocalDate[] dates(String... iso) {
		return Arrays.stream(iso).map(LocalDate::parse).toArray(LocalDate[]::new);
	}

}
