package com.investtrack.approval;

/** What a task in the inbox asks for. */
public enum TaskKind {

	/** A manager approves or rejects entering SIGNING or PRODUCTION. */
	APPROVAL,
	/** A manager looks at a project that went red. */
	REVIEW,
	/** The owning officer records the project's next milestone. */
	MILESTONE,
	/**
	 * A supervision notice: its owner replies (an escalated one is in the managers' inbox
	 * too), or, once replied, a manager other than the owner closes it or sends it back.
	 * {@code effectiveOn} is its deadline, {@code requestedBy} its owner,
	 * {@code requestComment} its level and text.
	 */
	NOTICE

}
