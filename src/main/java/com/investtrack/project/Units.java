package com.investtrack.project;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The bureau's units and the ones older API clients send: 1 万元 = 10,000 元; 1 亩 = 10000/15
 * m².
 */
public final class Units {

	private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

	private static final BigDecimal M2_PER_MU_NUMERATOR = BigDecimal.valueOf(10_000);

	private static final BigDecimal MU_PER_M2_DENOMINATOR = BigDecimal.valueOf(15);

	public static BigDecimal wanToYuan(BigDecimal wan) {
		return wan == null ? null : wan.multiply(YUAN_PER_WAN).setScale(2, RoundingMode.HALF_UP);
	}

	public static BigDecimal yuanToWan(BigDecimal yuan) {
		return yuan == null ? null : yuan.divide(YUAN_PER_WAN, 6, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	public static BigDecimal muToM2(BigDecimal mu) {
		return mu == null ? null
				: mu.multiply(M2_PER_MU_NUMERATOR).divide(MU_PER_M2_DENOMINATOR, 2, RoundingMode.HALF_UP);
	}

	public static BigDecimal m2ToMu(BigDecimal m2) {
		return m2 == null ? null
				: m2.multiply(MU_PER_M2_DENOMINATOR)
					.divide(M2_PER_MU_NUMERATOR, 6, RoundingMode.HALF_UP)
					.stripTrailingZeros();
	}

	private Units() {
	}

}
