package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The calendar page in a real browser: an administrator finds it in the navigation, picks
 * a year without entries, enters its holidays and sees them on the month sheets; it fits
 * a phone and breaks no Content-Security-Policy rule.
 */
class CalendarBrowserTest extends BrowserTestBase {

	@AfterEach
	void emptyTheTestYear() {
		assertThat(put("admin", "/api/calendar/2089", Map.of("holidays", List.of(), "workdays", List.of())).status())
			.isEqualTo(200);
	}

	@Test
	void anAdministratorEntersTheNextYearsNotice() {
		loginAs("admin");
		clickAndWait($("nav.mainnav a[data-nav=calendar]"));
		assertThat($("h1").getText()).isEqualTo("Working-day calendar");
		assertThat($("nav.mainnav a.active").getAttribute("data-nav")).isEqualTo("calendar");

		$("#calendar-year").clear();
		$("#calendar-year").sendKeys("2089");
		clickAndWait($(".year-picker button[type=submit]"));
		assertThat($("[data-no-data]").getText())
			.isEqualTo("No data for this year: Monday to Friday are counted as working days (260 working days).");

		$("#holidays").sendKeys("2089-01-01\n2089-02-10..2089-02-16");
		$("#workdays").sendKeys("2089-02-19");
		clickAndWait($("#calendar-edit button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("Calendar of 2089 saved.");
		assertThat($("[data-summary]").getText())
			.isEqualTo("8 holidays and 1 adjusted working day: 256 working days in the year.");
		assertThat($("td[data-date='2089-02-19']").getAttribute("class")).isEqualTo("workday");
		assertThat($("td[data-date='2089-02-10']").getAttribute("class")).isEqualTo("holiday");
		screenshot("calendar-2089");

		// a refused change keeps the text and explains itself next to the field
		$("#workdays").clear();
		$("#workdays").sendKeys("2089-02-21");
		clickAndWait($("#calendar-edit button[type=submit]"));
		assertThat($("[data-error-for=workdays]").getText()).startsWith("2089-02-21 is not a Saturday or Sunday");
		assertThat($("#workdays").getAttribute("value")).isEqualTo("2089-02-21");
	}

	@Test
	void thePageFitsAPhoneAndKeepsToTheContentSecurityPolicy() {
		try {
			browser().manage().window().setSize(new Dimension(390, 844));
			for (String user : List.of("admin", "officer")) {
				open("/login");
				browser().manage().deleteAllCookies();
				loginAs(user);
				cspViolations();
				open("/admin/calendar?year=2025");
				waitFor(By.cssSelector("main h1"));
				Number overflow = (Number) script(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow.intValue()).as("the calendar scrolls sideways on a phone").isLessThanOrEqualTo(0);
				assertThat(cspViolations()).as("CSP violations on the calendar page as " + user).isEmpty();
				screenshot("phone-calendar-" + user);
			}
		}
		finally {
			browser().manage().window().setSize(new Dimension(1400, 1000));
		}
	}

}
