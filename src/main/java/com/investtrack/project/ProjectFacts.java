package com.investtrack.project;

import java.math.BigDecimal;

/**
 * What the bureau's ledger says about a project, apart from its number, its officer and
 * its milestones (which change only through their own steps). Money in 万元 and land in 亩
 * as entered; the yuan and m² figures older clients read are derived from them.
 */
public record ProjectFacts(String name, String investor, String industryCode, String parkCode, AssetModel assetModel,
		BigDecimal totalInvestmentWan, BigDecimal fixedAssetInvestmentWan, BigDecimal contractedInvestmentWan,
		BigDecimal landMu, BigDecimal floorAreaM2, String nationalCode, String creditCode, ProjectType projectType,
		Channel channel, String referrer, FundsOrigin fundsOrigin, String leader, KeyLevel keyLevel) {

	public BigDecimal investmentAmountYuan() {
		return Units.wanToYuan(totalInvestmentWan);
	}

	public BigDecimal landAreaM2() {
		return Units.muToM2(landMu);
	}

}
