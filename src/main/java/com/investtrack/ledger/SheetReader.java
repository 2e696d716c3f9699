package com.investtrack.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import com.investtrack.common.InvalidInputException;

/**
 * The first sheet of an .xlsx workbook as rows of cells (String, Double, LocalDate or
 * null), read as a stream: the sheet's XML passes once through a SAX handler that keeps
 * only the cells' values, never the workbook as objects (a 5,000-row ledger would be
 * hundreds of thousands of them). Formulas are read as their cached values and never
 * evaluated. A merged region's value stands in every cell of the region: a park merged
 * down over the rows of its projects belongs to each of them. Anything that is not an
 * .xlsx workbook, an encrypted one, a zip bomb or a sheet of more than {@link #MAX_ROWS}
 * rows is refused with a 400 naming the file.
 */
final class SheetReader {

	static final int MAX_ROWS = 20_000;

	/**
	 * Cells right of this column are ignored: a ledger has a few dozen columns, and a
	 * stray value in column XFD must not pad every row with 16,384 cells.
	 */
	static final int MAX_COLUMNS = 500;

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
		catch (EmptyFileException ex) {
			throw refused("is empty");
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
		Path file = null;
		try {
			// a file, not a stream: POI then inflates only the parts read, piece by
			// piece,
			// where from a stream it would hold every part inflated in memory
			file = Files.createTempFile("ledger-", ".xlsx");
			Files.write(file, content);
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				return firstSheet(pkg);
			}
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (EmptyFileException ex) {
			throw refused("is empty");
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			// POI says zip bomb, broken zip or not a workbook through many exception
			// types; all mean the same here
			throw refused("cannot be read as an Excel workbook (.xlsx): " + reason(ex));
		}
		finally {
			deleteQuietly(file);
		}
	}

