package com.investtrack.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.investtrack.fulfilment.FulfilmentService;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * The project page's fulfilment (履约): investment intensity, tax per 亩 and the funds rate
 * against the park's minimums, the capacity date and the flags; everyone who reads the
 * project reads it, its officer and managers record funds, tax and capacity from it.
 */
@Component
class FulfilmentSection implements ProjectPageSection {

	private final FulfilmentService fulfilment;

	private final AccessPolicy access;

	FulfilmentSection(FulfilmentService fulfilment, AccessPolicy access) {
		this.fulfilment = fulfilment;
		this.access = access;
	}

	@Override
	public Column column() {
		return Column.SIDE;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String fragment() {
		return "fragments/fulfilment :: section";
	}

	@Override
	public boolean addTo(Model model, ProjectView project, CurrentUser user) {
		model.addAttribute("fulfilment", fulfilment.of(project.id()));
		model.addAttribute("canRecordFulfilment", access.canWork(user, project.officer()));
		return true;
	}

}
