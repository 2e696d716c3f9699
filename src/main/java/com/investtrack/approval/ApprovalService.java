package com.investtrack.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.ConflictException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.PageResult;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectService;
import com.investtrack.review.ReviewModel;
import com.investtrack.review.StalledProjectReviews;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.Notice;
import com.investtrack.supervision.SupervisionNotices;

/**
 * Approval requests and decisions. Requests and decisions are written by the model's task
 * listener, so that a decision taken through the engine directly obeys the same four-eyes
 * rule and leaves the same records as one taken here.
 */
@Service
public class ApprovalService {

	private final ApprovalRepository approvals;

	private final ProjectService projects;

	private final TaskService tasks;

	private final HistoryService history;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	private final StalledProjectReviews reviews;

	private final SupervisionNotices notices;

	private final CommandExecutor engineCommand;

	ApprovalService(ApprovalRepository approvals, ProjectService projects, TaskService tasks, HistoryService history,
			AccessPolicy access, AuditTrail audit, Clock clock, StalledProjectReviews reviews,
			SupervisionNotices notices, ProcessEngineConfiguration engine) {
		// joins the caller's transaction (REQUIRED), like every call of the engine's
		// services
		this.engineCommand = ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired();
		this.reviews = reviews;
		this.notices = notices;
		this.approvals = approvals;
		this.projects = projects;
		this.tasks = tasks;
		this.history = history;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Called when the model opens an approval task. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requested(long projectId, String taskId, Stage from, Stage to, LocalDate effectiveOn,
			String requestedBy, String comment) {
		approvals.insert(new ApprovalRequest(0, projectId, taskId, to, effectiveOn, requestedBy, Instant.now(clock),
				comment, ApprovalStatus.PENDING, null, null, null));
		audit.append(AuditEvent.of(requestedBy, AuditAction.APPROVAL_REQUESTED, projectId)
			.stages(from, to)
			.effectiveOn(effectiveOn)
			.comment(comment));
	}

	/**
	 * Called when an approval task completes, whoever completed it: enforces four-eyes
	 * and records the decision. {@code decidedBy} is the engine's authenticated user.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void decided(String taskId, boolean approved, String decidedBy, String comment) {
		ApprovalRequest request = approvals.byTask(taskId)
			.orElseThrow(() -> new IllegalStateException("No approval request for task " + taskId));
		access.checkFourEyes(decidedBy, request.requestedBy());
		approvals.decide(taskId, approved ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, decidedBy,
				Instant.now(clock), comment);
		Stage to = request.to();
		audit.append(
				AuditEvent.of(decidedBy, approved ? AuditAction.APPROVED : AuditAction.REJECTED, request.projectId())
					.stages(to.previous().orElseThrow(), to)
					.effectiveOn(request.effectiveOn())
					.decision(approved ? Decision.APPROVE.name() : Decision.REJECT.name())
					.comment(comment)
					.details("requested by " + request.requestedBy()));
	}

	/**
	 * A manager's decision on a task from the inbox; returns the project it was about.
	 */
	@Transactional
	public long decide(String taskId, Decision decision, String comment, CurrentUser user) {
		// the task by its primary key, not through a task query, whose statement is
		// assembled on every call from a few hundred optional conditions (see
		// ProjectLifecycle)
		Task task = engineCommand.execute(context -> context.getTaskManager().findTaskById(taskId));
		if (task == null) {
			throw noOpenTask(taskId);
		}
		String key = task.getTaskDefinitionKey();
		if (key.startsWith(ApprovalTask.PREFIX)) {
			return decideApproval(task, decision, comment, user);
		}
		if (key.equals(ReviewModel.REVIEW_TASK)) {
			if (decision != Decision.ACKNOWLEDGE) {
				throw new InvalidInputException("decision", "must be ACKNOWLEDGE for a stalled-project review");
			}
			return reviews.acknowledge(task, comment, user);
		}
		throw new ConflictException("This task is not decided here: record the milestone on the project instead");
	}

	private long decideApproval(Task task, Decision decision, String comment, CurrentUser user) {
		ApprovalRequest request = approvals.byTask(task.getId())
			.orElseThrow(() -> new NotFoundException("No approval request for task " + task.getId()));
		projects.lock(request.projectId()).orElseThrow();
		// read again under the project's lock: a decision on another node may have
		// committed since the first read
		ApprovalRequest current = approvals.byTask(task.getId()).orElseThrow();
		if (current.status() != ApprovalStatus.PENDING) {
			throw alreadyDecided(current);
		}
		access.checkCanDecide(user, request.requestedBy());
		if (decision == Decision.ACKNOWLEDGE) {
			throw new InvalidInputException("decision", "must be APPROVE or REJECT for an approval");
		}
		if (decision == Decision.REJECT && (comment == null || comment.isBlank())) {
			throw new InvalidInputException("comment", "is required when rejecting, so the officer knows why");
		}
		// the model's complete listener makes the decider the task's assignee, in the
		// same engine command
		try {
			tasks.complete(task.getId(), Map.of(ApprovalTask.VAR_APPROVED, decision == Decision.APPROVE,
					ApprovalTask.VAR_DECISION_COMMENT, comment == null ? "" : comment));
		}
		catch (NullValueException ex) {
			// the task went between the check above and the completion: another manager's
			// decision got there first
			throw new ConflictException("This request was already decided by another manager");
		}
		return request.projectId();
	}

	/**
	 * Tasks waiting for the caller: approvals and reviews for managers, owed milestones
	 * for officers.
	 */
	@Transactional(readOnly = true)
	public PageResult<InboxItem> inbox(CurrentUser user, int page, int size) {
		var query = tasks.createTaskQuery().active();
		// a task assigned to the caller (an owed milestone, a notice to reply to, which
		// any role may own), and for
		// managers the managers' tasks
		if (user.isManager()) {
			// assigned ones too: an escalated notice is its owner's and the managers'
			query.or()
				.taskAssignee(user.username())
				.taskCandidateGroup(Role.MANAGER.name())
				.includeAssignedTasks()
				.endOr();
		}
		else {
			query.taskAssignee(user.username());
		}
		long total = query.count();
		List<Task> taskPage = query.orderByTaskCreateTime().desc().listPage(page * size, size);
		List<String> instances = taskPage.stream().map(Task::getProcessInstanceId).distinct().toList();
		Map<String, Project> byInstance = new HashMap<>();
		projects.findByProcessInstances(instances).forEach(p -> byInstance.put(p.processInstanceId(), p));
		// reviews run in process instances of their own
		Map<String, Long> reviewed = reviews.projectsOf(instances);
		Map<Long, Project> reviewedProjects = projects.findAll(reviewed.values())
			.stream()
			.collect(Collectors.toMap(Project::id, Function.identity()));
		reviewed.forEach((instance, projectId) -> byInstance.put(instance, reviewedProjects.get(projectId)));
		// and so do supervision notices
		Map<String, Notice> noticed = notices.byProcessInstances(instances);
		Map<Long, Project> noticedProjects = projects
			.findAll(noticed.values().stream().map(Notice::projectId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Project::id, Function.identity()));
		noticed.forEach((instance, n) -> byInstance.put(instance, noticedProjects.get(n.projectId())));
		Map<String, ApprovalRequest> requests = approvals.byTasks(taskPage.stream().map(Task::getId).toList())
			.stream()
			.collect(Collectors.toMap(ApprovalRequest::taskId, Function.identity()));
		List<InboxItem> items = new ArrayList<>();
		for (Task t : taskPage) {
			Project p = byInstance.get(t.getProcessInstanceId());
			if (p == null) {
				continue;
			}
			ApprovalRequest r = requests.get(t.getId());
			String key = t.getTaskDefinitionKey();
			Notice notice = noticed.get(t.getProcessInstanceId());
			TaskKind kind = key.startsWith(ApprovalTask.PREFIX) ? TaskKind.APPROVAL
					: key.equals(ReviewModel.REVIEW_TASK) ? TaskKind.REVIEW
							: notice != null ? TaskKind.NOTICE : TaskKind.MILESTONE;
			boolean canDecide = switch (kind) {
				case APPROVAL -> r != null && access.canDecide(user, r.requestedBy());
				case REVIEW -> user.isManager();
				case NOTICE -> notices.canAct(notice, user);
				case MILESTONE -> access.canWork(user, p.officer());
			};
			if (notice != null) {
				items.add(new InboxItem(t.getId(), kind, t.getName(), t.getCreateTime().toInstant(), p.id(), p.code(),
						p.name(), p.officer(), p.stage(), p.stageEnteredOn(), null, notice.deadline(), notice.owner(),
						notice.level() + ": " + notice.text(), canDecide));
				continue;
			}
			items.add(new InboxItem(t.getId(), kind, t.getName(), t.getCreateTime().toInstant(), p.id(), p.code(),
					p.name(), p.officer(), p.stage(), p.stageEnteredOn(),
					r == null ? p.stage().next().orElse(null) : r.to(), r == null ? null : r.effectiveOn(),
					r == null ? null : r.requestedBy(), r == null ? null : r.requestComment(), canDecide));
		}
		return new PageResult<>(items, page, size, total);
	}

	/**
	 * A task that is not open: 409 if it was completed already (e.g. by a manager on
	 * another node), else 404.
	 */
	private RuntimeException noOpenTask(String taskId) {
		var request = approvals.byTask(taskId);
		if (request.isPresent() && request.get().status() != ApprovalStatus.PENDING) {
			return alreadyDecided(request.get());
		}
		if (history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0) {
			return new ConflictException("This task was already completed");
		}
		return new NotFoundException("No open task " + taskId);
	}

	private static ConflictException alreadyDecided(ApprovalRequest request) {
		String status = request.status().name().toLowerCase();
		return new ConflictException(request.decidedBy() == null ? "This request is no longer pending: it was " + status
				: "This request was already " + status + " by " + request.decidedBy());
	}

	/**
	 * The pending request of each of these projects (there is at most one per project).
	 */
	public List<ApprovalRequest> pendingFor(Collection<Long> projectIds) {
		return approvals.pendingFor(projectIds);
	}

	/**
	 * Requests waiting for a manager's decision, across the bureau (an indexed count,
	 * V8).
	 */
	public long pendingCount() {
		return approvals.countPending();
	}

	@Transactional(readOnly = true)
	public PageResult<ApprovalRequest> rejectedRequests(CurrentUser user, int page, int size) {
		return approvals.rejectedFor(user.username(), page, size);
	}

}
