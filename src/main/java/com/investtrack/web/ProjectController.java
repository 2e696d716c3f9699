package com.investtrack.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.audit.AuditTrail;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectLifecycle;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.milestone.MilestoneDates;
import com.investtrack.plan.ThresholdService;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.FundsOrigin;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.ProjectType;
import com.investtrack.project.Outcome;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * A project's page (facts, timeline to scale, history) and its writes: next milestone,
 * drop, reassign, edit. Every write redirects back to the page; a refused one carries the
 * form and its reasons over the redirect.
 */
@Controller
class ProjectController {

	private static final String VIEW = "project";

	private static final String NEW_VIEW = "project-new";

	/** The milestones with an agreed date: all but the first talk. */
	static final List<Stage> PLANNED = List.of(Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION,
			Stage.PRODUCTION);

	private final ProjectViews views;

	private final ProjectLifecycle lifecycle;

	private final AuditTrail audit;

	private final AccessPolicy access;

	private final MilestoneDates dates;

	private final Directory directory;

	private final FormActions actions;

	private final ThresholdService thresholds;

	private final List<ProjectPageSection> sections;

	ProjectController(ProjectViews views, ProjectLifecycle lifecycle, AuditTrail audit, AccessPolicy access,
			MilestoneDates dates, Directory directory, FormActions actions, ThresholdService thresholds,
			List<ProjectPageSection> sections) {
		this.sections = sections;
		this.thresholds = thresholds;
		this.views = views;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.access = access;
		this.dates = dates;
		this.directory = directory;
		this.actions = actions;
	}

	@GetMapping("/projects/new")
	String newProject(Model model, CurrentUser user) {
		access.checkCanCreateProject(user);
		if (!model.containsAttribute("project")) {
			ProjectForm form = new ProjectForm();
			form.setNegotiationStartedOn(dates.today());
			form.setOfficer(user.isOfficer() ? user.username() : null);
			model.addAttribute("project", form);
		}
		model.addAttribute("names", directory.names());
		addChoices(model);
		model.addAttribute("today", dates.today());
		model.addAttribute("chooseOfficer", user.isManager());
		model.addAttribute("codeEditable", true);
		model.addAttribute("plannedStages", PLANNED);
		return NEW_VIEW;
	}

	@PostMapping("/projects/new")
	String create(@Validated @ModelAttribute("project") ProjectForm form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		if (!user.isManager()) {
			form.setOfficer(null);
		}
		if (!errors.hasErrors()) {
			Optional<Long> id = actions.attemptResult(() -> lifecycle.create(form.toCreate(), user), errors, flash);
			if (id.isPresent()) {
				flash.addFlashAttribute(FormActions.NOTICE, "notice.created");
				return "redirect:/projects/" + id.get();
			}
		}
		FormActions.keep(flash, "project", form, errors);
		return "redirect:/projects/new";
	}

	@GetMapping("/projects/{id}")
	String show(@PathVariable long id, Model model, CurrentUser user) {
		ProjectView project = views.get(id);
		boolean canWork = access.canWork(user, project.officer());
		boolean open = project.outcome() == Outcome.ACTIVE && project.pendingApproval() == null;
		Stage next = project.stage().next().orElse(null);
		boolean canAdvance = canWork && open && next != null;
		LocalDate today = dates.today();
		model.addAttribute("p", project);
		model.addAttribute("timeline", Timeline.of(project));
		// the stage-age rule, where it is the one that sets the light (no agreed date for
		// the next milestone)
		boolean byAge = project.outcome() == Outcome.ACTIVE && (next == null || !project.plan().containsKey(next));
		model.addAttribute("threshold", !byAge ? null
				: thresholds.all().stream().filter(t -> t.stage() == project.stage()).findFirst().orElse(null));
		model.addAttribute("history", audit.forProject(id));
		model.addAttribute("names", directory.names());
		model.addAttribute("today", today);
		model.addAttribute("next", next);
		model.addAttribute("canAdvance", canAdvance);
		model.addAttribute("canDrop", canAdvance && project.stage().droppable());
		model.addAttribute("canEdit", canWork);
		model.addAttribute("canReassign", user.isManager() && project.outcome() != Outcome.DROPPED);
		model.addAttribute("canDecide",
				project.pendingApproval() != null && access.canDecide(user, project.pendingApproval().requestedBy()));
		addChoices(model);
		model.addAttribute("codeEditable", user.isManager());
		List<String> main = new ArrayList<>();
		List<String> side = new ArrayList<>();
		sections.stream().sorted(Comparator.comparingInt(ProjectPageSection::order)).forEach(section -> {
			if (section.addTo(model, project, user)) {
				(section.column() == ProjectPageSection.Column.MAIN ? main : side).add(section.fragment());
			}
		});
		model.addAttribute("mainSections", main);
		model.addAttribute("sideSections", side);
		if (!model.containsAttribute("milestone")) {
			MilestoneForm form = new MilestoneForm();
			form.setTo(next);
			form.setEffectiveOn(today);
			model.addAttribute("milestone", form);
		}
		if (!model.containsAttribute("drop")) {
			DropForm form = new DropForm();
			form.setEffectiveOn(today);
			model.addAttribute("drop", form);
		}
		if (!model.containsAttribute("reassign")) {
			ReassignForm form = new ReassignForm();
			form.setOfficer(project.officer());
			model.addAttribute("reassign", form);
		}
		if (!model.containsAttribute("facts")) {
			model.addAttribute("facts", ProjectForm.of(project));
		}
		if (!model.containsAttribute("decision")) {
			model.addAttribute("decision", new DecisionForm());
		}
		return VIEW;
	}

