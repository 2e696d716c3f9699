package com.investtrack.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Ledgers as bureaus type them, built with POI independently of the exporter: strings,
 * numbers and date cells in the given rows; a row whose only value is a title is merged
 * across the first columns, like a real title row, and further regions can be merged
 * anywhere, as bureaus merge a park's cell down over its projects' rows.
 */
public final class Workbooks {

	public static byte[] xlsx(Object[]... rows) {
		return merged(List.of(), rows);
	}

	/**
	 * A workbook whose regions {first row, last row, first column, last column} (0-based)
	 * are merged; the value of a region is in its first cell.
	 */
	public static byte[] merged(List<int[]> regions, Object[]... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("台账");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					Object value = rows[r][c];
					if (value instanceof String s) {
						row.createCell(c).setCellValue(s);
					}
					else if (value instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else if (value instanceof LocalDate d) {
						var cell = row.createCell(c);
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
				}
				if (rows[r].length == 1 && rows[r][0] != null) {
					sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 5));
				}
			}
			regions.forEach(m -> sheet.addMergedRegion(new CellRangeAddress(m[0], m[1], m[2], m[3])));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Object[] row(Object... cells) {
		return cells;
	}

	private Workbooks() {
	}

}
