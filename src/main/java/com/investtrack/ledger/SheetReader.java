package com.investtrack.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.investtrack.common.InvalidInputException;

/**
 * The first sheet of an .xlsx workbook as rows of cells (String, Double, LocalDate or
 * null). Formulas are read as their cached values and never evaluated. Anything that is
 * not an .xlsx workbook, an encrypted one, a zip bomb or a sheet of more than
 * {@link #MAX_ROWS} rows is refused with a 400 naming the file.
 */
final class SheetReader {

	static final int MAX_ROWS = 20_000;

	/**
	 * No part of a workbook may inflate beyond this (a few MB of ledger never comes near
	 * it).
	 */
	private static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

	static {
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
	}

	/**
	 * The ledger's first sheet, or the rows of a .csv file (UTF-8 or GB18030, what WPS
	 * and old Excel save).
	 */
	static List<List<Object>> read(byte[] content, String fileName) {
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return CsvReader.rows(content);
		}
		return read(content);
	}

	static List<List<Object>> read(byte[] content) {
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException ex) {
			throw refused("is not an Excel workbook (.xlsx)");
		}
		if (magic == FileMagic.OLE2) {
			throw refused(isEncrypted(content) ? "is encrypted: remove the password and save it again"
					: "is an old Excel workbook (.xls): open it and save it as .xlsx");
		}
		if (magic != FileMagic.OOXML) {
			throw refused("is not an Excel workbook (.xlsx): save the ledger as .xlsx (or .csv)");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw refused("has no sheet");
			}
			return rows(workbook.getSheetAt(0));
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (EmptyFileException ex) {
			throw refused("is empty");
		}
		catch (IOException | RuntimeException ex) {
			// POI says zip bomb, broken zip or not a workbook through many exception
			// types; all mean the same here
			throw refused("cannot be read as an Excel workbook (.xlsx): " + ex.getMessage());
		}
	}

	private static List<List<Object>> rows(Sheet sheet) {
		if (sheet.getLastRowNum() >= MAX_ROWS + 10) {
			throw refused("has more than " + MAX_ROWS + " rows: split the ledger");
		}
		List<List<Object>> rows = new ArrayList<>();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			List<Object> cells = new ArrayList<>();
			if (row != null) {
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(value(row.getCell(c)));
				}
			}
			rows.add(cells);
		}
		return rows;
	}

	private static Object value(Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
					: Double.valueOf(cell.getNumericCellValue());
			case STRING -> Text.trimmed(cell.getStringCellValue());
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> null;
		};
	}

	private static boolean isEncrypted(byte[] content) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
			return fs.getRoot().hasEntry("EncryptionInfo");
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	static InvalidInputException refused(String reason) {
		return new InvalidInputException("file", reason);
	}

	private SheetReader() {
	}

}
