package com.investtrack.project;

import java.math.BigDecimal;

/**
 * Published, inside the changing transaction, when a project's park, industry, asset
 * model or contracted investment changed: modules that keep copies of them for their own
 * queries (the milestone timeline the reports and the bulletin read) bring them up to
 * date.
 */
public record ProjectFactsChanged(long projectId, String parkCode, String industryCode, AssetModel assetModel,
		BigDecimal contractedInvestmentWan) {
}