	/** The choices of the record's selects. */
	private static void addChoices(Model model) {
		model.addAttribute("assetModels", AssetModel.values());
		model.addAttribute("projectTypes", ProjectType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("fundsOrigins", FundsOrigin.values());
		model.addAttribute("keyLevels", KeyLevel.values());
	}

	@PostMapping("/projects/{id}/advance")
	String advance(@PathVariable long id, @Validated @ModelAttribute("milestone") MilestoneForm form,
			BindingResult errors, RedirectAttributes flash, CurrentUser user) {
		if (!errors.hasErrors()) {
			Optional<ProjectLifecycle.AdvanceResult> result = actions.attemptResult(
					() -> lifecycle.advance(id, form.getTo(), form.getEffectiveOn(), form.getComment(), user), errors,
					flash);
			if (result.isPresent()) {
				flash.addFlashAttribute(FormActions.NOTICE, result.get() == ProjectLifecycle.AdvanceResult.RECORDED
						? "notice.recorded" : "notice.requested");
				return "redirect:/projects/" + id;
			}
		}
		FormActions.keep(flash, "milestone", form, errors);
		return "redirect:/projects/" + id + "#next-milestone";
	}

	@PostMapping("/projects/{id}/drop")
	String drop(@PathVariable long id, @Validated @ModelAttribute("drop") DropForm form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		if (!errors.hasErrors() && actions
			.attempt(() -> lifecycle.drop(id, form.getEffectiveOn(), form.getReason(), user), errors, flash)) {
			flash.addFlashAttribute(FormActions.NOTICE, "notice.dropped");
			return "redirect:/projects/" + id;
		}
		FormActions.keep(flash, "drop", form, errors);
		flash.addFlashAttribute("openDrop", true);
		return "redirect:/projects/" + id + "#drop";
	}

	@PostMapping("/projects/{id}/reassign")
	String reassign(@PathVariable long id, @Validated @ModelAttribute("reassign") ReassignForm form,
			BindingResult errors, RedirectAttributes flash, CurrentUser user) {
		if (!errors.hasErrors()
				&& actions.attempt(() -> lifecycle.reassign(id, form.getOfficer(), user), errors, flash)) {
			flash.addFlashAttribute(FormActions.NOTICE, "notice.reassigned");
			return "redirect:/projects/" + id;
		}
		FormActions.keep(flash, "reassign", form, errors);
		return "redirect:/projects/" + id + "#reassign";
	}

	@PostMapping("/projects/{id}/edit")
	String edit(@PathVariable long id, @Validated @ModelAttribute("facts") ProjectForm form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		if (!errors.hasErrors() && actions
			.attempt(() -> lifecycle.edit(id, form.getCode(), stored -> form.facts(), user), errors, flash)) {
			flash.addFlashAttribute(FormActions.NOTICE, "notice.edited");
			return "redirect:/projects/" + id;
		}
		FormActions.keep(flash, "facts", form, errors);
		flash.addFlashAttribute("openEdit", true);
		return "redirect:/projects/" + id + "#edit";
	}

}
