package com.investtrack.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.approval.ApprovalRequest;
import com.investtrack.approval.ApprovalService;
import com.investtrack.approval.InboxItem;
import com.investtrack.approval.TaskKind;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.PageResult;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectFilter;
import com.investtrack.project.ProjectService;
import com.investtrack.security.CurrentUser;

/**
 * The inbox: for managers the approvals and stalled-project reviews to decide in place;
 * for officers the milestones they owe (most overdue first), their requests still waiting
 * for a manager, and the requests a manager rejected.
 */
@Controller
class TaskController {

	static final int PAGE_SIZE = 50;

	/**
	 * How many of an officer's own projects are scanned for requests still waiting;
	 * officers own a handful.
	 */
	static final int OWN_PROJECTS_SCANNED = 200;

	/** A milestone owed, with how long its stage has run, its light and why. */
	record Owed(InboxItem item, long days, Health health, String reason) {
	}

	/** A rejected request with the project it was about (null if the project is gone). */
	record Rejected(ApprovalRequest request, Project project) {
	}

	/** A decision the service refused, shown under the task it was about. */
	record TaskError(String taskId, String message, String comment) {
	}

	private final ApprovalService approvals;

	private final ProjectViews views;

	private final ProjectService projects;

	private final Directory directory;

	private final FormActions actions;

	private final DomainMessages messages;

	TaskController(ApprovalService approvals, ProjectViews views, ProjectService projects, Directory directory,
			FormActions actions, DomainMessages messages) {
		this.messages = messages;
		this.approvals = approvals;
		this.views = views;
		this.projects = projects;
		this.directory = directory;
		this.actions = actions;
	}

	@GetMapping("/tasks")
	String inbox(@RequestParam(defaultValue = "0") int page, Model model, CurrentUser user) {
		int current = Math.max(0, Math.min(page, 100_000));
		PageResult<InboxItem> inbox = approvals.inbox(user, current, PAGE_SIZE);
		List<InboxItem> milestones = inbox.content().stream().filter(i -> i.kind() == TaskKind.MILESTONE).toList();
		Map<Long, ProjectView> owedProjects = views.getAll(milestones.stream().map(InboxItem::projectId).toList())
			.stream()
			.collect(Collectors.toMap(ProjectView::id, Function.identity()));
		List<Owed> owed = milestones.stream().filter(i -> owedProjects.containsKey(i.projectId())).map(i -> {
			ProjectView p = owedProjects.get(i.projectId());
			return new Owed(i, p.daysInStage(), p.health(), p.healthReason());
		})
			.sorted(Comparator.comparing((Owed o) -> o.health().ordinal())
				.reversed()
				.thenComparing(Comparator.comparingLong(Owed::days).reversed()))
			.toList();
		model.addAttribute("inbox", inbox);
		model.addAttribute("approvals", inbox.content().stream().filter(i -> i.kind() == TaskKind.APPROVAL).toList());
		model.addAttribute("reviews", inbox.content().stream().filter(i -> i.kind() == TaskKind.REVIEW).toList());
		model.addAttribute("noticeTasks", inbox.content().stream().filter(i -> i.kind() == TaskKind.NOTICE).toList());
		model.addAttribute("owed", owed);
		model.addAttribute("isOfficer", user.isOfficer());
		model.addAttribute("isManager", user.isManager());
		model.addAttribute("names", directory.names());
		if (user.isOfficer()) {
			List<ProjectView> waiting = views
				.search(new ProjectFilter(null, null, null, user.username(), null, null, Outcome.ACTIVE, null, null,
						null, null, null), 0, OWN_PROJECTS_SCANNED)
				.content()
				.stream()
				.filter(p -> p.pendingApproval() != null)
				.toList();
			model.addAttribute("waiting", waiting);
			PageResult<ApprovalRequest> rejected = approvals.rejectedRequests(user, 0, PAGE_SIZE);
			Map<Long, Project> byId = projects
				.findAll(rejected.content().stream().map(ApprovalRequest::projectId).distinct().toList())
				.stream()
				.collect(Collectors.toMap(Project::id, Function.identity()));
			model.addAttribute("rejected",
					rejected.content().stream().map(r -> new Rejected(r, byId.get(r.projectId()))).toList());
			model.addAttribute("rejectedTotal", rejected.totalElements());
		}
		return "tasks";
	}

	@PostMapping("/tasks/{taskId}/decision")
	String decide(@PathVariable String taskId, @Validated @ModelAttribute("decision") DecisionForm form,
			BindingResult errors, RedirectAttributes flash, CurrentUser user) {
		boolean done = false;
		if (!errors.hasErrors()) {
			try {
				done = actions.attempt(() -> approvals.decide(taskId, form.getDecision(), form.getComment(), user),
						errors, flash);
			}
			catch (NotFoundException gone) {
				// another manager decided it a moment ago: say so instead of showing a
				// missing page
				flash.addFlashAttribute(FormActions.PROBLEM, messages.text("problem.taskGone"));
				return back(form);
			}
		}
		if (done) {
			flash.addFlashAttribute(FormActions.NOTICE, "notice.decided." + form.getDecision());
			return back(form);
		}
		if (errors.hasErrors()) {
			String message = errors.getAllErrors()
				.stream()
				.map(e -> e.getDefaultMessage())
				.collect(Collectors.joining("; "));
			flash.addFlashAttribute("taskError", new TaskError(taskId, message, form.getComment()));
		}
		return back(form) + "#task-" + taskId;
	}

	private static String back(DecisionForm form) {
		return form.getProject() != null ? "redirect:/projects/" + form.getProject() : "redirect:/tasks";
	}

}
