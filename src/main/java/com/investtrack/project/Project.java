package com.investtrack.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.investtrack.common.Stage;

/** One investment project as stored; stage and stageEnteredOn mirror its latest milestone. */
public record Project(long id, String code, String name, String investor, String industryCode, String parkCode,
		AssetModel assetModel, BigDecimal investmentAmountYuan, BigDecimal landAreaM2, String officer, Stage stage,
		LocalDate stageEnteredOn, Outcome outcome, LocalDate droppedOn, String dropReason, String processInstanceId,
		Instant createdAt, String createdBy, int version) {

	public boolean isActive() {
		return outcome == Outcome.ACTIVE;
	}

}
