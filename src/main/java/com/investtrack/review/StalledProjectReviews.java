package com.investtrack.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.ConflictException;
import com.investtrack.common.NotFoundException;
import com.investtrack.plan.Light;
import com.investtrack.plan.Lights;
import com.investtrack.plan.PlanService;
import com.investtrack.project.Health;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectService;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Opens, closes and acknowledges reviews of red projects. Each change locks the project's
 * row first and decides on the light computed afresh under that lock, so a review never
 * opens for a project a concurrent step has just turned green, and the sweep, a manager
 * and a step on one project take turns.
 */
@Service
public class StalledProjectReviews {

	private final ReviewRepository reviews;

	private final ProjectService projects;

	private final PlanService plans;

	private final Lights lights;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	StalledProjectReviews(ReviewRepository reviews, ProjectService projects, PlanService plans, Lights lights,
			RuntimeService runtime, TaskService tasks, AccessPolicy access, AuditTrail audit, Clock clock) {
		this.reviews = reviews;
		this.projects = projects;
		this.plans = plans;
		this.lights = lights;
		this.runtime = runtime;
		this.tasks = tasks;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Opens a review if the project is red and has no active one; whether it did. */
	@Transactional
	public boolean open(long projectId) {
		Project project = projects.lock(projectId).orElse(null);
		if (project == null || reviews.active(projectId).isPresent()) {
			return false;
		}
		Light light = lights.of(project, plans.plan(projectId));
		if (light.health() != Health.RED) {
			return false;
		}
		String reason = lights.describe(light, Locale.ENGLISH);
		String instance = runtime
			.startProcessInstanceByKey(ReviewModel.PROCESS_ID, String.valueOf(projectId),
					Map.of(ReviewModel.VAR_PROJECT_ID, projectId))
			.getId();
		reviews.insert(projectId, instance, reason, Instant.now(clock));
		audit.append(AuditEvent.of(CurrentUser.SYSTEM, AuditAction.REVIEW_OPENED, projectId)
			.stages(project.stage(), null)
			.details(reason));
		return true;
	}

	/**
	 * Closes the project's active review if the project is no longer red; whether it did.
	 */
	@Transactional
	public boolean close(long projectId) {
		Project project = projects.lock(projectId).orElse(null);
		StallReview review = project == null ? null : reviews.active(projectId).orElse(null);
		if (review == null) {
			return false;
		}
		Light light = lights.of(project, plans.plan(projectId));
		if (light.health() == Health.RED) {
			return false;
		}
		if (review.status() == ReviewStatus.OPEN) {
			runtime.createMessageCorrelation(ReviewModel.BACK_ON_TRACK_MESSAGE)
				.processInstanceId(review.processInstanceId())
				.correlateWithResult();
		}
		reviews.close(review.id(), Instant.now(clock));
		audit.append(AuditEvent.of(CurrentUser.SYSTEM, AuditAction.REVIEW_CLOSED, projectId)
			.stages(project.stage(), null)
			.details("no longer red: " + lights.describe(light, Locale.ENGLISH)));
		return true;
	}

	/**
	 * A manager's acknowledgement of the review behind this inbox task; returns the
	 * project it is about.
	 */
	@Transactional
	public long acknowledge(Task task, String comment, CurrentUser user) {
		access.checkCanAcknowledgeReview(user);
		StallReview review = reviews.byProcessInstance(task.getProcessInstanceId())
			.orElseThrow(() -> new NotFoundException("No review for task " + task.getId()));
		projects.lock(review.projectId());
		// read again under the project's lock: another manager or the sweep may have got
		// there first
		StallReview current = reviews.byProcessInstance(task.getProcessInstanceId()).orElseThrow();
		if (current.status() == ReviewStatus.ACKNOWLEDGED) {
			throw new ConflictException("This review was already acknowledged by " + current.acknowledgedBy());
		}
		if (current.status() == ReviewStatus.CLOSED) {
			throw new ConflictException("This review was closed: the project is no longer red");
		}
		tasks.setAssignee(task.getId(), user.username());
		tasks.complete(task.getId());
		reviews.acknowledge(review.id(), user.username(), comment, Instant.now(clock));
		audit.append(AuditEvent.of(user.username(), AuditAction.STALL_REVIEWED, review.projectId())
			.decision("ACKNOWLEDGE")
			.comment(comment));
		return review.projectId();
	}

	/** The project each of these review process instances is about. */
	public Map<String, Long> projectsOf(Collection<String> processInstanceIds) {
		return reviews.byProcessInstances(processInstanceIds)
			.stream()
			.collect(Collectors.toMap(StallReview::processInstanceId, StallReview::projectId));
	}

	public List<StallReview> forProject(long projectId) {
		return reviews.forProject(projectId);
	}

	/** Reviews waiting in the managers' inbox. */
	public long openCount() {
		return reviews.countOpen();
	}

	List<Long> activeProjects() {
		return reviews.activeProjects();
	}

}
