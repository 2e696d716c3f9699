package com.investtrack.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The notice model's "Raise notice to yellow" and "Raise notice to red" service tasks
 * (the level is their input).
 */
@Component("noticeEscalation")
class NoticeEscalationDelegate implements JavaDelegate {

	private final SupervisionNotices notices;

	NoticeEscalationDelegate(SupervisionNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notices.escalate(execution.getProcessInstanceId(),
				NoticeLevel.valueOf((String) execution.getVariableLocal(NoticeModel.VAR_LEVEL)));
	}

}
