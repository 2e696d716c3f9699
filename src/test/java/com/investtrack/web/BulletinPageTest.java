package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.investtrack.support.TestData;
import com.investtrack.support.WebSession;

/**
 * The bulletin's page in both languages, its refusal of a month beyond today, publishing
 * from the page, and the Excel workbook opened and read back cell by cell.
 */
class BulletinPageTest extends WebTestBase {

	@Test
	void thePageShowsTheBulletinInBothLanguagesAndTheWorkbookHoldsItsFigures() throws Exception {
		int year = today().getYear() - 1;
		String park = newPark();
		put("manager", "/api/targets/" + year + "/parks/" + park, Map.of("signedProjects", 4, "startedProjects", 2));
		long id = signedProject(park, LocalDate.of(year, 2, 10), 20000);
		signedProject(park, LocalDate.of(year, 3, 3), 15000);

		String page = session("leader").get("/reports/monthly?year=" + year + "&month=3").body();
		assertThat(page).contains("Investment promotion bulletin, January to month 3 of " + year)
			.contains("Targets and actuals (time elapsed 25.0%)")
			.contains("data-indicator=\"SIGNED_PROJECTS\"")
			.containsPattern("data-park=\"" + park + "\">\\s*<td class=\"num\" data-label=\"Rank\">\\d+</td>")
			.contains("href=\"/reports/monthly.xlsx?year=" + year + "&amp;month=3\"")
			.doesNotContain("Publish and freeze");
		assertThat(row(page, "data-park=\"" + park + "\"")).contains("25.0%").contains(">2 / 4<").contains(">0 / 2<");
		String zh = session("leader").header("Accept-Language", "zh-CN")
			.get("/reports/monthly?year=" + year + "&month=3")
			.body();
		assertThat(zh).contains(year + "年1—3月招商引资工作通报").contains("序时进度 25.0%").contains("签约亿元以上项目");

		WebSession.Page beyond = session("manager")
			.get("/reports/monthly?year=" + (today().getYear() + 1) + "&month=1");
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.body()).contains("data-bulletin-error").contains("Year: must be between 1990");

		byte[] xlsx = download("auditor", "/reports/monthly.xlsx?year=" + year + "&month=3");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Bulletin");
			Sheet summary = workbook.getSheetAt(0);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("Investment promotion bulletin, January to month 3 of " + year);
			assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(25.0);
			assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Major projects signed");
			Sheet parks = workbook.getSheet("Parks");
			Row mine = null;
			for (Row r : parks) {
				if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals("Test park " + park)) {
					mine = r;
				}
			}
			assertThat(mine).as("the park's row").isNotNull();
			// rank, name, district, mean percent (50 and 0), then actual and target per
			// indicator
			assertThat(mine.getCell(3).getNumericCellValue()).isEqualTo(25.0);
			assertThat(mine.getCell(4).getNumericCellValue()).isEqualTo(2.0);
			assertThat(mine.getCell(5).getNumericCellValue()).isEqualTo(4.0);
			assertThat(mine.getCell(6).getNumericCellValue()).isEqualTo(35000.0);
			assertThat(mine.getCell(7)).isNull();
			assertThat(workbook.getSheet("Lists")).isNotNull();
			assertThat(workbook.getSheet("Districts")).isNotNull();
		}
		assertThat(id).isPositive();
	}

	@Test
	void aManagerPublishesFromThePageAndItSaysSo() {
		String month = unpublishedMonth();
		WebSession manager = session("manager");
		assertThat(manager.get("/reports/monthly?" + month).body()).contains("Publish and freeze this bulletin");
		String[] ym = month.replace("year=", "").replace("month=", "").split("&");
		WebSession.Page done = manager.post("/reports/monthly/" + ym[0] + "/" + ym[1] + "/publish", Map.of());
		assertThat(done.status()).isEqualTo(302);
		String page = manager.get("/reports/monthly?" + month).body();
		assertThat(page).contains("data-published").contains("The bulletin is published");
		assertThat(page).doesNotContain("Publish and freeze this bulletin");
		manager.post("/reports/monthly/" + ym[0] + "/" + ym[1] + "/publish", Map.of());
		assertThat(manager.get("/reports/monthly?" + month).body())
			.contains("The bulletin of " + ym[0] + "-" + ym[1] + " is already published.");
	}

	private long signedProject(String park, LocalDate signed, int contractedWan) {
		Map<String, Object> body = newProject("officer", signed.minusMonths(2));
		body.remove("investmentAmountYuan");
		body.remove("landAreaM2");
		body.put("name", "Bulletin page " + UUID.randomUUID().toString().substring(0, 8));
		body.put("parkCode", park);
		body.put("totalInvestmentWan", contractedWan);
		body.put("contractedInvestmentWan", contractedWan);
		Response r = post("officer", "/api/projects", body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		long id = r.body().get("id").asLong();
		walk("officer", id, signed);
		return id;
	}

	/** The table row of the page that carries this attribute. */
	private static String row(String page, String attribute) {
		int start = page.indexOf(attribute);
		assertThat(start).as(attribute).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private byte[] download(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, TestData.PASSWORD);
		var answer = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(answer.getHeaders().getContentType().toString())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		return answer.getBody();
	}

	/** A month nobody has published, as query parameters (from 1991 on). */
	private String unpublishedMonth() {
		for (int year = 1991;; year++) {
			for (int month = 1; month <= 12; month++) {
				if (count("SELECT COUNT(*) FROM bulletin_published WHERE bulletin_year = ? AND bulletin_month = ?",
						year, month) == 0) {
					return "year=" + year + "&month=" + month;
				}
			}
		}
	}

}
