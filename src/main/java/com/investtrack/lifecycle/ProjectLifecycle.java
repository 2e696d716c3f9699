package com.investtrack.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.approval.ApprovalRepository;
import com.investtrack.common.ConflictException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneDates;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.project.AssetModel;
import com.investtrack.project.NewProject;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectRepository;
import com.investtrack.project.ProjectService;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.security.UserRepository;

/**
 * Every step of a project's path, one transaction each: checks access and dates, then moves the engine, whose model
 * records the milestone or opens the approval. The project row is locked first, so concurrent steps on one project
 * queue up and the second one meets the state the first left behind.
 */
@Service
public class ProjectLifecycle {

	/** What a project is created from; null officer means the caller, null date means today. */
	public record CreateCommand(String name, String investor, String industryCode, String parkCode,
			AssetModel assetModel, BigDecimal investmentAmountYuan, BigDecimal landAreaM2, String officer,
			LocalDate negotiationStartedOn) {
	}

	/** Whether an advance recorded the milestone or now waits for a manager. */
	public enum AdvanceResult {

		RECORDED, AWAITING_APPROVAL

	}

	private final ProjectRepository projects;

	private final ProjectService projectService;

	private final MilestoneService milestones;

	private final MilestoneDates dates;

	private final ApprovalRepository approvals;

	private final StageThresholds thresholds;

	private final AccessPolicy access;

	private final UserRepository users;

	private final RuntimeService runtime;

	private final TaskService tasks;

	ProjectLifecycle(ProjectRepository projects, ProjectService projectService, MilestoneService milestones,
			MilestoneDates dates, ApprovalRepository approvals, StageThresholds thresholds, AccessPolicy access,
			UserRepository users, RuntimeService runtime, TaskService tasks) {
		this.projects = projects;
		this.projectService = projectService;
		this.milestones = milestones;
		this.dates = dates;
		this.approvals = approvals;
		this.thresholds = thresholds;
		this.access = access;
		this.users = users;
		this.runtime = runtime;
		this.tasks = tasks;
	}

	@Transactional
	public long create(CreateCommand c, CurrentUser user) {
		access.checkCanCreateProject(user);
		String officer = c.officer() == null ? user.username() : c.officer();
		if (!officer.equals(user.username()) && !user.isManager()) {
			throw new InvalidInputException("officer", "only a manager may create a project for another officer");
		}
		checkOfficer(officer);
		LocalDate started = c.negotiationStartedOn() == null ? dates.today() : c.negotiationStartedOn();
		dates.check("negotiationStartedOn", started, null);
		projectService.checkFacts(c.industryCode(), c.parkCode(), c.investmentAmountYuan(), c.landAreaM2());
		long id = projectService.create(new NewProject(c.name(), c.investor(), c.industryCode(), c.parkCode(),
				c.assetModel(), c.investmentAmountYuan(), c.landAreaM2(), officer, started), user.username());
		milestones.record(new MilestoneService.Recording(id, null, Stage.NEGOTIATION, started, user.username(), null,
				null, user.username()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_PROJECT_ID, id);
		variables.put(ProcessConstants.VAR_OFFICER, officer);
		variables.putAll(timerVariables(Stage.NEGOTIATION, started));
		var instance = runtime.startProcessInstanceByKey(ProcessConstants.PROCESS_ID, String.valueOf(id), variables);
		projects.setProcessInstance(id, instance.getId());
		return id;
	}

	@Transactional
	public AdvanceResult advance(long projectId, Stage to, LocalDate effectiveOn, String comment, CurrentUser user) {
		Project project = lockActive(projectId, user);
		Stage expected = project.stage().next().orElseThrow();
		if (to != expected) {
			throw new ConflictException("A project in " + project.stage() + " can only advance to " + expected
					+ (to.ordinal() < project.stage().ordinal() + 1 ? "; it cannot go back" : "; stages cannot be skipped"));
		}
		dates.check("effectiveOn", effectiveOn, project.stageEnteredOn());
		Task task = openRecordTask(project);
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_ACTION, ProcessConstants.ACTION_ADVANCE);
		variables.put(ProcessConstants.VAR_TO, to.name());
		variables.put(ProcessConstants.VAR_EFFECTIVE_ON, effectiveOn.toString());
		variables.put(ProcessConstants.VAR_COMMENT, comment);
		variables.put(ProcessConstants.VAR_REQUESTED_BY, user.username());
		tasks.complete(task.getId(), variables);
		return to.approvalRequired() ? AdvanceResult.AWAITING_APPROVAL : AdvanceResult.RECORDED;
	}

