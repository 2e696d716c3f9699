package com.investtrack.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectService;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Agreed dates: the first plan of a project (its baseline) and every revision, each with
 * who, when, why and the old and new dates, audited. A date must not lie before the
 * milestone it follows, nor before the date agreed for that milestone when it is still to
 * come.
 */
@Service
public class PlanService {

	private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private final PlanRepository plans;

	private final ProjectService projects;

	private final MilestoneService milestones;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	PlanService(PlanRepository plans, ProjectService projects, MilestoneService milestones, AccessPolicy access,
			AuditTrail audit, Clock clock) {
		this.plans = plans;
		this.projects = projects;
		this.milestones = milestones;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The plans of these projects (an empty plan for a project without one). */
	public Map<Long, Plan> plans(Collection<Long> projectIds) {
		return plans.find(projectIds);
	}

	public Plan plan(long projectId) {
		return plans.find(List.of(projectId)).getOrDefault(projectId, Plan.NONE);
	}

	public List<PlanRevision> revisions(long projectId) {
		return plans.revisions(projectId);
	}

	/**
	 * The plan a project is created with (possibly empty), in the creating transaction;
	 * {@code reached} are the milestones it starts with (the first talk, or more for a
	 * project taken over mid-way).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void create(long projectId, Map<Stage, LocalDate> agreed, Map<Stage, LocalDate> reached, String actor) {
		Map<Stage, LocalDate> dates = checked(agreed, reached);
		plans.insert(projectId, dates);
		if (!dates.isEmpty()) {
			String changes = changes(Map.of(), dates);
			plans.insertRevision(projectId, Instant.now(clock), actor, null, changes);
			audit.append(AuditEvent.of(actor, AuditAction.PLAN_REVISED, projectId).details(changes));
		}
	}

	/**
	 * Changes agreed dates: each stage named gets its new date, or loses it when the date
	 * is null; other stages keep theirs. The first date ever agreed for a stage stays its
	 * baseline.
	 */
	@Transactional
	public Plan revise(long projectId, Map<Stage, LocalDate> dates, String reason, CurrentUser user) {
		Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanWork(user, project.officer());
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why the agreed dates change");
		}
		return change(projectId, dates, reason.strip(), user.username());
	}

	/**
	 * The agreed dates a confirmed ledger import gives a known project (whose row the
	 * import holds locked), as a revision with the import as its reason; the import's own
	 * access rule has been checked.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Plan reviseFromLedger(long projectId, Map<Stage, LocalDate> dates, String reason, String actor) {
		return change(projectId, dates, reason, actor);
	}

	/**
	 * Why these agreed dates cannot be stored beside these reached milestones, by field
	 * (dates.STAGE).
	 */
	public static Map<String, String> problems(Map<Stage, LocalDate> agreed, Map<Stage, LocalDate> reached) {
		try {
			checked(agreed, reached);
			return Map.of();
		}
		catch (InvalidInputException ex) {
			return ex.fields();
		}
	}

	private Plan change(long projectId, Map<Stage, LocalDate> dates, String reason, String actor) {
		Plan before = plan(projectId);
		Map<Stage, LocalDate> agreed = new EnumMap<>(Stage.class);
		agreed.putAll(before.agreed());
		dates.forEach((stage, date) -> {
			if (date == null) {
				agreed.remove(stage);
			}
			else {
				agreed.put(stage, date);
			}
		});
		Map<Stage, LocalDate> checked = checked(agreed, milestones.reached(projectId));
		if (checked.equals(before.agreed())) {
			return before;
		}
		Map<Stage, LocalDate> baseline = new EnumMap<>(Stage.class);
		baseline.putAll(before.baseline());
		checked.forEach(baseline::putIfAbsent);
		Plan after = new Plan(checked, baseline, before.lastProgressOn());
		plans.update(projectId, after);
		String changes = changes(before.agreed(), checked);
		plans.insertRevision(projectId, Instant.now(clock), actor, reason, changes);
		audit.append(AuditEvent.of(actor, AuditAction.PLAN_REVISED, projectId).comment(reason).details(changes));
		return after;
	}

	/**
	 * A progress entry dated {@code on}: the "no progress" rule counts from the latest
	 * one.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void progressRecorded(long projectId, LocalDate on) {
		plans.progressOn(projectId, on);
	}

	/**
	 * The dates, checked against each other and against the milestones already reached.
	 */
	private static Map<Stage, LocalDate> checked(Map<Stage, LocalDate> agreed, Map<Stage, LocalDate> reached) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Stage, LocalDate> result = new EnumMap<>(Stage.class);
		agreed.forEach((stage, date) -> {
			if (date == null) {
				return;
			}
			String field = "dates." + stage.name();
			if (!PlanRepository.PLANNED.contains(stage)) {
				errors.put(field, "the first talk has no agreed date");
			}
			else if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				errors.put(field, "must lie between " + EARLIEST + " and " + LATEST);
			}
			else {
				result.put(stage, date);
			}
		});
		for (Stage stage : PlanRepository.PLANNED) {
			LocalDate date = result.get(stage);
			if (date == null) {
				continue;
			}
			// the nearest earlier milestone that was reached or agreed: this date must
			// not lie before it
			for (Stage earlier = stage.previous().orElseThrow();; earlier = earlier.previous().orElseThrow()) {
				if (reached.containsKey(earlier)) {
					if (date.isBefore(reached.get(earlier))) {
						errors.putIfAbsent("dates." + stage.name(), "must not be before the milestone it follows ("
								+ earlier.name() + " reached on " + reached.get(earlier) + ")");
					}
					break;
				}
				if (result.containsKey(earlier)) {
					if (date.isBefore(result.get(earlier))) {
						errors.putIfAbsent("dates." + stage.name(), "must not be before the date agreed for "
								+ earlier.name() + " (" + result.get(earlier) + ")");
					}
					break;
				}
				if (earlier == Stage.NEGOTIATION) {
					break;
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return result;
	}

	private static String changes(Map<Stage, LocalDate> before, Map<Stage, LocalDate> after) {
		var d = new StringBuilder();
		for (Stage s : PlanRepository.PLANNED) {
			LocalDate a = before.get(s);
			LocalDate b = after.get(s);
			if (!Objects.equals(a, b)) {
				d.append(d.isEmpty() ? "" : "; ")
					.append(s.name())
					.append(": ")
					.append(a == null ? "none" : a)
					.append(" -> ")
					.append(b == null ? "none" : b);
			}
		}
		return d.toString();
	}

}
