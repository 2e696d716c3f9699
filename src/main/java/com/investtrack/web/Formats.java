package com.investtrack.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Number, date and name formatting for the templates ({@code ${@fmt.…}}), in the page's
 * language. Dates are ISO (2025-03-06) in both languages: unambiguous, sortable, and what
 * the date inputs use.
 */
@Component("fmt")
class Formats {

	/** Square metres in one mu (亩), the unit land is discussed in. */
	static final BigDecimal M2_PER_MU = new BigDecimal("666.67");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final Clock clock;

	Formats(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String date(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
	}

	public String integer(Number value) {
		return value == null ? "—" : NumberFormat.getIntegerInstance(locale()).format(value);
	}

	/**
	 * A file's size in bytes, KB or MB (one decimal from 1 MB on): a small scan reads "40
	 * B", not "0 KB".
	 */
	public String fileSize(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return integer(Math.round(bytes / 1024.0)) + " KB";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(1);
		return format.format(bytes / (1024.0 * 1024)) + " MB";
	}

	/**
	 * Days with one decimal where a median falls between two values; a dash when there is
	 * nothing to measure.
	 */
	public String days(Double value) {
		if (value == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	/** The full amount with its unit, e.g. "5,000,000,000 yuan" / "5,000,000,000 元". */
	public String yuan(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		return msg("unit.yuan", NumberFormat.getNumberInstance(locale()).format(amount));
	}

	/**
	 * The amount as people say it: "5.00 bn yuan", "1.2 m yuan" / "50.00 亿元", "120 万元".
	 */
	public String yuanShort(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		boolean chinese = "zh".equals(locale().getLanguage());
		BigDecimal big = chinese ? new BigDecimal("100000000") : new BigDecimal("1000000000");
		BigDecimal small = chinese ? new BigDecimal("10000") : new BigDecimal("1000000");
		if (amount.compareTo(big) >= 0) {
			return msg("unit.yuan.big", amount.divide(big, 2, RoundingMode.HALF_UP).toPlainString());
		}
		if (amount.compareTo(small) >= 0) {
			return msg("unit.yuan.small",
					amount.divide(small, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
		}
		return yuan(amount);
	}

	/** Land in m² and in mu: "400,000 m² (600 mu)". */
	public String area(BigDecimal m2) {
		if (m2 == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(0);
		return msg("unit.area", format.format(m2), format.format(m2.divide(M2_PER_MU, 0, RoundingMode.HALF_UP)));
	}

	/**
	 * Money in the bureau's unit: "1,200 万元" / "1,200 × 10,000 yuan"; a dash when not
	 * given.
	 */
	public String wan(BigDecimal wan) {
		return wan == null ? "—" : msg("record.unit.wan", decimal(wan));
	}

	/** Land as entered, in mu, with its m²: "600 亩 (400,000 m²)". */
	public String mu(BigDecimal mu, BigDecimal m2) {
		if (mu == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(0);
		return msg("record.unit.mu", decimal(mu), m2 == null ? "—" : format.format(m2));
	}

	/** A figure as entered, up to six decimals, grouped in the page's language. */
	public String decimal(BigDecimal value) {
		if (value == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(6);
		return format.format(value);
	}

	/**
	 * A park's name in the page's language where a translation exists, else its stored
	 * name.
	 */
	public String park(String code, String storedName) {
		return messages.getMessage("park." + code, null, storedName == null ? code : storedName, locale());
	}

	public String industry(String code, String storedName) {
		return messages.getMessage("industry." + code, null, storedName == null ? code : storedName, locale());
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
