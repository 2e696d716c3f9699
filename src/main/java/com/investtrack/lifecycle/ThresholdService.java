package com.investtrack.lifecycle;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectRepository;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Changes a stage's thresholds and moves the waiting timers of projects in that stage to the new due dates, so the
 * timers keep agreeing with the health users see.
 */
@Service
public class ThresholdService {

	private final StageThresholds thresholds;

	private final ProjectRepository projects;

	private final ManagementService management;

	private final AccessPolicy access;

	private final AuditTrail audit;

	ThresholdService(StageThresholds thresholds, ProjectRepository projects, ManagementService management,
			AccessPolicy access, AuditTrail audit) {
		this.thresholds = thresholds;
		this.projects = projects;
		this.management = management;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Collection<StageThresholds.Threshold> all() {
		return thresholds.all().values();
	}

	@Transactional
	public StageThresholds.Threshold update(StageThresholds.Threshold t, CurrentUser user) {
		access.checkManagerOrAdmin(user);
		StageThresholds.Threshold before = thresholds.all().get(t.stage());
		if (before == null) {
			throw new NotFoundException("Stage " + t.stage() + " has no thresholds");
		}
		if (t.redDays() <= t.yellowDays()) {
			throw new InvalidInputException("redDays", "must be greater than yellowDays");
		}
		thresholds.update(t);
		reschedule(ProcessConstants.YELLOW_TIMER_PREFIX + t.stage().name(), t.yellowDays());
		reschedule(ProcessConstants.RED_TIMER_PREFIX + t.stage().name(), t.redDays());
		audit.append(AuditEvent.of(user.username(), AuditAction.THRESHOLD_CHANGED, null)
			.stages(t.stage(), null)
			.details("yellowDays: " + before.yellowDays() + " -> " + t.yellowDays() + "; redDays: " + before.redDays()
					+ " -> " + t.redDays()));
		return t;
	}

	private void reschedule(String timerActivityId, int days) {
		List<Job> jobs = management.createJobQuery().activityId(timerActivityId).timers().list();
		Map<String, Project> byInstance = projects
			.findByProcessInstances(jobs.stream().map(Job::getProcessInstanceId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Project::processInstanceId, Function.identity()));
		for (Job job : jobs) {
			Project p = byInstance.get(job.getProcessInstanceId());
			if (p != null) {
				management.setJobDuedate(job.getId(), thresholds.dueDate(p.stageEnteredOn(), days));
			}
		}
	}

}
