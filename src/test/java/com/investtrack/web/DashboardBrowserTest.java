package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboard answers "median time from negotiation to production for heavy-asset
 * projects in this park" in two clicks, and its charts are drawn from the same figures as
 * its tables.
 */
class DashboardBrowserTest extends BrowserTestBase {

	@Test
	void aNewManagerFindsTheHeavyAssetMedianOfAParkInTwoClicks() throws Exception {
		ParkFixture f = parkWithProjectsInProduction();
		loginAs("manager");

		clickAndWait($("nav.mainnav a[data-nav=dashboard]")); // click 1
		WebElement row = waitFor(By.cssSelector("#ttp-park tr[data-key='" + f.park() + "']"));
		assertThat(row.findElement(By.cssSelector("[data-median]")).getText()).isEqualTo("470");
		WebElement heavy = row.findElement(By.cssSelector("[data-heavy] a"));
		assertThat(heavy.getText()).isEqualTo("535");
		assertThat(row.findElement(By.cssSelector("[data-light] a")).getText()).isEqualTo("235");
		clickAndWait(heavy); // click 2

		assertThat(new Select($("#dashboard-filter select[name=park]")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(f.park());
		assertThat(new Select($("#dashboard-filter select[name=asset]")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("HEAVY");
		WebElement answer = $("#ttp-total");
		assertThat(answer.getAttribute("data-median")).isEqualTo("535.0");
		assertThat(answer.getAttribute("data-p90")).isEqualTo("587.0");
		assertThat(answer.getAttribute("data-projects")).isEqualTo("2");
		assertThat(answer.findElement(By.cssSelector(".big")).getText()).isEqualTo("535 days");
		// working days beside calendar days (the figures are counted in
		// DashboardCsvApiTest)
		assertThat(answer.getAttribute("data-median-working")).isEqualTo("374.0");
		assertThat(answer.findElement(By.cssSelector("[data-working]")).getText())
			.isEqualTo("374 working days, 90th percentile 408.4");
		assertThat($("#durations").getAttribute("data-median")).isEqualTo("535.0");

		JsonNode park = chart("chart-park");
		assertThat(park.get("keys")).hasSize(1);
		assertThat(park.get("keys").get(0).asText()).isEqualTo(f.park());
		assertThat(series(park, "median")).containsExactly(535.0);
		assertThat(series(park, "p90")).containsExactly(587.0);
		JsonNode stages = chart("chart-stage");
		assertThat(stages.get("keys").toString())
			.isEqualTo("[\"NEGOTIATION\",\"SIGNING\",\"SITE_SELECTION\",\"CONSTRUCTION\"]");
		assertThat(series(stages, "median")).containsExactly(25.0, 13.0, 47.0, 450.0);
		assertThat(series(stages, "p90")).containsExactly(29.0, 15.4, 57.4, 490.0);
		JsonNode years = chart("chart-year");
		assertThat(years.get("keys").toString()).isEqualTo("[\"2024\"]");
		assertThat(series(years, "median")).containsExactly(535.0);

		for (String id : List.of("chart-stage", "chart-park", "chart-industry", "chart-asset", "chart-year")) {
			WebElement canvas = $("canvas[data-chart=" + id + "]");
			assertThat(canvas.getAttribute("data-rendered")).as(id + " drawn with two series").isEqualTo("2");
			assertThat((Boolean) script("return window.Chart.getChart(arguments[0]) !== undefined", canvas)).isTrue();
			Number painted = (Number) script("""
					const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
					let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;""", canvas);
			assertThat(painted.intValue()).as(id + " has painted pixels").isGreaterThan(1000);
		}

		assertThat($("[data-kpi=stage-PRODUCTION]").getAttribute("data-value")).isEqualTo("2");
		assertThat($("[data-kpi=stage-NEGOTIATION]").getAttribute("data-value")).isEqualTo("1");
		assertThat($("#attention [data-health=RED]").getText()).contains("Stalled talks");
		screenshot("dashboard-park-heavy");

		// the table figures equal the chart's: the whole-pipeline stage table under the
		// same filter
		assertThat($("#ttp-stage tr[data-key=CONSTRUCTION] [data-median]").getText()).isEqualTo("450");
		assertThat($("#ttp-stage tr[data-key=TOTAL] [data-p90]").getText()).isEqualTo("587");
		assertThat($("#ttp-stage tr[data-key=CONSTRUCTION] [data-median-working]").getText()).isEqualTo("313");
		assertThat($("#ttp-park tr[data-key='" + f.park() + "'] [data-p90-working]").getText()).isEqualTo("408.4");
	}

	@Test
	void anyTwoMilestonesCanBeMeasured() {
		ParkFixture f = parkWithProjectsInProduction();
		loginAs("manager");
		open("/dashboard");
		new Select($("#dashboard-filter select[name=park]")).selectByValue(f.park());
		new Select($("#dashboard-filter select[name=from]")).selectByValue("CONSTRUCTION");
		new Select($("#dashboard-filter select[name=to]")).selectByValue("PRODUCTION");
		clickAndWait($("#dashboard-filter button[type=submit]"));
		WebElement durations = $("#durations");
		assertThat(durations.findElement(By.cssSelector("h2")).getText())
			.isEqualTo("Construction commenced → Production started, median");
		assertThat(durations.getAttribute("data-median")).isEqualTo("400.0");
		assertThat(durations.getAttribute("data-projects")).isEqualTo("3");
		assertThat(durations.getText()).contains("shortest 200 days, longest 500 days");

		new Select($("#dashboard-filter select[name=from]")).selectByValue("PRODUCTION");
		new Select($("#dashboard-filter select[name=to]")).selectByValue("SIGNING");
		clickAndWait($("#dashboard-filter button[type=submit]"));
		assertThat($("#durations .field-error").getText()).isEqualTo("must be a later stage than from");
		screenshot("dashboard-durations-refused");
	}

	private JsonNode chart(String id) throws Exception {
		return json.readTree((String) script("return document.getElementById(arguments[0]).textContent", id));
	}

	private static List<Double> series(JsonNode chart, String key) {
		for (JsonNode s : chart.get("series")) {
			if (s.get("key").asText().equals(key)) {
				return StreamSupport.stream(s.get("data").spliterator(), false).map(JsonNode::asDouble).toList();
			}
		}
		throw new AssertionError("no series " + key);
	}

}
