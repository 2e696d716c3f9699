package com.investtrack.lifecycle;

import com.investtrack.approval.ApprovalTask;
import com.investtrack.common.Stage;

/**
 * Ids and variable names shared by bpmn/investment-project.bpmn and the Java code, so the
 * two cannot drift apart.
 */
public final class ProcessConstants {

	public static final String PROCESS_ID = "investment-project";

	public static final String VAR_PROJECT_ID = "projectId";

	public static final String VAR_OFFICER = "officer";

	public static final String VAR_ACTION = "action";

	public static final String VAR_TO = "to";

	public static final String VAR_EFFECTIVE_ON = "effectiveOn";

	public static final String VAR_COMMENT = "comment";

	public static final String VAR_REQUESTED_BY = "requestedBy";

	public static final String VAR_APPROVED = ApprovalTask.VAR_APPROVED;

	public static final String VAR_DECIDED_BY = "decidedBy";

	public static final String VAR_DECISION_COMMENT = ApprovalTask.VAR_DECISION_COMMENT;

	public static final String ACTION_ADVANCE = "ADVANCE";

	public static final String ACTION_DROP = "DROP";

	/**
	 * The end event of a project in production: an imported project already there starts
	 * (and ends) right before it.
	 */
	public static final String IN_PRODUCTION_EVENT = "InProduction";

	/**
	 * The service task that records a drop: an imported dropped project's instance starts
	 * right before it.
	 */
	public static final String RECORD_DROP_TASK = "RecordDrop";

	public static final String RECORD_TASK_PREFIX = "RecordNextMilestone_";

	public static final String APPROVAL_TASK_PREFIX = ApprovalTask.PREFIX;

	/**
	 * The user task in which the owning officer records the milestone that ends
	 * {@code stage}.
	 */
	public static String recordTask(Stage stage) {
		return RECORD_TASK_PREFIX + stage.name();
	}

	/** The manager's task that approves entering {@code to}. */
	public static String approvalTask(Stage to) {
		return ApprovalTask.key(to);
	}

	/** The stage an element id of the form {@code Prefix_STAGE} belongs to. */
	public static Stage stageOf(String activityId) {
		return Stage.valueOf(activityId.substring(activityId.indexOf('_') + 1));
	}

	private ProcessConstants() {
	}

}
