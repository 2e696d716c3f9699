package com.investtrack.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * GET and PUT /api/calendar/{year}: the shipped notices, a year without entries, a year
 * an administrator enters and removes again (the working-day counts in Java and in the
 * work_day table follow at once), who may do what, and every kind of bad input refused
 * with its field and nothing written. The year changed here, 2087, is the tests' own and
 * is emptied before and after each test, so a run leaves the calendar as it found it on
 * any database.
 */
class CalendarApiTest extends ApiTestBase {

	static final int YEAR = 2087;

	static final String PATH = "/api/calendar/" + YEAR;

	/**
	 * Everything a change of the calendar writes; equal before and after means nothing
	 * was written.
	 */
	record CalendarState(JsonNode year, long entries, long version, long ordinalSum, long changes) {
	}

	@Autowired
	WorkingDays workingDays;

	@Autowired
	CalendarRepository repository;

	@BeforeEach
	@AfterEach
	void emptyTheTestYear() {
		Response r = put("admin", PATH, Map.of("holidays", List.of(), "workdays", List.of()));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	private CalendarState state() {
		return new CalendarState(get("admin", PATH).body(), count("SELECT COUNT(*) FROM calendar_day"),
				count("SELECT version FROM calendar_version WHERE id = 1"), count("SELECT SUM(ordinal) FROM work_day"),
				count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CALENDAR_CHANGED'"));
	}

	private static Map<String, Object> body(List<String> holidays, List<String> workdays) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("holidays", holidays);
		body.put("workdays", workdays);
		return body;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(n -> texts.add(n.asText()));
		return texts;
	}

	/**
	 * The work_day table and the calendar in memory give every day from 1990 to 2100 the
	 * same ordinal.
	 */
	private void assertTableAndMemoryAgree() {
		Map<Long, Long> table = new HashMap<>();
		jdbc.sql("SELECT day_num, ordinal FROM work_day").query(rs -> {
			table.put(rs.getLong(1), rs.getLong(2));
		});
		assertThat(table).hasSize(40_542);
		table.forEach((day, ordinal) -> assertThat(workingDays.ordinal(LocalDate.ofEpochDay(day)))
			.as(LocalDate.ofEpochDay(day).toString())
			.isEqualTo(ordinal));
	}

	@Test
	void theShippedNoticesAreServedToEveryoneSignedIn() {
		for (String user : List.of("officer", "manager", "auditor", "admin")) {
			Response r = get(user, "/api/calendar/2025");
			assertThat(r.status()).as(user).isEqualTo(200);
		}
		JsonNode y2025 = get("officer", "/api/calendar/2025").body();
		List<String> fields = new ArrayList<>();
		y2025.fieldNames().forEachRemaining(fields::add);
		assertThat(fields).containsExactly("year", "defined", "shipped", "counting", "workingDays", "holidays",
				"workdays", "changedAt", "changedBy");
		assertThat(y2025.get("year").asInt()).isEqualTo(2025);
		assertThat(y2025.get("defined").asBoolean()).isTrue();
		assertThat(y2025.get("shipped").asBoolean()).isTrue();
		assertThat(y2025.get("counting").asText()).isEqualTo("AS_LISTED");
		assertThat(y2025.get("workingDays").asInt()).isEqualTo(248);
		assertThat(texts(y2025.get("holidays"))).hasSize(28)
			.startsWith("2025-01-01", "2025-01-28", "2025-01-29")
			.contains("2025-02-01", "2025-02-04", "2025-05-31", "2025-06-02")
			.endsWith("2025-10-08");
		assertThat(texts(y2025.get("workdays"))).containsExactly("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28",
				"2025-10-11");
		assertThat(y2025.get("changedBy").isNull()).isTrue();
		assertThat(get("manager", "/api/calendar/2024").body().get("workingDays").asInt()).isEqualTo(251);
		assertThat(texts(get("manager", "/api/calendar/2026").body().get("workdays"))).containsExactly("2026-01-04",
				"2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
		assertError(get(null, "/api/calendar/2025"), 401, "unauthorized");
	}

	@Test
	void aYearWithoutEntriesSaysItCountsMondayToFriday() {
		JsonNode y = get("officer", PATH).body();
		assertThat(y.get("defined").asBoolean()).isFalse();
		assertThat(y.get("shipped").asBoolean()).isFalse();
		assertThat(y.get("counting").asText()).isEqualTo("MONDAY_TO_FRIDAY");
		assertThat(y.get("holidays")).isEmpty();
		assertThat(y.get("workdays")).isEmpty();
		assertThat(y.get("workingDays").asInt()).isEqualTo(261);
		assertThat(workingDays.between(DayUnit.WORKING_DAYS, LocalDate.of(2086, 12, 31), LocalDate.of(2087, 12, 31)))
			.isEqualTo(261);
	}

	@Test
	void anAdministratorEntersAYearAndEveryCountFollowsAtOnce() {
		LocalDate before = LocalDate.of(YEAR, 1, 30);
		LocalDate after = LocalDate.of(YEAR, 2, 17);
		// 2087-01-30 is a Thursday: to Monday 2/17, 12 weekdays
		assertThat(workingDays.between(DayUnit.WORKING_DAYS, before, after)).isEqualTo(12);
		long laterOrdinal = workingDays.ordinal(LocalDate.of(2095, 6, 1));

		// a Spring Festival week with its weekend, and a Saturday worked before it
		Response r = put("admin", PATH, body(List.of("2087-02-10", "2087-02-03", "2087-02-04", "2087-02-05",
				"2087-02-06", "2087-02-07", "2087-02-08", "2087-02-09"), List.of("2087-02-01")));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		assertThat(r.body().get("defined").asBoolean()).isTrue();
		assertThat(r.body().get("shipped").asBoolean()).isFalse();
		assertThat(r.body().get("changedBy").asText()).isEqualTo("admin");
		assertThat(texts(r.body().get("holidays"))).containsExactly("2087-02-03", "2087-02-04", "2087-02-05",
				"2087-02-06", "2087-02-07", "2087-02-08", "2087-02-09", "2087-02-10");
		// five weekdays of holiday off, one Saturday on: 261 - 6 + 1
		assertThat(r.body().get("workingDays").asInt()).isEqualTo(256);
		assertThat(get("officer", PATH).body()).isEqualTo(r.body());

		// Java counts from the new calendar at once, and so does the table the reports
		// join
		assertThat(workingDays.between(DayUnit.WORKING_DAYS, before, after)).isEqualTo(12 - 6 + 1);
		assertThat(workingDays.isWorkingDay(LocalDate.of(YEAR, 2, 1))).isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(YEAR, 2, 10))).isFalse();
		assertThat(workingDays.ordinal(LocalDate.of(2095, 6, 1))).isEqualTo(laterOrdinal - 5);
		assertTableAndMemoryAgree();

		JsonNode audit = get("auditor", "/api/audit?action=CALENDAR_CHANGED&size=1").body().get("content").get(0);
		assertThat(audit.get("actor").asText()).isEqualTo("admin");
		assertThat(audit.get("details").asText())
			.isEqualTo("year: 2087; holidays: none -> 02-03..02-10; workdays: none -> 02-01");

		// the same entries again change nothing and are not audited again
		CalendarState entered = state();
		assertThat(put("admin", PATH, body(List.of("2087-02-03", "2087-02-04", "2087-02-05", "2087-02-06", "2087-02-07",
				"2087-02-08", "2087-02-09", "2087-02-10"), List.of("2087-02-01")))
			.status()).isEqualTo(200);
		assertThat(state()).isEqualTo(entered);

		// two empty lists take the year back to Monday to Friday
		Response emptied = put("admin", PATH, body(List.of(), List.of()));
		assertThat(emptied.body().get("counting").asText()).isEqualTo("MONDAY_TO_FRIDAY");
		assertThat(workingDays.between(DayUnit.WORKING_DAYS, before, after)).isEqualTo(12);
		assertThat(workingDays.ordinal(LocalDate.of(2095, 6, 1))).isEqualTo(laterOrdinal);
		assertTableAndMemoryAgree();
		assertAuditChainIntact();
	}

