package com.investtrack.bulletin;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * One park's (or district's, or the city's) actuals: per indicator the period (1–N月),
 * month N alone and the period of the year before. The signings are counted twice: by the
 * city's major-project threshold (what districts and the city add up) and by the park's
 * own.
 */
final class Figures {

	static final int PERIOD = 0;

	static final int MONTH = 1;

	static final int LAST_YEAR = 2;

	private final Map<Indicator, BigDecimal[]> city = new EnumMap<>(Indicator.class);

	private final Map<Indicator, BigDecimal[]> own = new EnumMap<>(Indicator.class);

	Figures() {
		for (Indicator i : Indicator.values()) {
			city.put(i, zeros());
			own.put(i, zeros());
		}
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
	}

	/**
	 * Sets a figure by the city's threshold, and by the park's where it is the same rule.
	 */
	void set(Indicator indicator, int window, BigDecimal value) {
		city.get(indicator)[window] = value == null ? BigDecimal.ZERO : value;
		own.get(indicator)[window] = value == null ? BigDecimal.ZERO : value;
	}

	/** Sets a signing figure by the park's own threshold. */
	void setOwn(Indicator indicator, int window, BigDecimal value) {
		own.get(indicator)[window] = value == null ? BigDecimal.ZERO : value;
	}

	/** By the city's threshold. */
	BigDecimal city(Indicator indicator, int window) {
		return city.get(indicator)[window];
	}

	/** By the park's own threshold. */
	BigDecimal own(Indicator indicator, int window) {
		return own.get(indicator)[window];
	}

	/** Adds another's figures by the city's threshold (districts, the city). */
	void add(Figures other) {
		for (Indicator i : Indicator.values()) {
			for (int w = 0; w < 3; w++) {
				BigDecimal sum = city(i, w).add(other.city(i, w));
				city.get(i)[w] = sum;
				own.get(i)[w] = sum;
			}
		}
	}

	boolean isZero() {
		return city.values().stream().allMatch(v -> v[0].signum() == 0 && v[1].signum() == 0 && v[2].signum() == 0)
				&& own.values().stream().allMatch(v -> v[0].signum() == 0 && v[1].signum() == 0 && v[2].signum() == 0);
	}

}
