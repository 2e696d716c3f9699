package com.investtrack.lifecycle;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.approval.ApprovalService;
import com.investtrack.common.ConflictException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.plan.PlanService;
import com.investtrack.project.NewProject;
import com.investtrack.project.Outcome;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectService;

/**
 * Projects taken over from the bureau's ledger (issue 11), in the importing transaction:
 * a project the ledger shows mid-way is created with its past milestones (entered by the
 * importing user with the ledger's effective dates, marked as imported, no approval tasks
 * for past steps) and its process instance starts right before its current stage's task
 * (process instance modification); a known project gets its new facts, plan and the
 * milestones it reached since, and its instance moves on the same way. The ledger module
 * has checked every row and the access rule.
 */
@Service
public class LedgerTakeover {

	/**
	 * One ledger row, validated: reached milestones with their dates (approximate: only
	 * the month was known); agreed dates for the stages whose columns the ledger has (a
	 * null date removes one); droppedOn set for a dropped project.
	 */
	public record LedgerEntry(String code, ProjectFacts facts, String officer, Map<Stage, LocalDate> reached,
			Set<Stage> approximate, Map<Stage, LocalDate> agreed, LocalDate droppedOn, String dropReason,
			String source) {
	}

	private final ProjectService projectService;

	private final MilestoneService milestones;

	private final PlanService plans;

	private final ApprovalService approvals;

	private final RuntimeService runtime;

	LedgerTakeover(ProjectService projectService, MilestoneService milestones, PlanService plans,
			ApprovalService approvals, RuntimeService runtime) {
		this.projectService = projectService;
		this.milestones = milestones;
		this.plans = plans;
		this.approvals = approvals;
		this.runtime = runtime;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(LedgerEntry e, String actor) {
		projectService.checkFacts(e.facts());
		if (e.code() != null) {
			projectService.checkCode(e.code(), null);
		}
		LocalDate firstTalk = e.reached().get(Stage.NEGOTIATION);
		long id = projectService.create(new NewProject(e.code(), e.facts(), e.officer(), firstTalk), actor);
		Stage stage = recordReached(id, null, e, actor);
		Map<Stage, LocalDate> agreed = new EnumMap<>(Stage.class);
		e.agreed().forEach((s, date) -> {
			if (date != null) {
				agreed.put(s, date);
			}
		});
		plans.create(id, agreed, e.reached(), actor);
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_PROJECT_ID, id);
		variables.put(ProcessConstants.VAR_OFFICER, e.officer());
		variables.putAll(dropVariables(e, actor));
		var instance = runtime.createProcessInstanceByKey(ProcessConstants.PROCESS_ID)
			.businessKey(String.valueOf(id))
			.setVariables(variables)
			.startBeforeActivity(activityFor(stage, e))
			.execute();
		projectService.setProcessInstance(id, instance.getId());
		return id;
	}

	/**
	 * Applies a ledger row to a known project, which must still stand where the preview
	 * saw it (else 409: someone moved it since, and the whole import rolls back).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(long projectId, Stage seenStage, Outcome seenOutcome, LedgerEntry e, String actor) {
		Project project = projectService.lock(projectId)
			.orElseThrow(() -> new NotFoundException("No project " + projectId));
		if (project.stage() != seenStage || project.outcome() != seenOutcome) {
			throw new ConflictException("Project " + project.code() + " changed since the preview (now "
					+ project.stage() + ", " + project.outcome() + "); preview the file again");
		}
		projectService.checkFacts(e.facts());
		String code = e.code() == null ? project.code() : e.code();
		if (!code.equals(project.code())) {
			projectService.checkCode(code, projectId);
		}
		projectService.edit(project, code, e.facts(), actor);
		if (!e.officer().equals(project.officer())) {
			projectService.reassign(project, e.officer(), actor);
			if (project.isActive()) {
				runtime.setVariable(project.processInstanceId(), ProcessConstants.VAR_OFFICER, e.officer());
			}
		}
		boolean moves = e.reached().keySet().stream().anyMatch(s -> s.ordinal() > project.stage().ordinal())
				|| (e.droppedOn() != null && project.isActive());
		if (moves) {
			if (!project.isActive()) {
				throw new ConflictException("Project " + project.code() + " is " + project.outcome() + " already");
			}
			if (!approvals.pendingFor(List.of(projectId)).isEmpty()) {
				throw new ConflictException("An approval is pending for project " + project.code());
			}
		}
		Stage stage = recordReached(projectId, project.stage(), e, actor);
		if (!e.agreed().isEmpty()) {
			plans.reviseFromLedger(projectId, e.agreed(), e.source(), actor);
		}
		if (moves) {
			runtime.setVariables(project.processInstanceId(), dropVariables(e, actor));
			runtime.createProcessInstanceModification(project.processInstanceId())
				.cancelAllForActivity(ProcessConstants.recordTask(project.stage()))
				.startBeforeActivity(activityFor(stage, e))
				.execute();
		}
	}

	/**
	 * Records the milestones after {@code current} (all of them when null); answers the
	 * stage the project is in.
	 */
	private Stage recordReached(long projectId, Stage current, LedgerEntry e, String actor) {
		Stage stage = current;
		for (Stage s : Stage.values()) {
			LocalDate on = e.reached().get(s);
			if (on == null || (current != null && s.ordinal() <= current.ordinal())) {
				continue;
			}
			milestones.recordImported(
					new MilestoneService.Recording(projectId, stage, s, on, actor, null, e.source(), actor),
					e.approximate().contains(s));
			stage = s;
		}
		return stage;
	}

	private static String activityFor(Stage stage, LedgerEntry e) {
		if (e.droppedOn() != null) {
			return ProcessConstants.RECORD_DROP_TASK;
		}
		return stage == Stage.PRODUCTION ? ProcessConstants.IN_PRODUCTION_EVENT : ProcessConstants.recordTask(stage);
	}

	/**
	 * What the model's drop recorder reads when the instance starts (or moves) right
	 * before it.
	 */
	private static Map<String, Object> dropVariables(LedgerEntry e, String actor) {
		if (e.droppedOn() == null) {
			return Map.of();
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessConstants.VAR_ACTION, ProcessConstants.ACTION_DROP);
		variables.put(ProcessConstants.VAR_EFFECTIVE_ON, e.droppedOn().toString());
		variables.put(ProcessConstants.VAR_COMMENT, e.dropReason());
		variables.put(ProcessConstants.VAR_REQUESTED_BY, actor);
		return variables;
	}

}
