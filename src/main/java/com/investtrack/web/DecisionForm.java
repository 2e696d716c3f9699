package com.investtrack.web;

import com.investtrack.approval.Decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A manager's answer to a task, and the project whose page to return to when it was given
 * there (else the inbox).
 */
class DecisionForm {

	@NotNull
	private Decision decision;

	@Size(max = 2000)
	private String comment;

	private Long project;

	public Decision getDecision() {
		return decision;
	}

	public void setDecision(Decision decision) {
		this.decision = decision;
	}

	public String getComment() {
		return comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public Long getProject() {
		return project;
	}

	public void setProject(Long project) {
		this.project = project;
	}

}
