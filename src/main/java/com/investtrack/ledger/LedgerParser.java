package com.investtrack.ledger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.investtrack.ledger.CellValues.DateValue;

/**
 * Finds the header row among the first {@link #HEADER_SEARCH_ROWS} rows (title rows,
 * merged cells and notes above it are skipped), maps the columns by their headers in any
 * order, and reads every data row; blank rows and a 合计 row are ignored, unknown columns
 * listed and ignored.
 */
final class LedgerParser {

	/**
	 * What the sheet says, row by row, and which header went to which column (null:
	 * unknown, ignored).
	 */
	record ParsedLedger(Map<String, String> columns, Map<LedgerColumn, String> headers, List<LedgerRow> rows) {

		boolean has(LedgerColumn column) {
			return headers.containsKey(column);
		}

		/**
		 * The header the sheet gives a column, or the export's when the sheet lacks it.
		 */
		String header(LedgerColumn column) {
			return headers.getOrDefault(column, column.exportHeader());
		}

	}

	/**
	 * Looks up parks, industries, officers and leaders by code, name or display name
	 * (normalised).
	 */
	interface References {

		Optional<String> park(String typed);

		Optional<String> industry(String typed);

		Optional<String> officer(String typed);

		Optional<String> leader(String typed);

	}

	static final int HEADER_SEARCH_ROWS = 10;

	private static final Pattern HEADER_UNIT = Pattern.compile("(.*?)[(\\[](.*)[)\\]]");

	private static final int MIN_HEADER_MATCHES = 3;

	/**
	 * A column of the sheet: its index, header as typed, and unit from the header (万元,
	 * 亿元, 元, 亩, ㎡).
	 */
	private record SheetColumn(int index, String header, LedgerColumn column, String unit) {
	}

	static ParsedLedger parse(List<List<Object>> rows, References refs) {
		if (rows.stream().allMatch(LedgerParser::blank)) {
			throw SheetReader.refused("has an empty first sheet");
		}
		int headerRow = -1;
		List<SheetColumn> columns = List.of();
		for (int r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.size()); r++) {
			List<SheetColumn> found = columns(rows.get(r));
			if (found.size() >= MIN_HEADER_MATCHES && found.stream().anyMatch(c -> c.column() == LedgerColumn.NAME)) {
				headerRow = r;
				columns = found;
				break;
			}
		}
		if (headerRow < 0) {
			throw SheetReader.refused("has no header row in its first " + HEADER_SEARCH_ROWS
					+ " rows (a row naming at least 项目名称 and two other columns of the ledger)");
		}
		Map<String, String> mapping = new LinkedHashMap<>();
		List<Object> header = rows.get(headerRow);
		for (int c = 0; c < header.size(); c++) {
			String typed = CellValues.text(header.get(c));
			if (typed != null) {
				int index = c;
				mapping.put(typed,
						columns.stream()
							.filter(col -> col.index() == index)
							.findFirst()
							.map(col -> field(col.column()))
							.orElse(null));
			}
		}
		List<LedgerRow> parsed = new ArrayList<>();
		for (int r = headerRow + 1; r < rows.size(); r++) {
			List<Object> cells = rows.get(r);
			if (blank(cells) || total(cells)) {
				continue;
			}
			parsed.add(row(r + 1, cells, columns, refs));
		}
		Map<LedgerColumn, String> headers = new EnumMap<>(LedgerColumn.class);
		columns.forEach(c -> headers.put(c.column(), c.header()));
		return new ParsedLedger(mapping, headers, parsed);
	}

	/**
	 * The API's name of a column's field: the constant in lower camel case
	 * (totalInvestment, agreedConstruction).
	 */
	static String field(LedgerColumn column) {
		StringBuilder name = new StringBuilder();
		for (String part : column.name().toLowerCase().split("_")) {
			name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return name.toString();
	}

	private static List<SheetColumn> columns(List<Object> header) {
		List<SheetColumn> found = new ArrayList<>();
		Map<LedgerColumn, Boolean> seen = new EnumMap<>(LedgerColumn.class);
		for (int c = 0; c < header.size(); c++) {
			String typed = CellValues.text(header.get(c));
			if (typed == null) {
				continue;
			}
			String name = Text.normalise(typed);
			String unit = null;
			Matcher m = HEADER_UNIT.matcher(name);
			if (m.matches()) {
				name = m.group(1);
				unit = m.group(2);
			}
			Optional<LedgerColumn> column = LedgerColumn.byHeader(name);
			if (column.isPresent() && seen.putIfAbsent(column.get(), true) == null) {
				found.add(new SheetColumn(c, typed, column.get(), unit));
			}
		}
		return found;
	}

	private static LedgerRow row(int number, List<Object> cells, List<SheetColumn> columns, References refs) {
		LedgerRow row = new LedgerRow(number);
		for (SheetColumn column : columns) {
			Object cell = column.index() < cells.size() ? cells.get(column.index()) : null;
			if (cell == null) {
				continue;
			}
			try {
				Object value = value(column, cell, refs);
				row.values().put(column.column(), value);
				if (value instanceof DateValue date) {
					row.values().put(column.column(), date.date());
					if (date.approximate()) {
						column.column().reached().ifPresent(row.approximate()::add);
					}
				}
			}
			catch (CellError ex) {
				row.errors().add(new LedgerRow.RowError(column.header(), ex.key(), ex.value()));
			}
		}
		return row;
	}

	private static Object value(SheetColumn column, Object cell, References refs) {
		return switch (column.column().kind()) {
			case DATE -> CellValues.date(cell);
			case MONEY -> CellValues.money(cell, column.unit());
			case LAND -> CellValues.land(cell, column.unit());
			case TEXT -> text(column.column(), CellValues.text(cell), refs);
		};
	}

	private static Object text(LedgerColumn column, String typed, References refs) {
		return switch (column) {
			case PARK -> refs.park(typed).orElseThrow(() -> new CellError("park", typed));
			case INDUSTRY -> refs.industry(typed).orElseThrow(() -> new CellError("industry", typed));
			case OFFICER -> refs.officer(typed).orElseThrow(() -> new CellError("officer", typed));
			case LEADER -> refs.leader(typed).orElseThrow(() -> new CellError("leader", typed));
			case ASSET_MODEL ->
				Vocabulary.read(Vocabulary.ASSET_MODEL, typed).orElseThrow(() -> new CellError("assetModel", typed));
			case PROJECT_TYPE ->
				Vocabulary.read(Vocabulary.PROJECT_TYPE, typed).orElseThrow(() -> new CellError("projectType", typed));
			case CHANNEL ->
				Vocabulary.read(Vocabulary.CHANNEL, typed).orElseThrow(() -> new CellError("channel", typed));
			case STATUS -> Vocabulary.read(Vocabulary.STATUS, typed).orElseThrow(() -> new CellError("status", typed));
			default -> typed;
		};
	}

	private static boolean blank(List<Object> cells) {
		return cells.stream().allMatch(c -> c == null || (c instanceof String s && s.isBlank()));
	}

	/** A 合计 (total) row: its first text cells say so. */
	private static boolean total(List<Object> cells) {
		return cells.stream()
			.limit(3)
			.filter(String.class::isInstance)
			.map(c -> Text.normalise((String) c))
			.anyMatch(t -> t.startsWith("合计") || t.startsWith("总计") || t.startsWith("小计"));
	}

	private LedgerParser() {
	}

}
