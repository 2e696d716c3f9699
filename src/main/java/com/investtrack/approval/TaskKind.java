package com.investtrack.approval;

/** What a task in the inbox asks for. */
public enum TaskKind {

	/** A manager approves or rejects entering SIGNING or PRODUCTION. */
	APPROVAL,
	/** A manager looks at a project that went red. */
	REVIEW,
	/** The owning officer records the project's next milestone. */
	MILESTONE

}
