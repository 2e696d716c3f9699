package com.investtrack.approval;

import com.investtrack.common.Stage;

/**
 * What the approval module and the project model agree on about an approval task: its id
 * in the model, and the variables a decision completes it with. The model
 * (bpmn/investment-project.bpmn) names its tasks this way.
 */
public final class ApprovalTask {

	/**
	 * Approval tasks are {@code Approve_<STAGE>}, the stage the approval lets the project
	 * enter.
	 */
	public static final String PREFIX = "Approve_";

	public static final String VAR_APPROVED = "approved";

	public static final String VAR_DECISION_COMMENT = "decisionComment";

	/** The manager's task that approves entering {@code to}. */
	public static String key(Stage to) {
		return PREFIX + to.name();
	}

	private ApprovalTask() {
	}

}
