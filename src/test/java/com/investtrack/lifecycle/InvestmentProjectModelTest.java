package com.investtrack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.investtrack.common.Stage;

/**
 * bpmn/investment-project.bpmn alone, its delegates and listeners mocked: every path
 * through the model, given the variables the lifecycle service sets. The whole
 * application drives the same model in InvestmentProjectProcessTest.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/investment-project.bpmn")
class InvestmentProjectModelTest {

	private final JavaDelegate milestoneRecorder = mock(JavaDelegate.class);

	private final JavaDelegate projectDropRecorder = mock(JavaDelegate.class);

	private final TaskListener approvalTaskListener = mock(TaskListener.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("milestoneRecorder", milestoneRecorder);
		Mocks.register("projectDropRecorder", projectDropRecorder);
		Mocks.register("approvalTaskListener", approvalTaskListener);
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void theHappyPathRecordsEachMilestoneAndEndsInProduction() throws Exception {
		ProcessInstance process = start();
		assertThat(process).isWaitingAt("RecordNextMilestone_NEGOTIATION").task().isAssignedTo("officer");

		complete(task(process), advance());
		assertThat(process).isWaitingAt("Approve_SIGNING").task().hasCandidateGroup("MANAGER").isNotAssigned();
		complete(task(process), decision(true));
		assertThat(process).hasPassedInOrder("Approved_SIGNING", "RecordMilestone_SIGNING")
			.isWaitingAt("RecordNextMilestone_SIGNING");
		complete(task(process), advance());
		assertThat(process).hasPassed("RecordMilestone_SITE_SELECTION")
			.isWaitingAt("RecordNextMilestone_SITE_SELECTION");
		complete(task(process), advance());
		assertThat(process).hasPassed("RecordMilestone_CONSTRUCTION", "ConstructionOpen")
			.isWaitingAt("RecordNextMilestone_CONSTRUCTION");
		complete(task(process), advance());
		assertThat(process).isWaitingAt("Approve_PRODUCTION").task().hasCandidateGroup("MANAGER");
		complete(task(process), decision(true));

		assertThat(process).hasPassedInOrder("Approved_PRODUCTION", "RecordMilestone_PRODUCTION", "InProduction")
			.hasNotPassed("DropRequested", "RecordDrop")
			.isEnded();
		verify(milestoneRecorder, times(4)).execute(any());
		// the listener files the request on create and the decision on complete, for each
		// of the two approvals
		verify(approvalTaskListener, times(4)).notify(any());
	}

	@Test
	void aRejectedSigningGoesBackToTheOfficer() throws Exception {
		ProcessInstance process = start();
		complete(task(process), advance());
		complete(task(process), decision(false));

		assertThat(process).hasPassedInOrder("Approve_SIGNING", "Approved_SIGNING", "NegotiationOpen")
			.hasNotPassed("RecordMilestone_SIGNING")
			.isWaitingAt("RecordNextMilestone_NEGOTIATION");
		complete(task(process), advance());
		complete(task(process), decision(true));
		assertThat(process).isWaitingAt("RecordNextMilestone_SIGNING");
		verify(milestoneRecorder, times(1)).execute(any());
	}

	@Test
	void aRejectedProductionGoesBackToConstruction() throws Exception {
		ProcessInstance process = start();
		walkToConstruction(process);
		complete(task(process), advance());
		complete(task(process), decision(false));

		assertThat(process).hasPassed("Approved_PRODUCTION")
			.hasNotPassed("RecordMilestone_PRODUCTION")
			.isWaitingAt("RecordNextMilestone_CONSTRUCTION");
		complete(task(process), advance());
		complete(task(process), decision(true));
		assertThat(process).hasPassed("RecordMilestone_PRODUCTION").isEnded();
	}

	@ParameterizedTest
	@EnumSource(names = { "NEGOTIATION", "SIGNING", "SITE_SELECTION" })
	void aDropBeforeConstructionEndsTheProjectThroughRecordDrop(Stage stage) throws Exception {
		ProcessInstance process = start();
		for (Stage s = Stage.NEGOTIATION; s != stage; s = s.next().orElseThrow()) {
			complete(task(process), advance());
			if (s.next().orElseThrow().approvalRequired()) {
				complete(task(process), decision(true));
			}
		}
		assertThat(process).isWaitingAt("RecordNextMilestone_" + stage);
		complete(task(process), Map.of("action", "DROP"));

		assertThat(process).hasPassedInOrder("AdvanceOrDrop_" + stage, "DropRequested", "RecordDrop", "ProjectDropped")
			.isEnded();
		verify(projectDropRecorder).execute(any());
	}

	@Test
	void aProjectWhoseSigningWasRejectedMayStillBeDropped() throws Exception {
		ProcessInstance process = start();
		complete(task(process), advance());
		complete(task(process), decision(false));
		complete(task(process), Map.of("action", "DROP"));
		assertThat(process).hasPassed("NegotiationOpen", "DropRequested", "RecordDrop").isEnded();
	}

	@Test
	void aProjectEnteredMidWayWaitsAtItsCurrentStage() {
		ProcessInstance process = runtimeService().createProcessInstanceByKey("investment-project")
			.businessKey("7")
			.setVariables(Map.of("projectId", 7L, "officer", "officer"))
			.startBeforeActivity("RecordNextMilestone_CONSTRUCTION")
			.execute();
		assertThat(process).isWaitingAtExactly("RecordNextMilestone_CONSTRUCTION")
			.hasNotPassed("RecordMilestone_SIGNING", "RecordMilestone_CONSTRUCTION");
		assertThat(process).task().isAssignedTo("officer");
	}

	private static void walkToConstruction(ProcessInstance process) {
		complete(task(process), advance());
		complete(task(process), decision(true));
		complete(task(process), advance());
		complete(task(process), advance());
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("investment-project", "42",
				Map.of("projectId", 42L, "officer", "officer"));
	}

	private static Map<String, Object> advance() {
		return Map.of("action", "ADVANCE");
	}

	private static Map<String, Object> decision(boolean approved) {
		return Map.of("approved", approved);
	}

}