	private static List<List<Object>> firstSheet(OPCPackage pkg)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		XSSFReader reader = new XSSFReader(pkg);
		boolean date1904;
		try (InputStream workbook = reader.getWorkbookData()) {
			WorkbookHandler handler = new WorkbookHandler();
			parse(workbook, handler);
			date1904 = handler.date1904;
		}
		XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
		if (!sheets.hasNext()) {
			throw refused("has no sheet");
		}
		SharedStringsHandler shared = new SharedStringsHandler();
		for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
			try (InputStream in = part.getInputStream()) {
				parse(in, shared);
			}
		}
		SheetHandler handler = new SheetHandler(shared.strings, reader.getStylesTable(), date1904);
		try (InputStream sheet = sheets.next()) {
			parse(sheet, handler);
		}
		return handler.rows();
	}

	private static void parse(InputStream xml, DefaultHandler handler)
			throws IOException, SAXException, ParserConfigurationException {
		// POI's reader: no DTDs, no external entities
		XMLReader parser = XMLHelper.newXMLReader();
		parser.setContentHandler(handler);
		parser.parse(new InputSource(xml));
	}

	/** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
	private static final class WorkbookHandler extends DefaultHandler {

		private boolean date1904;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if ("workbookPr".equals(localName)) {
				String value = attributes.getValue("date1904");
				date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
			}
		}

	}

	/**
	 * The workbook's shared strings as plain strings ({@code <si>} with its text, or the
	 * text of its runs; phonetic guides left out). POI's read-only table would wrap each
	 * one in an XMLBeans object on every look-up.
	 */
	private static final class SharedStringsHandler extends DefaultHandler {

		private final List<String> strings = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private boolean inText;

		private boolean inPhonetic;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "si" -> text.setLength(0);
				case "rPh" -> inPhonetic = true;
				case "t" -> inText = !inPhonetic;
				default -> {
					// runs and their properties: only their text counts
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inText) {
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "si" -> strings.add(text.toString());
				case "rPh" -> inPhonetic = false;
				case "t" -> inText = false;
				default -> {
					// nothing to finish
				}
			}
		}

	}

	/**
	 * Collects the values of a sheet's cells row by row ({@code <row>}, {@code <c>} with
	 * its type and style, its cached value {@code <v>} or inline text {@code <is>}; a
	 * formula {@code <f>} is ignored) and, at the end of the sheet, its merged regions.
	 */
	private static final class SheetHandler extends DefaultHandler {

		private final List<String> strings;

		private final StylesTable styles;

		private final boolean date1904;

		private final Map<Integer, Boolean> dateStyles = new HashMap<>();

		private final List<List<Object>> rows = new ArrayList<>();

		private final List<CellRangeAddress> merged = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private List<Object> cells;

		private int row;

		private int column;

		private String type;

		private String style;

		private boolean hasValue;

		private boolean inValue;

		private boolean inInline;

		private boolean inInlineText;

		private boolean inPhonetic;

		SheetHandler(List<String> strings, StylesTable styles, boolean date1904) {
			this.strings = strings;
			this.styles = styles;
			this.date1904 = date1904;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					row = r == null ? rows.size() : Integer.parseInt(r) - 1;
					if (row >= MAX_ROWS + 10) {
						throw refused("has more than " + MAX_ROWS + " rows: split the ledger");
					}
					cells = new ArrayList<>();
					column = -1;
				}
				case "c" -> {
					String ref = attributes.getValue("r");
					column = ref == null ? column + 1 : column(ref);
					type = attributes.getValue("t");
					style = attributes.getValue("s");
					hasValue = false;
					text.setLength(0);
				}
				case "v" -> {
					inValue = true;
					text.setLength(0);
				}
				case "is" -> inInline = true;
				case "rPh" -> inPhonetic = true;
				case "t" -> inInlineText = inInline && !inPhonetic;
				case "mergeCell" -> merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
				default -> {
					// sheet properties, columns, formulas, conditional formats: not
					// values
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inValue || inInlineText) {
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v" -> {
					inValue = false;
					hasValue = true;
				}
				case "t" -> inInlineText = false;
				case "rPh" -> inPhonetic = false;
				case "is" -> {
					inInline = false;
					hasValue = true;
				}
				case "c" -> {
					Object value = hasValue ? value(text.toString()) : null;
					if (value != null && column < MAX_COLUMNS) {
						set(cells, column, value);
					}
				}
				case "row" -> {
					while (rows.size() <= row) {
						rows.add(new ArrayList<>());
					}
					rows.set(row, cells);
				}
				default -> {
					// nothing to finish
				}
			}
		}

		/**
		 * The 0-based column of a reference such as AB12 (parsed by hand: POI's
		 * CellReference would cost a pattern match per cell).
		 */
		private static int column(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = reference.charAt(i);
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
			}
			return column - 1;
		}

		/** A cell's value by its type: shared or inline text, boolean, error, number. */
		private Object value(String raw) {
			if (type == null) {
				return number(raw);
			}
			return switch (type) {
				case "s" -> Text.trimmed(strings.get(Integer.parseInt(raw.trim())));
				case "inlineStr", "str" -> Text.trimmed(raw);
				case "b" -> String.valueOf("1".equals(raw.trim()) || "true".equalsIgnoreCase(raw.trim()));
				case "d" -> LocalDate.parse(raw.trim().substring(0, 10));
				case "e" -> null;
				default -> number(raw);
			};
		}

		/** A number, or a date where the cell's style formats it as one. */
		private Object number(String raw) {
			if (raw.isBlank()) {
				return null;
			}
			double number = Double.parseDouble(raw.trim());
			if (style != null && DateUtil.isValidExcelDate(number) && isDateStyle(Integer.parseInt(style))) {
				return DateUtil.getLocalDateTime(number, date1904).toLocalDate();
			}
			return number;
		}

		private boolean isDateStyle(int index) {
			return dateStyles.computeIfAbsent(index, i -> {
				XSSFCellStyle cellStyle = styles == null ? null : styles.getStyleAt(i);
				return cellStyle != null
						&& DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
			});
		}

		/**
		 * The rows read, each merged region's value copied into its other cells (within
		 * the rows and columns the sheet has).
		 */
		List<List<Object>> rows() {
			int width = rows.stream().mapToInt(List::size).max().orElse(0);
			for (CellRangeAddress region : merged) {
				if (region.getFirstRow() >= rows.size() || region.getFirstColumn() >= width) {
					continue;
				}
				List<Object> first = rows.get(region.getFirstRow());
				Object value = region.getFirstColumn() < first.size() ? first.get(region.getFirstColumn()) : null;
				if (value == null) {
					continue;
				}
				for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), rows.size() - 1); r++) {
					for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), width - 1); c++) {
						set(rows.get(r), c, value);
					}
				}
			}
			return rows;
		}

		private static void set(List<Object> cells, int column, Object value) {
			while (cells.size() <= column) {
				cells.add(null);
			}
			cells.set(column, value);
		}

	}

	private static String reason(Exception ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
				return "it inflates far beyond its size (a zip bomb?)";
			}
		}
		return ex.getMessage();
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the temporary directory is cleaned by the system; the upload was answered
			file.toFile().deleteOnExit();
		}
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
