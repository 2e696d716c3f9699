package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * The calendar page over real HTTP with form-login sessions: every role reads a year's
 * holidays as lists and month sheets, a year without entries says that Monday to Friday
 * count, and administrators change a year through the form, with refusals explained in
 * the page's language and nothing saved. The year changed here, 2087, is emptied before
 * and after each test.
 */
class CalendarPageTest extends WebTestBase {

	private static final String YEAR_PAGE = "/admin/calendar?year=2087";

	@BeforeEach
	@AfterEach
	void emptyTheTestYear() {
		assertThat(put("admin", "/api/calendar/2087", Map.of("holidays", List.of(), "workdays", List.of())).status())
			.isEqualTo(200);
	}

	@Test
	void everyRoleReadsAYearOnlyAdministratorsGetTheForm() {
		for (String user : List.of("officer", "manager", "auditor", "admin")) {
			Page page = session(user).get("/admin/calendar?year=2025");
			assertThat(page.status()).as(user).isEqualTo(200);
			String html = page.body();
			assertThat(html).contains("<h1>Working-day calendar</h1>")
				.contains("28 holidays and 5 adjusted working days: 248 working days in the year.")
				.contains("Shipped with the product, as the State Council’s notice gives them.")
				.contains("2025-01-28 – 2025-02-04 (8 days)")
				.contains("data-first=\"2025-02-08\"")
				.contains("title=\"2025-02-08 · Adjusted working day\"")
				.contains("data-nav=\"calendar\"");
			assertThat(dayClass(html, "2025-02-08")).isEqualTo("workday");
			assertThat(dayClass(html, "2025-01-28")).isEqualTo("holiday");
			assertThat(dayClass(html, "2025-02-09")).isEqualTo("weekend");
			assertThat(dayClass(html, "2025-02-10")).isEqualTo("working");
			assertThat(html.contains("id=\"calendar-edit\"")).as(user + " gets the form")
				.isEqualTo(user.equals("admin"));
		}
		// without a year: this year's page
		assertThat(session("officer").get("/admin/calendar").body())
			.contains("data-year=\"" + today().getYear() + "\"");
	}

	/** The class of a day's cell in the month sheets. */
	private static String dayClass(String html, String date) {
		Matcher m = Pattern.compile("<td class=\"(\\w+)\"\\s+data-date=\"" + date + "\"").matcher(html);
		assertThat(m.find()).as("a cell for " + date).isTrue();
		return m.group(1);
	}

	@Test
	void aYearWithoutEntriesSaysMondayToFridayCountInBothLanguages() {
		assertThat(session("manager").get(YEAR_PAGE).body())
			.contains("No data for this year: Monday to Friday are counted as working days (261 working days).");
		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("manager");
		assertThat(chinese.get(YEAR_PAGE).body()).contains("<h1>工作日历</h1>")
			.contains("本年度暂无数据：按周一至周五计算工作日（全年 261 个工作日）。")
			.contains("<caption>2月</caption>");
	}

	@Test
	void anAdministratorSavesAYearThroughTheForm() {
		WebSession admin = session("admin");
		Page saved = admin.post("/admin/calendar/2087",
				Map.of("holidays", "2087-01-01\n2087-02-03 .. 2087-02-10", "workdays", "2087-02-01"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith(YEAR_PAGE);
		String html = admin.get(YEAR_PAGE).body();
		assertThat(html).contains("Calendar of 2087 saved.")
			.contains("9 holidays and 1 adjusted working day: 255 working days in the year.")
			.contains("Entered by admin on ")
			.contains(">2087-01-01\n2087-02-03..2087-02-10</textarea>");
		assertThat(get("officer", "/api/calendar/2087").body().get("workdays").get(0).asText()).isEqualTo("2087-02-01");
	}

	@Test
	void aRefusedChangeSaysWhyInThePagesLanguageAndSavesNothing() {
		WebSession admin = session("admin");
		Page weekday = admin.post("/admin/calendar/2087", Map.of("holidays", "2087-02-03", "workdays", "2087-02-04"));
		assertThat(weekday.status()).isEqualTo(400);
		assertThat(weekday.body()).contains("Nothing was saved: see the reasons below.")
			.contains("2087-02-04 is not a Saturday or Sunday: an adjusted working day is a weekend day that is worked")
			.contains(">2087-02-03</textarea>")
			.contains("class=\"invalid\"");

		Page unreadable = admin.post("/admin/calendar/2087", Map.of("holidays", "2087-13-01", "workdays", ""));
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.body()).contains("“2087-13-01” is not a date: write YYYY-MM-DD.");
		Page backwards = admin.post("/admin/calendar/2087",
				Map.of("holidays", "2087-02-10..2087-02-03", "workdays", ""));
		assertThat(backwards.body()).contains("“2087-02-10..2087-02-03”: the range ends before it starts.");

		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("admin");
		Page both = chinese.post("/admin/calendar/2087", Map.of("holidays", "2087-02-01, 2088-01-01", "workdays", ""));
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.body()).contains("未保存：原因见下方。").contains("2088-01-01 不在 2087 年内");
		Page twice = chinese.post("/admin/calendar/2087", Map.of("holidays", "2087-02-01", "workdays", "2087-02-01"));
		assertThat(twice.body()).contains("2087-02-01 不能既是放假日又是调休上班日");

		assertThat(get("admin", "/api/calendar/2087").body().get("defined").asBoolean()).isFalse();
	}

}
