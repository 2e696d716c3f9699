package com.investtrack.project;

import java.math.BigDecimal;

/** The editable facts of a project (its milestones change only through the lifecycle). */
public record ProjectFacts(String name, String investor, String industryCode, String parkCode, AssetModel assetModel,
		BigDecimal investmentAmountYuan, BigDecimal landAreaM2) {
}
