package com.investtrack.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import com.investtrack.project.Units;

/**
 * Reads dates, money and land as bureaus type them. A cell is a String, a Double (a
 * number cell), a LocalDate (a cell formatted as a date) or null; every failure is a
 * {@link CellError} with the value as typed.
 */
final class CellValues {

	/**
	 * A date, and whether the ledger gave only its month (then it is the first of that
	 * month).
	 */
	record DateValue(LocalDate date, boolean approximate) {
	}

	private static final Pattern FULL_DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");

	private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(亿元|亿|万元|万|元)?");

	private static final Pattern AREA = Pattern.compile("(\\d+(?:\\.\\d+)?)(亩|m2|平方米|平米)?");

	private static final BigDecimal WAN_PER_YI = BigDecimal.valueOf(10_000);

	static DateValue date(Object cell) {
		if (cell instanceof LocalDate date) {
			return new DateValue(date, false);
		}
		if (cell instanceof Double number) {
			// 2025.3 typed into a number cell is a month; anything else a date serial
			// number
			if (number >= 1900 && number < 2101 && number != Math.floor(number)) {
				return text(BigDecimal.valueOf(number).toPlainString());
			}
			if (number >= 1 && number < 2958466 && number == Math.floor(number)) {
				return new DateValue(DateUtil.getLocalDateTime(number).toLocalDate(), false);
			}
			throw new CellError("date", plain(number));
		}
		return text((String) cell);
	}

	private static DateValue text(String typed) {
		String t = Text.normalise(typed);
		try {
			Matcher m = FULL_DATE.matcher(t);
			if (m.matches()) {
				return new DateValue(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)), false);
			}
			m = COMPACT_DATE.matcher(t);
			if (m.matches()) {
				return new DateValue(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)), false);
			}
			m = MONTH.matcher(t);
			if (m.matches()) {
				return new DateValue(LocalDate.of(num(m, 1), num(m, 2), 1), true);
			}
		}
		catch (DateTimeException ex) {
			// a month 13 or a 31 February: not a date, like any other text
		}
		throw new CellError("date", typed);
	}

	/**
	 * An amount in 万元: a number in the header's unit, or with its unit in the cell (1.2亿,
	 * 5000万, 3,000).
	 */
	static BigDecimal money(Object cell, String headerUnit) {
		if (cell instanceof Double number) {
			return toWan(BigDecimal.valueOf(number), headerUnit);
		}
		if (cell instanceof LocalDate date) {
			throw new CellError("money", date.toString());
		}
		String typed = (String) cell;
		Matcher m = AMOUNT.matcher(Text.normalise(typed).replace(",", ""));
		if (!m.matches()) {
			throw new CellError("money", typed);
		}
		return toWan(new BigDecimal(m.group(1)), m.group(2) == null ? headerUnit : m.group(2));
	}

	/**
	 * A land area in 亩: a number in the header's unit (亩 or ㎡), or with its unit in the
	 * cell.
	 */
	static BigDecimal land(Object cell, String headerUnit) {
		if (cell instanceof Double number) {
			return toMu(BigDecimal.valueOf(number), headerUnit);
		}
		if (cell instanceof LocalDate date) {
			throw new CellError("land", date.toString());
		}
		String typed = (String) cell;
		Matcher m = AREA.matcher(Text.normalise(typed).replace(",", ""));
		if (!m.matches()) {
			throw new CellError("land", typed);
		}
		return toMu(new BigDecimal(m.group(1)), m.group(2) == null ? headerUnit : m.group(2));
	}

	/** A cell as text: numbers without a trailing ".0", dates as ISO dates. */
	static String text(Object cell) {
		if (cell == null) {
			return null;
		}
		if (cell instanceof Double number) {
			return plain(number);
		}
		return Text.trimmed(cell.toString());
	}

	private static BigDecimal toWan(BigDecimal amount, String unit) {
		String u = unit == null ? "" : unit;
		BigDecimal wan;
		if (u.startsWith("亿")) {
			wan = amount.multiply(WAN_PER_YI);
		}
		else if (u.equals("元")) {
			wan = Units.yuanToWan(amount);
		}
		else {
			wan = amount;
		}
		return wan.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	private static BigDecimal toMu(BigDecimal area, String unit) {
		String u = unit == null ? "" : unit;
		if (u.equals("m2") || u.equals("平方米") || u.equals("平米")) {
			return Units.m2ToMu(area);
		}
		return area.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	private static int num(Matcher m, int group) {
		return Integer.parseInt(m.group(group));
	}

	private static String plain(double number) {
		return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
	}

	private CellValues() {
	}

}
