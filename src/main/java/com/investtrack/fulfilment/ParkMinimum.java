package com.investtrack.fulfilment;

import java.math.BigDecimal;

/**
 * A park's published minimums, both in 万元/亩: investment intensity and tax per 亩; null
 * where the park sets none.
 */
public record ParkMinimum(String parkCode, BigDecimal minIntensityWanPerMu, BigDecimal minTaxPerMuWan) {

	public static ParkMinimum none(String parkCode) {
		return new ParkMinimum(parkCode, null, null);
	}

}
