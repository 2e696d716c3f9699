package com.investtrack.fulfilment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts and ratios as the API shows them. */
public final class Amounts {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Amounts() {
	}

	/** As entered: 1200.000000 万元 reads 1200, never 1.2E+3. */
	public static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** a ÷ b × 100 to one decimal (half up); null when either is missing or b is 0. */
	public static BigDecimal percent(BigDecimal a, BigDecimal b) {
		if (a == null || b == null || b.signum() == 0) {
			return null;
		}
		return a.multiply(HUNDRED).divide(b, 1, RoundingMode.HALF_UP);
	}

	/** a ÷ b to two decimals (half up); null when either is missing or b is 0. */
	static BigDecimal ratio(BigDecimal a, BigDecimal b) {
		if (a == null || b == null || b.signum() == 0) {
			return null;
		}
		return a.divide(b, 2, RoundingMode.HALF_UP);
	}

}
