package com.investtrack.review;

/**
 * Ids shared by bpmn/stalled-project-review.bpmn, bpmn/light-sweep.bpmn and the Java
 * code.
 */
public final class ReviewModel {

	public static final String PROCESS_ID = "stalled-project-review";

	/** The managers' user task. */
	public static final String REVIEW_TASK = "ReviewStalledProject";

	/** Correlated by the sweep when the project is no longer red. */
	static final String BACK_ON_TRACK_MESSAGE = "ProjectBackOnTrack";

	static final String VAR_PROJECT_ID = "projectId";

	public static final String SWEEP_PROCESS_ID = "light-sweep";

	private ReviewModel() {
	}

}
