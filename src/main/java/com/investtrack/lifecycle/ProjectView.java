package com.investtrack.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.FundsOrigin;
import com.investtrack.project.Health;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectType;

/**
 * A project as users see it: the ledger's facts, where it stands, its plan (agreed dates,
 * and the first ones as baseline), its light with the reason in the caller's language and
 * how many days the next milestone is late, and how long each stage took.
 * investmentAmountYuan and landAreaM2 are derived from the 万元 and 亩 figures.
 */
public record ProjectView(long id, String code, String name, String investor, String industryCode, String parkCode,
		AssetModel assetModel, BigDecimal investmentAmountYuan, BigDecimal landAreaM2, BigDecimal totalInvestmentWan,
		BigDecimal fixedAssetInvestmentWan, BigDecimal contractedInvestmentWan, BigDecimal landMu,
		BigDecimal floorAreaM2, String nationalCode, String creditCode, ProjectType projectType, Channel channel,
		String referrer, FundsOrigin fundsOrigin, String leader, KeyLevel keyLevel, String officer, Stage stage,
		LocalDate stageEnteredOn, Outcome outcome, Health health, String healthReason, Long daysLate, long daysInStage,
		LocalDate droppedOn, String dropReason, Map<Stage, LocalDate> plan, Map<Stage, LocalDate> baselinePlan,
		PendingApproval pendingApproval, List<StageSpan> stages) {

	/** A request waiting for a manager. */
	public record PendingApproval(String taskId, Stage to, String requestedBy, LocalDate effectiveOn) {
	}

	/**
	 * One stage reached: from its milestone to the next one (leftOn null while it is
	 * current).
	 */
	public record StageSpan(Stage stage, LocalDate enteredOn, LocalDate leftOn, long days) {
	}

}
