package com.investtrack.supervision;

/** Ids shared by bpmn/supervision-notice.bpmn and the Java code. */
final class NoticeModel {

	public static final String PROCESS_ID = "supervision-notice";

	/** The owner's user task (assigned to the owner). */
	public static final String REPLY_TASK = "ReplyToNotice";

	/** The managers' user task once the owner replied. */
	public static final String CLOSE_TASK = "CloseNotice";

	/** The notice's owner, the reply task's assignee. */
	static final String VAR_OWNER = "owner";

	/**
	 * When the notice is overdue: the start of the day after its deadline, in the
	 * bureau's time zone.
	 */
	static final String VAR_OVERDUE_AT = "overdueAt";

	/** ISO-8601 duration from yellow to red. */
	static final String VAR_RED_AFTER = "redAfter";

	/**
	 * The manager's choice on the close task: true closes (销号), false sends the notice
	 * back.
	 */
	static final String VAR_CLOSED = "closed";

	/**
	 * The level an escalation task raises the notice to (an input parameter of each
	 * task).
	 */
	static final String VAR_LEVEL = "level";

	private NoticeModel() {
	}

}
