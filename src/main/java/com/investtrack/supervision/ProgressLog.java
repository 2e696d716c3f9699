package com.investtrack.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.plan.PlanService;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectService;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * A project's progress log: its officer and the managers add dated entries, never in the
 * future; each moves the project's latest progress day (the "no progress" light counts
 * from it) and is audited.
 */
@Service
public class ProgressLog {

	private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private final ProgressRepository entries;

	private final ProjectService projects;

	private final PlanService plans;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	ProgressLog(ProgressRepository entries, ProjectService projects, PlanService plans, AccessPolicy access,
			AuditTrail audit, Clock clock) {
		this.entries = entries;
		this.projects = projects;
		this.plans = plans;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public ProgressEntry record(long projectId, ProgressEntry.New entry, CurrentUser user) {
		Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanRecordProgress(user, project.officer());
		LocalDate today = LocalDate.now(clock);
		if (entry.on().isAfter(today)) {
			throw new InvalidInputException("on", "must not be in the future (today is " + today + ")");
		}
		if (entry.on().isBefore(EARLIEST)) {
			throw new InvalidInputException("on", "must not be before " + EARLIEST);
		}
		ProgressEntry.New clean = new ProgressEntry.New(entry.on(), entry.progress().strip(),
				blankToNull(entry.problems()), blankToNull(entry.nextSteps()));
		Instant now = Instant.now(clock);
		long id = entries.insert(projectId, clean, user.username(), now);
		plans.progressRecorded(projectId, clean.on());
		audit.append(AuditEvent.of(user.username(), AuditAction.PROGRESS_RECORDED, projectId)
			.effectiveOn(clean.on())
			.details(clean.progress()));
		return new ProgressEntry(id, projectId, clean.on(), clean.progress(), clean.problems(), clean.nextSteps(),
				user.username(), now);
	}

	/** The log, newest first; every role reads it, like the project itself. */
	public List<ProgressEntry> forProject(long projectId) {
		projects.find(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		return entries.forProject(projectId);
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