	@Test
	void onlyAdministratorsChangeTheCalendar() {
		CalendarState before = state();
		Map<String, Object> change = body(List.of("2087-01-01"), List.of());
		for (String user : List.of("officer", "manager", "auditor")) {
			assertError(put(user, PATH, change), 403, "forbidden");
		}
		assertError(put(null, PATH, change), 401, "unauthorized");
		assertThat(state()).isEqualTo(before);
		assertThat(put("admin", PATH, change).status()).isEqualTo(200);
	}

	@Test
	void badInputIsRefusedWithItsFieldAndNothingIsWritten() {
		assertThat(put("admin", PATH, body(List.of("2087-01-01"), List.of())).status()).isEqualTo(200);
		CalendarState before = state();
		Map<String, Object> noHolidays = body(null, List.of());
		Map<String, Object> noWorkdays = body(List.of("2087-01-01"), null);
		List<String> withNull = new ArrayList<>(Arrays.asList("2087-01-01", null));
		Map<String, Object[]> cases = new LinkedHashMap<>();
		cases.put("holidays missing", new Object[] { PATH, noHolidays, "holidays" });
		cases.put("workdays missing", new Object[] { PATH, noWorkdays, "workdays" });
		cases.put("a holiday of another year",
				new Object[] { PATH, body(List.of("2088-01-01"), List.of()), "holidays" });
		cases.put("a workday of another year",
				new Object[] { PATH, body(List.of(), List.of("2086-12-28")), "workdays" });
		cases.put("a holiday twice",
				new Object[] { PATH, body(List.of("2087-05-01", "2087-05-01"), List.of()), "holidays" });
		cases.put("a workday twice",
				new Object[] { PATH, body(List.of(), List.of("2087-02-01", "2087-02-01")), "workdays" });
		cases.put("a day both holiday and workday",
				new Object[] { PATH, body(List.of("2087-02-01"), List.of("2087-02-01")), "workdays" });
		cases.put("a workday that is a weekday",
				new Object[] { PATH, body(List.of(), List.of("2087-02-03")), "workdays" });
		cases.put("an empty date", new Object[] { PATH, body(withNull, List.of()), "holidays" });
		cases.put("not a date", new Object[] { PATH, body(List.of("2087-02-30"), List.of()), "holidays" });
		cases.put("year before 1990", new Object[] { "/api/calendar/1989", body(List.of(), List.of()), "year" });
		cases.put("year after 2100", new Object[] { "/api/calendar/2101", body(List.of(), List.of()), "year" });
		cases.put("year not a number", new Object[] { "/api/calendar/next", body(List.of(), List.of()), "year" });
		cases.put("year beyond any number",
				new Object[] { "/api/calendar/99999999999", body(List.of(), List.of()), "year" });
		cases.forEach((what, c) -> {
			JsonNode fields = assertError(put("admin", (String) c[0], c[1]), 400, "invalid_input");
			assertThat(fields.fieldNames()).as(what + ": " + fields)
				.toIterable()
				.anyMatch(f -> f.startsWith((String) c[2]));
		});
		assertThat(assertError(put("admin", PATH, "{\"holidays\": [20870101], \"workdays\": []}"), 400, "invalid_input")
			.fieldNames()).toIterable().anyMatch(f -> f.startsWith("holidays"));
		assertError(put("admin", PATH, "{\"holidays\": [], \"workdays\": [], \"bridges\": []}"), 400, "invalid_input");
		assertError(put("admin", PATH, "not json"), 400, "invalid_input");
		assertThat(state()).isEqualTo(before);

		// the reasons name the day at fault
		assertThat(assertError(put("admin", PATH, body(List.of(), List.of("2087-02-03"))), 400, "invalid_input")
			.get("workdays")
			.asText()).isEqualTo(
					"2087-02-03 is not a Saturday or Sunday: an adjusted working day is a weekend day that is worked");
		assertThat(assertError(put("admin", PATH, body(List.of("2088-01-01"), List.of("2087-02-01", "2087-02-01"))),
				400, "invalid_input"))
			.hasSize(2);
		assertThat(assertError(get("officer", "/api/calendar/1800"), 400, "invalid_input").get("year").asText())
			.isEqualTo("must be between 1990 and 2100");
		assertThat(state()).isEqualTo(before);
	}

