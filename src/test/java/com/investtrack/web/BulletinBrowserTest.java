package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The bulletin in a real browser: found from the menu and switched to another month on a
 * desktop, one block per row on a phone without sideways scrolling, and its print layout
 * (print media emulated through the DevTools protocol): no menus or forms, a serif CJK
 * face, ruled tables, and an A4 page in the PDF Chromium prints.
 */
class BulletinBrowserTest extends BrowserTestBase {

	@Test
	void aLeaderOpensTheBulletinAndPicksAMonth() {
		int year = today().getYear() - 1;
		String park = parkWithSignings(year);
		loginAs("leader");
		clickAndWait($("nav.mainnav a[data-nav=bulletin]"));
		new Select($("#bulletin-month select[name=year]")).selectByValue(String.valueOf(year));
		new Select($("#bulletin-month select[name=month]")).selectByValue("3");
		clickAndWait($("#bulletin-month button[type=submit]"));

		assertThat($("main h1").getText()).isEqualTo("Investment promotion bulletin, January to month 3 of " + year);
		WebElement row = waitFor(By.cssSelector("#by-park tr[data-park='" + park + "']"));
		assertThat(row.getText()).contains("50.0%").contains("2 / 4");
		assertThat($("#indicators tr[data-indicator=SIGNED_PROJECTS] th").getText()).isEqualTo("Major projects signed");
		assertThat($("#publication").getText()).contains("Not published");
		assertThat($$("#publication form")).as("only managers publish").isEmpty();
		assertThat(cspViolations()).isEmpty();
		screenshot("bulletin-desktop");
	}

	@Test
	void onAPhoneEachRowIsABlockAndNothingScrollsSideways() {
		int year = today().getYear() - 1;
		String park = parkWithSignings(year);
		try {
			browser().manage().window().setSize(new Dimension(390, 844));
			loginAs("manager");
			open("/reports/monthly?year=" + year + "&month=3");
			WebElement cell = waitFor(By.cssSelector("#by-park tr[data-park='" + park + "'] td[data-label]"));
			Number overflow = (Number) script(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("the bulletin scrolls sideways on a phone").isLessThanOrEqualTo(0);
			assertThat(script("return getComputedStyle(arguments[0]).display", cell)).isEqualTo("block");
			assertThat((String) script("return getComputedStyle(arguments[0], '::before').content", cell))
				.isEqualTo("\"Rank: \"");
			assertThat(script("return getComputedStyle(document.querySelector('#indicators thead')).display"))
				.isEqualTo("none");
			screenshot("bulletin-phone");
		}
		finally {
			browser().manage().window().setSize(new Dimension(1400, 1000));
		}
	}

	@Test
	void itPrintsOnA4InASerifChineseFaceWithoutTheScreensControls() {
		int year = today().getYear() - 1;
		parkWithSignings(year);
		loginAs("manager");
		open("/reports/monthly?year=" + year + "&month=3&lang=zh_CN");
		waitFor(By.cssSelector("#indicators"));
		assertThat($("main h1").getText()).isEqualTo(year + "年1—3月招商引资工作通报");
		ChromeDriver chrome = (ChromeDriver) browser();
		try {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
			assertThat(script("return matchMedia('print').matches")).isEqualTo(true);
			for (String hidden : new String[] { ".topbar", "#bulletin-month", "a[data-xlsx]", ".footer" }) {
				assertThat(script("return getComputedStyle(document.querySelector(arguments[0])).display", hidden))
					.as(hidden + " is not printed")
					.isEqualTo("none");
			}
			assertThat((String) script("return getComputedStyle(document.querySelector('main')).fontFamily"))
				.startsWith("\"Noto Serif CJK SC\"")
				.contains("SimSun");
			assertThat(
					(String) script("return getComputedStyle(document.querySelector('#indicators td')).borderTopStyle"))
				.isEqualTo("solid");
			assertThat(script("return getComputedStyle(document.querySelector('#lists')).breakBefore"))
				.isEqualTo("page");
			// the @page rule asks for A4, and the PDF Chromium prints from it has A4
			// pages
			// (595 × 842 points)
			assertThat(script("""
					for (const sheet of document.styleSheets) { for (const rule of sheet.cssRules) {
					  if (rule instanceof CSSPageRule) return rule.style.getPropertyValue('size'); } }
					return null;""")).isEqualTo("a4");
			Map<String, Object> pdf = chrome.executeCdpCommand("Page.printToPDF",
					Map.of("preferCSSPageSize", true, "printBackground", false));
			String text = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
			assertThat(text).startsWith("%PDF");
			Matcher box = Pattern.compile("/MediaBox \\[0 0 ([\\d.]+) ([\\d.]+)\\]").matcher(text);
			assertThat(box.find()).as("a page with a MediaBox").isTrue();
			assertThat(Double.parseDouble(box.group(1))).isCloseTo(595.3, org.assertj.core.data.Offset.offset(1.5));
			assertThat(Double.parseDouble(box.group(2))).isCloseTo(841.9, org.assertj.core.data.Offset.offset(1.5));
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	/**
	 * A park of the test's own with a target of 4 signings and two major projects signed
	 * in February and March of {@code year}.
	 */
	private String parkWithSignings(int year) {
		String park = newPark();
		assertThat(put("manager", "/api/targets/" + year + "/parks/" + park, Map.of("signedProjects", 4)).status())
			.isEqualTo(200);
		for (LocalDate signed : new LocalDate[] { LocalDate.of(year, 2, 10), LocalDate.of(year, 3, 3) }) {
			Map<String, Object> body = newProject("officer", signed.minusMonths(2));
			body.remove("investmentAmountYuan");
			body.remove("landAreaM2");
			body.put("name", "Bulletin browser " + UUID.randomUUID().toString().substring(0, 8));
			body.put("parkCode", park);
			body.put("totalInvestmentWan", 20000);
			body.put("contractedInvestmentWan", 20000);
			Response r = post("officer", "/api/projects", body);
			assertThat(r.status()).as(r.raw()).isEqualTo(201);
			walk("officer", r.body().get("id").asLong(), signed);
		}
		return park;
	}

}
