package com.investtrack.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.investtrack.common.Stage;

/**
 * One investment project as stored; stage and stageEnteredOn mirror its latest milestone.
 */
public record Project(long id, String code, ProjectFacts facts, String officer, Stage stage, LocalDate stageEnteredOn,
		Outcome outcome, LocalDate droppedOn, String dropReason, String processInstanceId, Instant createdAt,
		String createdBy, int version) {

	public boolean isActive() {
		return outcome == Outcome.ACTIVE;
	}

	public String name() {
		return facts.name();
	}

	public String investor() {
		return facts.investor();
	}

	public String industryCode() {
		return facts.industryCode();
	}

	public String parkCode() {
		return facts.parkCode();
	}

	public AssetModel assetModel() {
		return facts.assetModel();
	}

	public String leader() {
		return facts.leader();
	}

	public BigDecimal investmentAmountYuan() {
		return facts.investmentAmountYuan();
	}

	public BigDecimal landAreaM2() {
		return facts.landAreaM2();
	}

}
