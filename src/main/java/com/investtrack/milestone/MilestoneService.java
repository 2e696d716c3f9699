package com.investtrack.milestone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.Stage;
import com.investtrack.project.ProjectFactsChanged;
import com.investtrack.project.ProjectService;

/**
 * Records a reached milestone: the row, the project's current stage and the audit entry,
 * in the caller's transaction.
 */
@Service
public class MilestoneService {

	private final MilestoneRepository milestones;

	private final ProjectService projects;

	private final AuditTrail audit;

	private final Clock clock;

	MilestoneService(MilestoneRepository milestones, ProjectService projects, AuditTrail audit, Clock clock) {
		this.milestones = milestones;
		this.projects = projects;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The step's effective date and who entered it; approvedBy is the manager whose
	 * approval let it through, if any.
	 */
	public record Recording(long projectId, Stage from, Stage stage, LocalDate effectiveOn, String enteredBy,
			String approvedBy, String comment, String actor) {
	}

	/**
	 * The milestone_timeline column holding the effective day (days since 1970-01-01) of
	 * a stage's milestone: what reports aggregate over.
	 */
	public static String timelineColumn(Stage stage) {
		return MilestoneRepository.timelineColumn(stage);
	}

	/** The milestone_timeline column of a stage's working-day ordinal. */
	public static String workDayColumn(Stage stage) {
		return MilestoneRepository.workDayColumn(stage);
	}

	/** Every milestone of these projects (one query). */
	public List<Milestone> forProjects(Collection<Long> projectIds) {
		return milestones.forProjects(projectIds);
	}

	/** The effective date of each milestone the project reached. */
	public Map<Stage, LocalDate> reached(long projectId) {
		Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
		milestones.forProject(projectId).forEach(m -> dates.put(m.stage(), m.effectiveOn()));
		return dates;
	}

	/**
	 * The timeline keeps copies of the filter columns the reports group by (see
	 * V4__performance.sql) and of the contracted investment the bulletin sums (V18).
	 */
	@EventListener
	void onFactsChanged(ProjectFactsChanged changed) {
		milestones.updateTimelineFacts(changed.projectId(), changed.parkCode(), changed.industryCode(),
				changed.assetModel().name(), changed.contractedInvestmentWan());
	}

	/**
	 * Records a milestone taken over from the bureau's ledger (issue 11): like any other,
	 * then marked as imported, and as approximate when the ledger gave only the month.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordImported(Recording r, boolean approximate) {
		record(r);
		milestones.markImported(r.projectId(), r.stage(), approximate);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Recording r) {
		milestones.insert(r.projectId(), r.stage(), r.effectiveOn(), Instant.now(clock), r.enteredBy(), r.approvedBy(),
				r.comment());
		if (r.stage() != Stage.NEGOTIATION) {
			projects.enterStage(r.projectId(), r.stage(), r.effectiveOn());
		}
		audit.append(AuditEvent.of(r.actor(), AuditAction.MILESTONE_RECORDED, r.projectId())
			.stages(r.from(), r.stage())
			.effectiveOn(r.effectiveOn())
			.comment(r.comment())
			.details(r.approvedBy() == null ? "entered by " + r.enteredBy()
					: "entered by " + r.enteredBy() + ", approved by " + r.approvedBy()));
	}

}
