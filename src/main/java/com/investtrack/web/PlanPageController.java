package com.investtrack.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.plan.PlanService;
import com.investtrack.security.CurrentUser;

/**
 * A plan revision from the project page: the same service (and rule: the owning officer
 * or a manager, with a reason) as PUT /api/projects/{id}/plan. Only the milestones still
 * to come are on the form, so an emptied field removes that date and the reached ones
 * keep theirs.
 */
@Controller
class PlanPageController {

	private final PlanService plans;

	private final ProjectViews views;

	private final FormActions actions;

	PlanPageController(PlanService plans, ProjectViews views, FormActions actions) {
		this.plans = plans;
		this.views = views;
		this.actions = actions;
	}

	@PostMapping("/projects/{id}/plan")
	String revise(@PathVariable long id, @Validated @ModelAttribute("planForm") PlanForm form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		ProjectView project = views.get(id);
		Map<Stage, LocalDate> dates = new HashMap<>();
		PlanSection.openStages(project).forEach(stage -> dates.put(stage, form.getDates().get(stage)));
		if (!errors.hasErrors()
				&& actions.attempt(() -> plans.revise(id, dates, form.getReason(), user), errors, flash)) {
			flash.addFlashAttribute(FormActions.NOTICE, "notice.planRevised");
			return "redirect:/projects/" + id;
		}
		FormActions.keep(flash, "planForm", form, errors);
		flash.addFlashAttribute("openPlan", true);
		return "redirect:/projects/" + id + "#plan";
	}

}
