package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The project page: recording a milestone that happened weeks ago moves the durations to
 * the effective date, a refused date is explained next to its field, and the forms appear
 * only for those who may use them.
 */
class ProjectPageBrowserTest extends BrowserTestBase {

	@Test
	void aMilestoneRecordedWithAPastDateSetsTheDurations() {
		LocalDate today = today();
		long id = createProject("officer", "JS-IMP", "EQUIPMENT", "HEAVY", today.minusDays(100),
				unique("Gearbox plant"));
		assertThat(advance("officer", id, "SIGNING", today.minusDays(90)).status()).isEqualTo(202);
		assertThat(decide("manager", id, "APPROVE", "terms agreed").status()).isEqualTo(200);

		loginAs("officer");
		open("/projects/" + id);
		assertThat(days("NEGOTIATION")).isEqualTo("10");
		assertThat(days("SIGNING")).isEqualTo("90");
		assertThat($("tr[data-stage=SIGNING] td:nth-child(3)").getText()).isEqualTo("today (running)");
		assertThat($("#next-milestone h2").getText()).isEqualTo("Record the next milestone: Site decided");

		WebElement date = $("#milestone-effectiveOn");
		assertThat(date.getAttribute("value")).isEqualTo(today.toString());
		setValue(date, today.minusDays(30).toString());
		$("#milestone-comment").sendKeys("Parcel 7 confirmed by the park committee");
		clickAndWait($("#next-milestone button[type=submit]"));

		assertThat($(".flash.notice").getText()).isEqualTo("Milestone recorded.");
		assertThat($("[data-current-stage]").getAttribute("data-stage")).isEqualTo("SITE_SELECTION");
		int[] limits = thresholds("SITE_SELECTION");
		assertThat($("[data-threshold]").getText())
			.isEqualTo("(yellow after " + limits[0] + " days, red after " + limits[1] + " days in this stage)");
		assertThat(days("NEGOTIATION")).isEqualTo("10");
		assertThat(days("SIGNING")).isEqualTo("60");
		assertThat(days("SITE_SELECTION")).isEqualTo("30");
		assertThat($("tr[data-stage=SIGNING] td:nth-child(3)").getText()).isEqualTo(today.minusDays(30).toString());
		assertThat($("[data-total-days]").getText()).isEqualTo("100");
		// drawn to scale: 10, 60 and 30 of 100 days
		assertThat(width("NEGOTIATION")).isCloseTo(10.0, within(0.01));
		assertThat(width("SIGNING")).isCloseTo(60.0, within(0.01));
		assertThat(width("SITE_SELECTION")).isCloseTo(30.0, within(0.01));
		assertThat($("svg.timeline rect[data-stage=SITE_SELECTION]").getAttribute("class")).contains("current");
		WebElement recorded = $$("table.history tr[data-action=MILESTONE_RECORDED]").get(2);
		assertThat(recorded.getText()).contains(today.minusDays(30).toString())
			.contains("Parcel 7 confirmed by the park committee")
			.contains("Signing → Site selection");
		screenshot("project-milestone-recorded");

		// another officer reads the project but is offered nothing to change
		open("/login");
		browser().manage().deleteAllCookies();
		loginAs("officer2");
		open("/projects/" + id);
		assertThat($$("#next-milestone, #drop, #edit, #reassign")).isEmpty();
		assertThat(days("SIGNING")).isEqualTo("60");
	}

	@Test
	void aFutureDateIsExplainedNextToTheField() {
		LocalDate today = today();
		long id = createProject("officer", "JS-IMP", "EQUIPMENT", "HEAVY", today.minusDays(20), unique("Bearing line"));
		loginAs("officer");
		open("/projects/" + id);
		assertThat($("#next-milestone button[type=submit]").getText()).isEqualTo("Ask for approval: Signing");
		WebElement date = $("#milestone-effectiveOn");
		assertThat(date.getAttribute("max")).isEqualTo(today.toString());
		// a browser that ignores max (or a clock ahead of the server's) sends the date
		// anyway: the server refuses it
		script("arguments[0].removeAttribute('max')", date);
		setValue(date, today.plusDays(5).toString());
		clickAndWait($("#next-milestone button[type=submit]"));

		WebElement error = $("#next-milestone .field-error[data-error-for=effectiveOn]");
		assertThat(error.getText()).contains("must not be in the future (today is " + today + ")");
		assertThat($("#milestone-effectiveOn").getAttribute("class")).contains("invalid");
		assertThat($("#milestone-effectiveOn").getAttribute("value")).isEqualTo(today.plusDays(5).toString());
		assertThat($("[data-current-stage]").getAttribute("data-stage")).isEqualTo("NEGOTIATION");
		assertThat($$("[data-pending]")).isEmpty();
		screenshot("project-future-date-refused");

		// a date before the current stage began is refused the same way
		script("arguments[0].removeAttribute('min')", $("#milestone-effectiveOn"));
		setValue($("#milestone-effectiveOn"), today.minusDays(25).toString());
		clickAndWait($("#next-milestone button[type=submit]"));
		assertThat($("#next-milestone .field-error[data-error-for=effectiveOn]").getText())
			.contains("must not be before the previous milestone (" + today.minusDays(20) + ")");
	}

