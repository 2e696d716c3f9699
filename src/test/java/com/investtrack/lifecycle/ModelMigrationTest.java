package com.investtrack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Projects still running on the first model (a stage sub-process with two threshold
 * timers each) move onto the latest model at start-up, keeping their waiting task; the
 * timers and old-style reviews go.
 */
@ExtendWith(ProcessEngineExtension.class)
class ModelMigrationTest {

	@BeforeEach
	void registerMocks() {
		Mocks.register("milestoneRecorder", mock(JavaDelegate.class));
		Mocks.register("projectDropRecorder", mock(JavaDelegate.class));
		Mocks.register("approvalTaskListener", mock(TaskListener.class));
		Mocks.register("stageThresholdReached", mock(JavaDelegate.class));
	}

	@AfterEach
	void cleanUp() {
		Mocks.reset();
		repositoryService().createDeploymentQuery()
			.list()
			.forEach(d -> repositoryService().deleteDeployment(d.getId(), true));
	}

	@Test
	void runningProjectsOfTheFirstModelMoveOntoTheLatestKeepingTheirTasks() {
		deploy("legacy/investment-project-v1.bpmn");
		ProcessInstance inSigning = legacyWaitingAt("RecordNextMilestone_SIGNING");
		ProcessInstance awaitingAcceptance = legacyWaitingAt("Approve_PRODUCTION");
		ProcessInstance redInNegotiation = legacyWaitingAt("RecordNextMilestone_NEGOTIATION");
		String officersTask = taskService().createTaskQuery()
			.processInstanceId(inSigning.getId())
			.singleResult()
			.getId();
		// the red timer fires: the old model opens its review inside the project's own
		// instance
		managementService().executeJob(managementService().createJobQuery()
			.processInstanceId(redInNegotiation.getId())
			.activityId("RedReached_NEGOTIATION")
			.singleResult()
			.getId());
		assertThat(redInNegotiation).isWaitingAt("RecordNextMilestone_NEGOTIATION", "ReviewStalled_NEGOTIATION");
		deploy("bpmn/investment-project.bpmn");

		int moved = new ModelMigration(repositoryService(), runtimeService()).migrateAll();

		assertThat(moved).isEqualTo(3);
		String latest = repositoryService().createProcessDefinitionQuery()
			.processDefinitionKey("investment-project")
			.latestVersion()
			.singleResult()
			.getId();
		for (ProcessInstance p : new ProcessInstance[] { inSigning, awaitingAcceptance, redInNegotiation }) {
			assertThat(runtimeService().createProcessInstanceQuery()
				.processInstanceId(p.getId())
				.singleResult()
				.getProcessDefinitionId()).isEqualTo(latest);
			assertThat(managementService().createJobQuery().processInstanceId(p.getId()).count()).as("timers left")
				.isZero();
		}
		assertThat(inSigning).isWaitingAtExactly("RecordNextMilestone_SIGNING");
		assertThat(taskService().createTaskQuery().processInstanceId(inSigning.getId()).singleResult().getId())
			.as("the same task, so its history and assignee stay")
			.isEqualTo(officersTask);
		assertThat(awaitingAcceptance).isWaitingAtExactly("Approve_PRODUCTION");
		assertThat(redInNegotiation).isWaitingAtExactly("RecordNextMilestone_NEGOTIATION");

		// and they go on in the new model
		taskService().complete(
				taskService().createTaskQuery().processInstanceId(inSigning.getId()).singleResult().getId(),
				Map.of("action", "ADVANCE"));
		assertThat(inSigning).hasPassed("RecordMilestone_SITE_SELECTION")
			.isWaitingAt("RecordNextMilestone_SITE_SELECTION");
		assertThat(new ModelMigration(repositoryService(), runtimeService()).migrateAll()).as("nothing left to move")
			.isZero();
	}

	private static void deploy(String resource) {
		repositoryService().createDeployment().addClasspathResource(resource).deploy();
	}

	/**
	 * An instance of the first model waiting at a task inside its stage sub-process, with
	 * its threshold timers.
	 */
	private static ProcessInstance legacyWaitingAt(String task) {
		Date past = new Date(System.currentTimeMillis() - 86_400_000L);
		return runtimeService().createProcessInstanceByKey("investment-project")
			.setVariables(Map.of("projectId", 1L, "officer", "officer", "yellowDue", past, "redDue", past, "action",
					"ADVANCE"))
			.startBeforeActivity(task)
			.execute(true, true);
	}

}
