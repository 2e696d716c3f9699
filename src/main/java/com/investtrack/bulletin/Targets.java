package com.investtrack.bulletin;

import java.math.BigDecimal;

/**
 * A year's targets, the city's ({@code parkCode} null) or a park's; null: no target for
 * that indicator. {@code majorProjectWan} is the contracted investment from which a
 * signing counts among the signed projects (10000 万元, 1亿元, unless set).
 */
public record Targets(int year, String parkCode, Integer signedProjects, BigDecimal contractedInvestmentWan,
		Integer startedProjects, Integer productionProjects, BigDecimal fundsInPlaceWan, BigDecimal majorProjectWan) {

	public static final BigDecimal DEFAULT_MAJOR_PROJECT_WAN = new BigDecimal("10000");

	static Targets none(int year, String parkCode, BigDecimal majorProjectWan) {
		return new Targets(year, parkCode, null, null, null, null, null, majorProjectWan);
	}

	/** The target of an indicator. */
	BigDecimal of(Indicator indicator) {
		return switch (indicator) {
			case SIGNED_PROJECTS -> count(signedProjects);
			case CONTRACTED_INVESTMENT_WAN -> contractedInvestmentWan;
			case STARTED_PROJECTS -> count(startedProjects);
			case PRODUCTION_PROJECTS -> count(productionProjects);
			case FUNDS_IN_PLACE_WAN -> fundsInPlaceWan;
		};
	}

	private static BigDecimal count(Integer value) {
		return value == null ? null : BigDecimal.valueOf(value);
	}

}