	@Transactional
	public void drop(long projectId, LocalDate effectiveOn, String reason, CurrentUser user) {
		Project project = lockActive(projectId, user);
		if (!project.stage().droppable()) {
			throw new ConflictException("A project cannot be dropped once construction has started");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required");
		}
		dates.check("effectiveOn", effectiveOn, project.stageEnteredOn());
		Task task = openRecordTask(project);
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_ACTION, ProcessConstants.ACTION_DROP);
		variables.put(ProcessConstants.VAR_EFFECTIVE_ON, effectiveOn.toString());
		variables.put(ProcessConstants.VAR_COMMENT, reason);
		variables.put(ProcessConstants.VAR_REQUESTED_BY, user.username());
		tasks.complete(task.getId(), variables);
	}

	@Transactional
	public void reassign(long projectId, String officer, CurrentUser user) {
		access.checkManager(user);
		Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		checkOfficer(officer);
		if (officer.equals(project.officer())) {
			return;
		}
		projectService.reassign(project, officer, user.username());
		if (project.isActive()) {
			runtime.setVariable(project.processInstanceId(), ProcessConstants.VAR_OFFICER, officer);
			tasks.createTaskQuery()
				.processInstanceId(project.processInstanceId())
				.taskDefinitionKeyLike(ProcessConstants.RECORD_TASK_PREFIX + "%")
				.list()
				.forEach(t -> tasks.setAssignee(t.getId(), officer));
		}
	}

	@Transactional
	public void edit(long projectId, ProjectFacts facts, CurrentUser user) {
		Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanWork(user, project.officer());
		projectService.checkFacts(facts.industryCode(), facts.parkCode(), facts.investmentAmountYuan(), facts.landAreaM2());
		projectService.edit(project, facts, user.username());
	}

	/** Due dates of the yellow and red timers of a stage entered on {@code enteredOn}, as the model's variables. */
	Map<String, Object> timerVariables(Stage stage, LocalDate enteredOn) {
		var t = thresholds.all().get(stage);
		if (t == null) {
			return Map.of();
		}
		return Map.of(ProcessConstants.VAR_YELLOW_DUE, thresholds.dueDate(enteredOn, t.yellowDays()),
				ProcessConstants.VAR_RED_DUE, thresholds.dueDate(enteredOn, t.redDays()));
	}

	private Project lockActive(long projectId, CurrentUser user) {
		Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanWork(user, project.officer());
		switch (project.outcome()) {
			case DROPPED -> throw new ConflictException("The project was dropped on " + project.droppedOn());
			case IN_PRODUCTION -> throw new ConflictException("The project is already in production");
			case ACTIVE -> {
			}
		}
		if (!approvals.pendingFor(java.util.List.of(projectId)).isEmpty()) {
			throw new ConflictException("An approval is pending for this project; wait for the manager's decision");
		}
		return project;
	}

	private Task openRecordTask(Project project) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(project.processInstanceId())
			.taskDefinitionKey(ProcessConstants.recordTask(project.stage()))
			.singleResult();
		if (task == null) {
			throw new ConflictException("The project's process is not waiting for a milestone of " + project.stage());
		}
		return task;
	}

	private void checkOfficer(String officer) {
		var account = users.find(officer);
		if (account.isEmpty() || !account.get().enabled() || !account.get().roles().contains(Role.OFFICER)) {
			throw new InvalidInputException("officer", "must be an active user with the OFFICER role");
		}
	}

}
