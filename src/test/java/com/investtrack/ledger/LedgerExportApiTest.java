package com.investtrack.ledger;

import static com.investtrack.ledger.Workbooks.row;
import static com.investtrack.ledger.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.TestData;

/** The ledger's export, and export then import: every row UNCHANGED (issue 11). */
class LedgerExportApiTest extends LedgerApiTestBase {

	@Test
	void exportThenImportChangesNothing() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		// projects of every kind, made by the import (in flight, in production, dropped)
		// and by hand
		byte[] file = xlsx(
				row("项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "用地（亩）", "首谈日期", "签约日期", "供地日期", "开工日期", "投产日期",
						"约定投产", "项目状态", "终止日期", "招商专员", "备注"),
				row("R1-" + tag, "=cmd|' /C calc'!A0 " + tag, "Investor", "JS-IMP", "EQUIPMENT", 1234.5, 12.3456,
						"2024-01-10", "2024-02-05", "2024年3月", null, null, "2027-01-01", "已供地", null, "officer"),
				row("R2-" + tag, "Made " + tag, "Investor", "ZX-CNC", "CHEMICAL", 900, null, "2022-01-01", "2022-02-01",
						"2022-03-01", "2022-04-01", "2023-04-01", null, "已投产", null, "officer2"),
				row("R3-" + tag, "Gone " + tag, "@SUM(A1) Investor", "SY-GF", "HEALTH", 50, null, "2024-05-01", null,
						null, null, null, null, "终止", "2024-06-01", "officer", "-2+3 went elsewhere"));
		JsonNode preview = upload("manager", "seed.xlsx", file, null).body();
		assertThat(preview.at("/counts/NEW").asInt()).as(preview.toString()).isEqualTo(3);
		assertThat(post("manager", "/api/imports/" + preview.get("id").asText() + "/confirm", null).status())
			.isEqualTo(200);
		Map<String, Object> byHand = newProject("officer", LocalDate.of(2024, 7, 1));
		byHand.put("name", "By hand " + tag);
		assertThat(post("officer", "/api/projects", byHand).status()).isEqualTo(201);

		byte[] exported = export("officer", "?q=" + tag);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目编号");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(5);
			var signing = sheet.getRow(0);
			int column = 0;
			while (!"签约".equals(signing.getCell(column).getStringCellValue())) {
				column++;
			}
			for (int r = 1; r <= 4; r++) {
				var cell = sheet.getRow(r).getCell(column);
				if (cell != null) {
					assertThat(DateUtil.isCellDateFormatted(cell)).as("dates are date cells").isTrue();
				}
			}
			var money = sheet.getRow(0);
			int total = 0;
			while (!"总投资（万元）".equals(money.getCell(total).getStringCellValue())) {
				total++;
			}
			assertThat(sheet.getRow(1).getCell(total).getCellType()).isEqualTo(CellType.NUMERIC);
			// formula-like text (the name, the investor, the drop reason in 备注) is a
			// string cell marked as text, and no cell of the sheet is a formula
			int defused = 0;
			for (var row : sheet) {
				for (var cell : row) {
					assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
					if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()
							&& "=+-@\t\r".indexOf(cell.getStringCellValue().charAt(0)) >= 0) {
						assertThat(cell.getCellStyle().getQuotePrefixed()).as("cell %s", cell.getAddress()).isTrue();
						defused++;
					}
				}
			}
			assertThat(defused).isEqualTo(3);
		}
		JsonNode again = upload("manager", "exported.xlsx", exported, null).body();
		assertThat(again.at("/counts/UNCHANGED").asInt()).as(again.toString()).isEqualTo(4);
		assertThat(again.at("/counts/ERROR").asInt()).isZero();
	}

	@Test
	void everyoneWhoReadsTheListExports() {
		assertThat(export("auditor", "").length).isPositive();
		var anonymous = rest.exchange("/api/projects/export.xlsx", HttpMethod.GET, HttpEntity.EMPTY, String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
	}

	private byte[] export(String user, String query) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, TestData.PASSWORD);
		var answer = rest.exchange("/api/projects/export.xlsx" + query, HttpMethod.GET, new HttpEntity<>(headers),
				byte[].class);
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(answer.getHeaders().getContentType().toString()).contains("spreadsheetml");
		assertThat(answer.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
		return answer.getBody();
	}

}
