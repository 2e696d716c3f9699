package com.investtrack.common;

import java.util.Optional;

/**
 * The five milestones of a project's path, in order; a project is "in" the stage of its
 * last milestone.
 */
public enum Stage {

	NEGOTIATION(false, true), SIGNING(true, true), SITE_SELECTION(false, true), CONSTRUCTION(false, false),
	PRODUCTION(true, false);

	private final boolean approvalRequired;

	private final boolean droppable;

	Stage(boolean approvalRequired, boolean droppable) {
		this.approvalRequired = approvalRequired;
		this.droppable = droppable;
	}

	/** Whether entering this stage needs a manager's approval. */
	public boolean approvalRequired() {
		return approvalRequired;
	}

	/** Whether a project in this stage may still be dropped. */
	public boolean droppable() {
		return droppable;
	}

	public Optional<Stage> next() {
		return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	public Optional<Stage> previous() {
		return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
	}

}
