package com.investtrack.lifecycle;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.investtrack.approval.ApprovalService;
import com.investtrack.common.Stage;

/**
 * Listener on the model's approval tasks ({@code Approve_STAGE}): on create it files the
 * officer's request, on complete it records the decision, refusing one taken by the
 * requester (four-eyes, whoever drives the engine).
 */
@Component("approvalTaskListener")
class ApprovalTaskListener implements TaskListener {

	private final ApprovalService approvals;

	ApprovalTaskListener(ApprovalService approvals) {
		this.approvals = approvals;
	}

	@Override
	public void notify(DelegateTask task) {
		Stage to = ProcessConstants.stageOf(task.getTaskDefinitionKey());
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			approvals.requested((Long) task.getVariable(ProcessConstants.VAR_PROJECT_ID), task.getId(),
					to.previous().orElseThrow(), to,
					LocalDate.parse((String) task.getVariable(ProcessConstants.VAR_EFFECTIVE_ON)),
					(String) task.getVariable(ProcessConstants.VAR_REQUESTED_BY),
					(String) task.getVariable(ProcessConstants.VAR_COMMENT));
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			String decidedBy = auth == null ? null : auth.getUserId();
			approvals.decided(task.getId(), Boolean.TRUE.equals(task.getVariable(ProcessConstants.VAR_APPROVED)),
					decidedBy, (String) task.getVariable(ProcessConstants.VAR_DECISION_COMMENT));
			// the decider becomes the task's assignee, so the engine's own history names
			// them as well as ours; set here
			// rather than by a separate setAssignee call, which would be a second engine
			// command in the step
			task.setAssignee(decidedBy);
			// the milestone names the approver the engine saw, not whatever a caller
			// passed as a variable
			task.getExecution().setVariable(ProcessConstants.VAR_DECIDED_BY, decidedBy);
		}
	}

}
