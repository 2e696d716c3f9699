package com.investtrack.fulfilment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project's fulfilment (履约) today: the recorded facts and what follows from them.
 * {@code investmentIntensityWanPerMu} = fixed-asset investment ÷ 亩; {@code taxPerMuWan} =
 * the tax of {@code taxPerMuYear} (the latest full year with a figure) ÷ 亩, once the
 * project is at capacity; {@code fundsInPlaceRate} = funds in place ÷ contracted
 * investment, in percent to one decimal. Null where a figure it needs is missing.
 */
public record Fulfilment(long projectId, BigDecimal fixedAssetInvestmentWan, BigDecimal contractedInvestmentWan,
		BigDecimal landMu, BigDecimal fundsInPlaceWan, LocalDate capacityOn, BigDecimal investmentIntensityWanPerMu,
		Integer taxPerMuYear, BigDecimal taxPerMuWan, BigDecimal fundsInPlaceRate, ParkMinimum parkMinimum,
		List<Flag> flags, List<Funds> funds, List<Tax> taxes) {

	/** Funds in place in one month ("2025-03"). */
	public record Funds(String month, BigDecimal amountWan) {
	}

	/** Tax paid in one calendar year. */
	public record Tax(int year, BigDecimal amountWan) {
	}

}