	/**
	 * Another node sharing the database (here a second cache over the same tables)
	 * answers from its copy until its recheck interval has passed, then from the new
	 * calendar; the node that made the change does at once.
	 */
	@Test
	void anotherNodeFollowsAChangeWithinItsRecheckInterval() throws InterruptedException {
		WorkingDays otherNode = new WorkingDays(new CalendarCache(repository, Duration.ofMillis(500)));
		LocalDate day = LocalDate.of(YEAR, 2, 3);
		assertThat(otherNode.isWorkingDay(day)).isTrue();
		assertThat(put("admin", PATH, body(List.of("2087-02-03"), List.of())).status()).isEqualTo(200);
		assertThat(workingDays.isWorkingDay(day)).as("the node that made the change").isFalse();
		Thread.sleep(600);
		assertThat(otherNode.isWorkingDay(day)).as("another node, after its interval").isFalse();
	}

	@Test
	void holidaysMayIncludeTheWeekendsOfTheirRange() {
		// as the notices give them: 2087-02-01 and 02-02 are a Saturday and a Sunday
		Response r = put("admin", PATH,
				body(List.of("2087-01-31", "2087-02-01", "2087-02-02", "2087-02-03"), List.of()));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		assertThat(r.body().get("workingDays").asInt()).isEqualTo(261 - 2);
	}

}
