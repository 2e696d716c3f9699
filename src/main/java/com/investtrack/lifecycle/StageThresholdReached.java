package com.investtrack.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.Stage;

/** The model's "Flag project yellow / red" service tasks, run by the threshold timers: leaves the event in the trail. */
@Component("stageThresholdReached")
class StageThresholdReached implements JavaDelegate {

	private final AuditTrail audit;

	StageThresholdReached(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String activity = execution.getCurrentActivityId();
		Stage stage = ProcessConstants.stageOf(activity);
		AuditAction action = activity.startsWith(ProcessConstants.RED_FLAG_PREFIX) ? AuditAction.STAGE_RED
				: AuditAction.STAGE_YELLOW;
		audit.append(AuditEvent.of(EngineActor.of(execution), action,
				(Long) execution.getVariable(ProcessConstants.VAR_PROJECT_ID))
			.stages(stage, null));
	}

}
