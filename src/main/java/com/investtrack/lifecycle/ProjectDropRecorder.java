package com.investtrack.lifecycle;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.investtrack.project.ProjectService;

/**
 * The model's "Record project dropped" service task: marks the project dropped with the
 * date and reason.
 */
@Component("projectDropRecorder")
class ProjectDropRecorder implements JavaDelegate {

	private final ProjectService projectService;

	ProjectDropRecorder(ProjectService projectService) {
		this.projectService = projectService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long projectId = (Long) execution.getVariable(ProcessConstants.VAR_PROJECT_ID);
		projectService.markDropped(projectService.find(projectId).orElseThrow(),
				LocalDate.parse((String) execution.getVariable(ProcessConstants.VAR_EFFECTIVE_ON)),
				(String) execution.getVariable(ProcessConstants.VAR_COMMENT), EngineActor.of(execution));
	}

}
