package com.investtrack.lifecycle;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneService;

/**
 * The model's "Record ..." service tasks ({@code RecordMilestone_STAGE}): records the
 * milestone.
 */
@Component("milestoneRecorder")
class MilestoneRecorder implements JavaDelegate {

	private final MilestoneService milestones;

	MilestoneRecorder(MilestoneService milestones) {
		this.milestones = milestones;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Stage stage = ProcessConstants.stageOf(execution.getCurrentActivityId());
		LocalDate effectiveOn = LocalDate.parse((String) execution.getVariable(ProcessConstants.VAR_EFFECTIVE_ON));
		String approvedBy = stage.approvalRequired() ? (String) execution.getVariable(ProcessConstants.VAR_DECIDED_BY)
				: null;
		milestones.record(new MilestoneService.Recording((Long) execution.getVariable(ProcessConstants.VAR_PROJECT_ID),
				stage.previous().orElseThrow(), stage, effectiveOn,
				(String) execution.getVariable(ProcessConstants.VAR_REQUESTED_BY), approvedBy,
				(String) execution.getVariable(ProcessConstants.VAR_COMMENT), EngineActor.of(execution)));
	}

}
