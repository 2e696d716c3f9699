package com.investtrack.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.investtrack.fulfilment.FulfilmentService;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.security.CurrentUser;

/**
 * The project page's fulfilment (履约): investment intensity, tax per 亩 and the funds rate
 * against the park's minimums, the capacity date and the flags; everyone who reads the
 * project reads it (the figures are written through the API).
 */
@Component
class FulfilmentSection implements ProjectPageSection {

	private final FulfilmentService fulfilment;

	FulfilmentSection(FulfilmentService fulfilment) {
		this.fulfilment = fulfilment;
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
		return true;
	}

}
