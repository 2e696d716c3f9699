package com.investtrack.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * bpmn/stalled-project-review.bpmn and bpmn/light-sweep.bpmn alone, the sweep's delegate
 * mocked.
 */
@ExtendWith(ProcessEngineExtension.class)
class ReviewModelsTest {

	private final JavaDelegate lightSweep = mock(JavaDelegate.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("lightSweep", lightSweep);
		Mocks.register("lightSweepSchedule", Map.of("cycle", "R/PT1M"));
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	@Deployment(resources = "bpmn/stalled-project-review.bpmn")
	void aManagerAcknowledgesTheReview() {
		ProcessInstance review = startReview();
		assertThat(review).isWaitingAt("ReviewStalledProject").task().hasCandidateGroup("MANAGER").isNotAssigned();
		complete(task(review));
		assertThat(review).hasPassed("ReviewAcknowledged").hasNotPassed("ReviewWithdrawn").isEnded();
	}

	@Test
	@Deployment(resources = "bpmn/stalled-project-review.bpmn")
	void theReviewClosesWhenTheProjectIsBackOnTrack() {
		ProcessInstance review = startReview();
		runtimeService().createMessageCorrelation(ReviewModel.BACK_ON_TRACK_MESSAGE)
			.processInstanceId(review.getId())
			.correlateWithResult();
		assertThat(review).hasPassed("ProjectBackOnTrack", "ReviewWithdrawn")
			.hasNotPassed("ReviewAcknowledged")
			.isEnded();
	}

	@Test
	@Deployment(resources = "bpmn/light-sweep.bpmn")
	void theSweepRunsOnItsTimerAndSchedulesTheNextRun() throws Exception {
		Job due = managementService().createJobQuery()
			.processDefinitionKey(ReviewModel.SWEEP_PROCESS_ID)
			.singleResult();
		assertThat(due).as("the cycle's timer, armed at deployment").isNotNull();

		long ran = System.currentTimeMillis();
		managementService().executeJob(due.getId());

		verify(lightSweep).execute(any());
		Job next = managementService().createJobQuery()
			.processDefinitionKey(ReviewModel.SWEEP_PROCESS_ID)
			.singleResult();
		assertThat(next.getId()).isNotEqualTo(due.getId());
		// the next run is a cycle (a minute) after this one: the engine keeps whole
		// seconds and takes its own clock
		// reading, which on a loaded machine lies a moment before ours, so 50 seconds is
		// the bound that still says
		// "a cycle later" and not "due again at once"
		assertThat(next.getDuedate().getTime()).isGreaterThan(ran + 50_000);
		assertThat(runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(ReviewModel.SWEEP_PROCESS_ID)
			.count()).as("each run ends at once").isZero();
	}

	private static ProcessInstance startReview() {
		return runtimeService().startProcessInstanceByKey(ReviewModel.PROCESS_ID, "42",
				Map.of(ReviewModel.VAR_PROJECT_ID, 42L));
	}

}
