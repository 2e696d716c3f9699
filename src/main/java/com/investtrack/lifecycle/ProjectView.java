package com.investtrack.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;

/** A project as users see it: its facts, where it stands, how healthy it is and how long each stage took. */
public record ProjectView(long id, String code, String name, String investor, String industryCode, String parkCode,
		AssetModel assetModel, BigDecimal investmentAmountYuan, BigDecimal landAreaM2, String officer, Stage stage,
		LocalDate stageEnteredOn, Outcome outcome, Health health, long daysInStage, LocalDate droppedOn,
		String dropReason, PendingApproval pendingApproval, List<StageSpan> stages) {

	/** A request waiting for a manager. */
	public record PendingApproval(String taskId, Stage to, String requestedBy, LocalDate effectiveOn) {
	}

	/** One stage reached: from its milestone to the next one (leftOn null while it is current). */
	public record StageSpan(Stage stage, LocalDate enteredOn, LocalDate leftOn, long days) {
	}

}