	@Test
	void droppingAsksForAReasonAndKeepsTheHistory() {
		LocalDate today = today();
		long id = createProject("officer", "JS-IMP", "CHEMICAL", "LIGHT", today.minusDays(40), unique("Resin plant"));
		loginAs("officer");
		open("/projects/" + id);
		$("#drop summary").click();
		setValue($("#drop-effectiveOn"), today.minusDays(3).toString());
		script("arguments[0].removeAttribute('required')", $("#drop-reason"));
		script("arguments[0].removeAttribute('data-confirm')", $("#drop form"));
		clickAndWait($("#drop button[type=submit]"));
		assertThat($("#drop .field-error[data-error-for=reason]").getText()).isNotBlank();
		assertThat($("#drop").getAttribute("open")).isNotNull();

		script("arguments[0].removeAttribute('data-confirm')", $("#drop form"));
		$("#drop-reason").sendKeys("Investor chose another city");
		clickAndWait($("#drop button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("The project was dropped.");
		assertThat($(".project-page .status .badge.dropped").getText()).isEqualTo("Dropped");
		assertThat($$("#next-milestone, #drop")).isEmpty();
		assertThat(days("NEGOTIATION")).isEqualTo("37");
		assertThat($("table.history tr[data-action=PROJECT_DROPPED]").getText())
			.contains("Investor chose another city");
		screenshot("project-dropped");
	}

	@Test
	void theOfficerRevisesThePlanOnThePageAndSeesTheHistory() {
		LocalDate today = today();
		var body = newProject("officer", today.minusDays(30));
		body.put("name", unique("Late signing"));
		body.put("plan", Map.of("SIGNING", today.minusDays(5).toString()));
		Response created = post("officer", "/api/projects", body);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		long id = created.body().get("id").asLong();

		loginAs("officer");
		open("/projects/" + id);
		assertThat($(".project-page .status .light").getAttribute("data-health")).isEqualTo("YELLOW");
		assertThat($("[data-health-reason]").getText()).contains("Behind plan").contains(today.minusDays(5).toString());
		assertThat($("[data-days-late]").getText()).isEqualTo("5 days late");
		assertThat($("tr[data-plan-stage=SIGNING] td[data-late]").getText()).isEqualTo("5");

		$("#revise-plan summary").click();
		setValue($("#plan-agreed-SIGNING"), today.plusDays(10).toString());
		setValue($("#plan-agreed-CONSTRUCTION"), today.plusDays(90).toString());
		$("#plan-reason").sendKeys("Investor asked for a month to finish due diligence");
		clickAndWait($("#revise-plan button[type=submit]"));

		assertThat($(".flash.notice").getText()).isEqualTo("Plan revised.");
		assertThat($(".project-page .status .light").getAttribute("data-health")).isEqualTo("GREEN");
		assertThat($("tr[data-plan-stage=SIGNING] td[data-agreed]").getText()).isEqualTo(today.plusDays(10).toString());
		assertThat($("tr[data-plan-stage=SIGNING] td[data-baseline]").getText())
			.isEqualTo(today.minusDays(5).toString());
		assertThat($("tr[data-plan-stage=CONSTRUCTION] td[data-agreed]").getText())
			.isEqualTo(today.plusDays(90).toString());
		WebElement latest = $$("table.plan-revisions tr[data-plan-revision]").get(0);
		assertThat(latest.getText()).contains("Investor asked for a month to finish due diligence")
			.contains("Contract signed: " + today.minusDays(5) + " → " + today.plusDays(10))
			.contains("Construction commenced: — → " + today.plusDays(90));
		assertThat($("table.history tr[data-action=PLAN_REVISED]").getText()).isNotBlank();
		screenshot("project-plan-revised");
	}

	private String days(String stage) {
		return $("tr[data-stage=" + stage + "] td[data-days]").getText();
	}

	private double width(String stage) {
		return Double.parseDouble($("svg.timeline rect[data-stage=" + stage + "]").getAttribute("width"));
	}

	private void setValue(WebElement input, String value) {
		script("arguments[0].value = arguments[1]", input, value);
	}

}
