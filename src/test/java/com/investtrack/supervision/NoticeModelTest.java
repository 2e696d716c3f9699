package com.investtrack.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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
 * bpmn/supervision-notice.bpmn alone, its escalation delegate mocked: the levels it asks
 * for are recorded.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/supervision-notice.bpmn")
class NoticeModelTest {

	private final JavaDelegate escalation = mock(JavaDelegate.class);

	private final List<String> raised = new ArrayList<>();

	@BeforeEach
	void registerMocks() throws Exception {
		doAnswer(call -> raised.add((String) ((DelegateExecution) call.getArgument(0)).getVariableLocal("level")))
			.when(escalation)
			.execute(any());
		Mocks.register("noticeEscalation", escalation);
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void theOwnerRepliesInTimeAndAManagerClosesTheNotice() {
		ProcessInstance notice = issue();
		assertThat(notice).isWaitingAt(NoticeModel.REPLY_TASK).task().isAssignedTo("officer");
		assertThat(deadlineTimer(notice)).as("the deadline's timer waits").isNotNull();

		complete(task(notice));
		assertThat(notice).isWaitingAt(NoticeModel.CLOSE_TASK).task().hasCandidateGroup("MANAGER").isNotAssigned();
		assertThat(jobs(notice)).as("a reply stops the escalation").isEmpty();

		complete(task(notice), Map.of(NoticeModel.VAR_CLOSED, true));
		assertThat(notice).hasPassed("Replied", "NoticeClosed").hasNotPassed("RaiseToYellow").isEnded();
		assertThat(raised).isEmpty();
	}

	@Test
	void anUnansweredNoticeTurnsYellowAtItsDeadlineAndRedDaysLaterWhileTheReplyStaysOpen() {
		ProcessInstance notice = issue();

		fire(deadlineTimer(notice));
		assertThat(raised).containsExactly("YELLOW");
		assertThat(notice).isWaitingAt(NoticeModel.REPLY_TASK, "StillUnanswered");
		Job toRed = jobs(notice).get(0);
		assertThat(toRed.getDuedate()).as("seven days after turning yellow")
			.isAfter(Date.from(Instant.now().plusSeconds(7 * 86400 - 120)));

		fire(toRed);
		assertThat(raised).containsExactly("YELLOW", "RED");
		assertThat(notice).hasPassed("NoticeAtRed").isWaitingAt(NoticeModel.REPLY_TASK);

		complete(task(notice));
		assertThat(notice).isWaitingAt(NoticeModel.CLOSE_TASK);
	}

	@Test
	void aReplyWhileYellowStopsTheWayToRed() {
		ProcessInstance notice = issue();
		fire(deadlineTimer(notice));

		complete(task(notice));

		assertThat(jobs(notice)).isEmpty();
		assertThat(notice).isWaitingAt(NoticeModel.CLOSE_TASK).hasNotPassed("RaiseToRed");
		assertThat(raised).containsExactly("YELLOW");
	}

	@Test
	void aNoticeSentBackAwaitsANewReplyAndItsEscalationStartsAgain() {
		ProcessInstance notice = issue();
		complete(task(notice));

		complete(task(notice), Map.of(NoticeModel.VAR_CLOSED, false));

		assertThat(notice).isWaitingAt(NoticeModel.REPLY_TASK).task().isAssignedTo("officer");
		fire(deadlineTimer(notice));
		assertThat(raised).containsExactly("YELLOW");
		complete(task(notice));
		complete(task(notice), Map.of(NoticeModel.VAR_CLOSED, true));
		assertThat(notice).hasPassed("NoticeClosed").isEnded();
	}

	private static ProcessInstance issue() {
		return runtimeService().startProcessInstanceByKey(NoticeModel.PROCESS_ID,
				Map.of(NoticeModel.VAR_OWNER, "officer", NoticeModel.VAR_OVERDUE_AT,
						Date.from(Instant.now().plusSeconds(3 * 86400)), NoticeModel.VAR_RED_AFTER, "P7D"));
	}

	private static Job deadlineTimer(ProcessInstance notice) {
		return managementService().createJobQuery()
			.processInstanceId(notice.getId())
			.activityId("DeadlinePassed")
			.singleResult();
	}

	private static List<Job> jobs(ProcessInstance notice) {
		return managementService().createJobQuery().processInstanceId(notice.getId()).list();
	}

	/**
	 * Makes the timer due now (as if its day had come) and runs it as the job executor
	 * would.
	 */
	private static void fire(Job job) {
		managementService().setJobDuedate(job.getId(), new Date());
		managementService().executeJob(job.getId());
	}

}
