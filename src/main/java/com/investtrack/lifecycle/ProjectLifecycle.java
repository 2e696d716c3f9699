package com.investtrack.lifecycle;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.approval.ApprovalService;
import com.investtrack.common.ConflictException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneDates;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.project.NewProject;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectService;
import com.investtrack.plan.PlanService;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.security.Accounts;
import com.investtrack.supervision.EvidenceRules;

/**
 * Every step of a project's path, one transaction each: checks access and dates, then
 * moves the engine, whose model records the milestone or opens the approval. The project
 * row is locked first, so concurrent steps on one project queue up and the second one
 * meets the state the first left behind.
 */
@Service
public class ProjectLifecycle {

	/**
	 * What a project is created from: null code means one is assigned, null officer means
	 * the caller, null date means today; the plan holds the agreed dates known at
	 * creation (possibly none).
	 */
	public record CreateCommand(String code, ProjectFacts facts, String officer, LocalDate negotiationStartedOn,
			Map<Stage, LocalDate> plan) {
	}

	/** Whether an advance recorded the milestone or now waits for a manager. */
	public enum AdvanceResult {

		RECORDED, AWAITING_APPROVAL

	}

	private final ProjectService projectService;

	private final MilestoneService milestones;

	private final MilestoneDates dates;

	private final ApprovalService approvals;

	private final PlanService plans;

	private final AccessPolicy access;

	private final Accounts accounts;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final EvidenceRules evidenceRules;

	private final CommandExecutor engineCommand;

	ProjectLifecycle(ProjectService projectService, MilestoneService milestones, MilestoneDates dates,
			ApprovalService approvals, PlanService plans, AccessPolicy access, Accounts accounts,
			RuntimeService runtime, TaskService tasks, EvidenceRules evidenceRules, ProcessEngineConfiguration engine) {
		this.projectService = projectService;
		this.milestones = milestones;
		this.dates = dates;
		this.approvals = approvals;
		this.plans = plans;
		this.access = access;
		this.accounts = accounts;
		this.runtime = runtime;
		this.tasks = tasks;
		this.evidenceRules = evidenceRules;
		// joins the step's transaction (REQUIRED), like every call of the engine's
		// services
		this.engineCommand = ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired();
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
		projectService.checkFacts(c.facts());
		if (c.code() != null) {
			projectService.checkCode(c.code(), null);
		}
		long id = projectService.create(new NewProject(c.code(), c.facts(), officer, started), user.username());
		milestones.record(new MilestoneService.Recording(id, null, Stage.NEGOTIATION, started, user.username(), null,
				null, user.username()));
		plans.create(id, c.plan() == null ? Map.of() : c.plan(), Map.of(Stage.NEGOTIATION, started), user.username());
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_PROJECT_ID, id);
		variables.put(ProcessConstants.VAR_OFFICER, officer);
		var instance = runtime.startProcessInstanceByKey(ProcessConstants.PROCESS_ID, String.valueOf(id), variables);
		projectService.setProcessInstance(id, instance.getId());
		return id;
	}

	@Transactional
	public AdvanceResult advance(long projectId, Stage to, LocalDate effectiveOn, String comment, CurrentUser user) {
		Project project = lockActive(projectId, user);
		Stage expected = project.stage().next().orElseThrow();
		if (to != expected) {
			throw new ConflictException("A project in " + project.stage() + " can only advance to " + expected
					+ (to.ordinal() < project.stage().ordinal() + 1 ? "; it cannot go back"
							: "; stages cannot be skipped"));
		}
		dates.check("effectiveOn", effectiveOn, project.stageEnteredOn());
		// the one place a step into a stage (and so an approval request) starts: the
		// evidence an administrator requires for it is checked here, under the project's
		// lock
		evidenceRules.checkBeforeEntering(projectId, to);
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_ACTION, ProcessConstants.ACTION_ADVANCE);
		variables.put(ProcessConstants.VAR_TO, to.name());
		variables.put(ProcessConstants.VAR_EFFECTIVE_ON, effectiveOn.toString());
		variables.put(ProcessConstants.VAR_COMMENT, comment);
		variables.put(ProcessConstants.VAR_REQUESTED_BY, user.username());
		completeRecordTask(project, variables);
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
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_ACTION, ProcessConstants.ACTION_DROP);
		variables.put(ProcessConstants.VAR_EFFECTIVE_ON, effectiveOn.toString());
		variables.put(ProcessConstants.VAR_COMMENT, reason);
		variables.put(ProcessConstants.VAR_REQUESTED_BY, user.username());
		completeRecordTask(project, variables);
	}

	@Transactional
	public void reassign(long projectId, String officer, CurrentUser user) {
		access.checkManager(user);
		Project project = projectService.lock(projectId)
			.orElseThrow(() -> new NotFoundException("No project " + projectId));
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

	/**
	 * Changes the facts, computed from the stored ones under the project's lock (so that
	 * a client sending only some of them cannot undo a concurrent change of the others);
	 * a new ledger number (null: unchanged) only by a manager.
	 */
	@Transactional
	public void edit(long projectId, String code, UnaryOperator<ProjectFacts> change, CurrentUser user) {
		Project project = projectService.lock(projectId)
			.orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanWork(user, project.officer());
		ProjectFacts facts = change.apply(project.facts());
		String newCode = code == null ? project.code() : code;
		if (!newCode.equals(project.code())) {
			access.checkCanChangeCode(user);
			projectService.checkCode(newCode, projectId);
		}
		projectService.checkFacts(facts);
		projectService.edit(project, newCode, facts, user.username());
	}

	private Project lockActive(long projectId, CurrentUser user) {
		Project project = projectService.lock(projectId)
			.orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanWork(user, project.officer());
		switch (project.outcome()) {
			case DROPPED -> throw new ConflictException("The project was dropped on " + project.droppedOn());
			case IN_PRODUCTION -> throw new ConflictException("The project is already in production");
			case ACTIVE -> {
			}
		}
		if (!approvals.pendingFor(List.of(projectId)).isEmpty()) {
			throw new ConflictException("An approval is pending for this project; wait for the manager's decision");
		}
		return project;
	}

	/**
	 * Finds the task waiting for the project's next milestone and completes it in one
	 * engine command: the task the lookup loads stays in the command's entity cache, so
	 * completing it does not read it again (a statement less per step). The lookup is the
	 * engine's plain "tasks of this instance" statement, filtered here (an instance has
	 * one or two open tasks), not a task query: the query's statement is assembled on
	 * every call from a few hundred optional conditions, which cost a tenth of a step's
	 * CPU in the profile of issue #15. Nothing is thrown inside the command, so a missing
	 * task is not logged by the engine as its failure.
	 */
	private void completeRecordTask(Project project, Map<String, Object> variables) {
		String key = ProcessConstants.recordTask(project.stage());
		boolean completed = engineCommand.execute(context -> {
			Task task = context.getTaskManager()
				.findTasksByProcessInstanceId(project.processInstanceId())
				.stream()
				.filter(t -> key.equals(t.getTaskDefinitionKey()))
				.findFirst()
				.orElse(null);
			if (task == null) {
				return false;
			}
			tasks.complete(task.getId(), variables);
			return true;
		});
		if (!completed) {
			throw new ConflictException("The project's process is not waiting for a milestone of " + project.stage());
		}
	}

	private void checkOfficer(String officer) {
		if (!accounts.isActiveWith(officer, Role.OFFICER)) {
			throw new InvalidInputException("officer", "must be an active user with the OFFICER role");
		}
	}

}
