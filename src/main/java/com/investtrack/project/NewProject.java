package com.investtrack.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The validated facts of a project about to be created. */
public record NewProject(String name, String investor, String industryCode, String parkCode, AssetModel assetModel,
		BigDecimal investmentAmountYuan, BigDecimal landAreaM2, String officer, LocalDate negotiationStartedOn) {
}
