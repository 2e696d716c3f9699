package com.investtrack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.investtrack.approval.ApprovalService;
import com.investtrack.approval.Decision;
import com.investtrack.common.ConflictException;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.security.CurrentUser;
import com.investtrack.support.AppTestBase;
import com.investtrack.support.TestData;

/**
 * Every path of bpmn/investment-project.bpmn, driven through the product's services with
 * the real delegates and listeners, in the whole application (the model alone, with its
 * delegates mocked, is InvestmentProjectModelTest).
 */
class InvestmentProjectProcessTest extends AppTestBase {

	private static final CurrentUser OFFICER = new CurrentUser("officer", EnumSet.of(Role.OFFICER));

	private static final CurrentUser LEAD = new CurrentUser("lead", EnumSet.of(Role.OFFICER, Role.MANAGER));

	private static final CurrentUser MANAGER = new CurrentUser("manager", EnumSet.of(Role.MANAGER));

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProjectLifecycle lifecycle;

	@Autowired
	ApprovalService approvals;

	@Autowired
	IdentityService identity;

	@Autowired
	RepositoryService repository;

	@BeforeEach
	void initAssertions() {
		BpmnAwareTests.init(engine);
	}

	@AfterEach
	void clearIdentity() {
		identity.clearAuthentication();
	}

	@Test
	void happyPathRecordsEveryMilestoneAndEndsInProduction() {
		LocalDate start = today().minusDays(400);
		long id = create(OFFICER, start);
		ProcessInstance process = process(id);
		assertThat(process).isStarted()
			.hasBusinessKey(String.valueOf(id))
			.isWaitingAt("RecordNextMilestone_NEGOTIATION");
		assertThat(process).task().isAssignedTo("officer");

		assertThat(advance(OFFICER, id, Stage.SIGNING, start.plusDays(20)))
			.isEqualTo(ProjectLifecycle.AdvanceResult.AWAITING_APPROVAL);
		assertThat(process).isWaitingAt("Approve_SIGNING").task().hasCandidateGroup("MANAGER").isNotAssigned();
		decide(MANAGER, id, Decision.APPROVE, "terms agreed");
		assertThat(process)
			.hasPassedInOrder("RecordNextMilestone_NEGOTIATION", "AdvanceOrDrop_NEGOTIATION", "Approve_SIGNING",
					"Approved_SIGNING", "RecordMilestone_SIGNING")
			.isWaitingAt("RecordNextMilestone_SIGNING");

		assertThat(advance(OFFICER, id, Stage.SITE_SELECTION, start.plusDays(36)))
			.isEqualTo(ProjectLifecycle.AdvanceResult.RECORDED);
		assertThat(process).hasPassed("AdvanceOrDrop_SIGNING", "RecordMilestone_SITE_SELECTION")
			.isWaitingAt("RecordNextMilestone_SITE_SELECTION");
		advance(OFFICER, id, Stage.CONSTRUCTION, start.plusDays(70));
		assertThat(process).hasPassed("RecordMilestone_CONSTRUCTION").isWaitingAt("RecordNextMilestone_CONSTRUCTION");

		assertThat(advance(OFFICER, id, Stage.PRODUCTION, start.plusDays(390)))
			.isEqualTo(ProjectLifecycle.AdvanceResult.AWAITING_APPROVAL);
		assertThat(process).isWaitingAt("Approve_PRODUCTION").task().hasCandidateGroup("MANAGER");
		decide(MANAGER, id, Decision.APPROVE, "acceptance passed");

		assertThat(process)
			.hasPassedInOrder("Approve_PRODUCTION", "Approved_PRODUCTION", "RecordMilestone_PRODUCTION", "InProduction")
			.hasNotPassed("RecordDrop", "ProjectDropped")
			.isEnded();
		assertThat(milestones(id)).containsExactly("NEGOTIATION " + start + " officer null",
				"SIGNING " + start.plusDays(20) + " officer manager",
				"SITE_SELECTION " + start.plusDays(36) + " officer null",
				"CONSTRUCTION " + start.plusDays(70) + " officer null",
				"PRODUCTION " + start.plusDays(390) + " officer manager");
		assertThat(project(id, "outcome")).isEqualTo("IN_PRODUCTION");
		assertThat(project(id, "stage")).isEqualTo("PRODUCTION");
		assertThat(management.createJobQuery().processInstanceId(process.getId()).count()).isZero();
	}

	@Test
	void rejectedSigningGoesBackToTheOfficerWhoMayAskAgain() {
		LocalDate start = today().minusDays(50);
		long id = create(OFFICER, start);
		ProcessInstance process = process(id);
		advance(OFFICER, id, Stage.SIGNING, start.plusDays(10));
		decide(MANAGER, id, Decision.REJECT, "investment intensity too low");

		assertThat(process).hasPassed("Approved_SIGNING")
			.hasNotPassed("RecordMilestone_SIGNING")
			.isWaitingAt("RecordNextMilestone_NEGOTIATION");
		assertThat(process).task().hasDefinitionKey("RecordNextMilestone_NEGOTIATION").isAssignedTo("officer");
		assertThat(project(id, "stage")).isEqualTo("NEGOTIATION");
		assertThat(approvalStatuses(id)).containsExactly("REJECTED");

		advance(OFFICER, id, Stage.SIGNING, start.plusDays(12));
		assertThat(process).isWaitingAt("Approve_SIGNING");
		decide(MANAGER, id, Decision.APPROVE, "revised terms accepted");
		assertThat(process).hasPassed("RecordMilestone_SIGNING").isWaitingAt("RecordNextMilestone_SIGNING");
		assertThat(approvalStatuses(id)).containsExactly("REJECTED", "APPROVED");
		assertThat(milestones(id)).containsExactly("NEGOTIATION " + start + " officer null",
				"SIGNING " + start.plusDays(12) + " officer manager");
	}

	@Test
	void rejectedProductionGoesBackToConstructionAndIsAcceptedLater() {
		LocalDate start = today().minusDays(600);
		long id = create(OFFICER, start);
		ProcessInstance process = process(id);
		walkTo(id, Stage.CONSTRUCTION, start);
		advance(OFFICER, id, Stage.PRODUCTION, start.plusDays(400));
		decide(MANAGER, id, Decision.REJECT, "fire safety acceptance missing");

		assertThat(process).hasPassed("Approved_PRODUCTION", "ConstructionOpen")
			.hasNotPassed("RecordMilestone_PRODUCTION")
			.isWaitingAt("RecordNextMilestone_CONSTRUCTION")
			.isNotEnded();
		assertThat(project(id, "outcome")).isEqualTo("ACTIVE");

		advance(OFFICER, id, Stage.PRODUCTION, start.plusDays(450));
		decide(MANAGER, id, Decision.APPROVE, "accepted");
		assertThat(process).hasPassed("RecordMilestone_PRODUCTION", "InProduction").isEnded();
		assertThat(milestones(id)).last().isEqualTo("PRODUCTION " + start.plusDays(450) + " officer manager");
	}

	@Test
	void dropInNegotiationTakesTheDropGatewaysToRecordDrop() {
		LocalDate start = today().minusDays(30);
		long id = create(OFFICER, start);
		ProcessInstance process = process(id);
		drop(OFFICER, id, start.plusDays(5), "investor went to Xiangyang");

		assertThat(process)
			.hasPassedInOrder("RecordNextMilestone_NEGOTIATION", "AdvanceOrDrop_NEGOTIATION", "DropRequested",
					"RecordDrop", "ProjectDropped")
			.hasNotPassed("Approve_SIGNING", "RecordMilestone_SIGNING")
			.isEnded();
		assertDropped(id, start.plusDays(5), "investor went to Xiangyang");
	}

	@Test
	void dropAfterARejectedSigningRequest() {
		LocalDate start = today().minusDays(30);
		long id = create(OFFICER, start);
		ProcessInstance process = process(id);
		advance(OFFICER, id, Stage.SIGNING, start.plusDays(3));
		decide(MANAGER, id, Decision.REJECT, "no");
		drop(OFFICER, id, start.plusDays(4), "investor withdrew");

		assertThat(process)
			.hasPassed("Approve_SIGNING", "NegotiationOpen", "DropRequested", "RecordDrop", "ProjectDropped")
			.hasNotPassed("RecordMilestone_SIGNING")
			.isEnded();
		assertDropped(id, start.plusDays(4), "investor withdrew");
	}

	@ParameterizedTest
	@EnumSource(names = { "SIGNING", "SITE_SELECTION" })
	void dropInALaterStageLeavesTheStageAndRecordsTheDrop(Stage stage) {
		LocalDate start = today().minusDays(100);
		long id = create(OFFICER, start);
		ProcessInstance process = process(id);
		LocalDate entered = walkTo(id, stage, start);
		drop(OFFICER, id, entered.plusDays(1), "land price too high");

		assertThat(process).hasPassedInOrder("AdvanceOrDrop_" + stage, "DropRequested", "RecordDrop", "ProjectDropped")
			.hasNotPassed("RecordMilestone_" + stage.next().orElseThrow())
			.isEnded();
		assertDropped(id, entered.plusDays(1), "land price too high");
		assertThat(project(id, "stage")).isEqualTo(stage.name());
	}

	@Test
	void constructionHasNoDropPath() {
		LocalDate start = today().minusDays(100);
		long id = create(OFFICER, start);
		ProcessInstance process = process(id);
		LocalDate entered = walkTo(id, Stage.CONSTRUCTION, start);
		var before = stateOf(id);

		assertThatThrownBy(() -> drop(OFFICER, id, entered, "changed mind")).isInstanceOf(ConflictException.class)
			.hasMessageContaining("construction");
		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(process).isWaitingAt("RecordNextMilestone_CONSTRUCTION");

		// and the model itself offers none: the construction stage leads to production
		// only
		var model = repository.getBpmnModelInstance(engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(process.getId())
			.singleResult()
			.getProcessDefinitionId());
		var flows = model.getModelElementsByType(SequenceFlow.class);
		assertThat(flows).filteredOn(f -> f.getSource().getId().equals("RecordNextMilestone_CONSTRUCTION"))
			.extracting(f -> f.getTarget().getId())
			.containsExactly("Approve_PRODUCTION");
		assertThat(flows).filteredOn(f -> f.getTarget().getId().equals("DropRequested"))
			.extracting(f -> f.getSource().getId())
			.containsExactlyInAnyOrder("AdvanceOrDrop_NEGOTIATION", "AdvanceOrDrop_SIGNING",
					"AdvanceOrDrop_SITE_SELECTION");
	}

	@Test
	void aSecondAdvanceWhileTheApprovalIsPendingIsRefused() {
		LocalDate start = today().minusDays(10);
		long id = create(OFFICER, start);
		advance(OFFICER, id, Stage.SIGNING, start.plusDays(1));
		var before = stateOf(id);

		assertThatThrownBy(() -> advance(OFFICER, id, Stage.SIGNING, start.plusDays(2)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("pending");
		assertThatThrownBy(() -> drop(OFFICER, id, start.plusDays(2), "x")).isInstanceOf(ConflictException.class);
		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(process(id)).isWaitingAt("Approve_SIGNING");
	}

	/**
	 * What the history keeps (AuditorHistory): tasks, activities and the operation log;
	 * no variable values (they are in the product's tables). A project's instance holds
	 * no timer: nothing in it can race a step.
	 */
	@Test
	void historyKeepsWhatAuditorsUseAndTheInstanceHasNoTimers() {
		LocalDate start = today().minusDays(100);
		long id = create(OFFICER, start);
		String instance = process(id).getId();
		LocalDate entered = walkTo(id, Stage.SITE_SELECTION, start, 1);
		assertThat(management.createJobQuery().processInstanceId(instance).count()).isZero();
		leave(id, Stage.SITE_SELECTION, entered.plusDays(1));

		var history = engine.getHistoryService();
		assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).list())
			.extracting(t -> t.getTaskDefinitionKey())
			.contains("RecordNextMilestone_NEGOTIATION", "Approve_SIGNING", "RecordNextMilestone_SITE_SELECTION");
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance)
			.activityId("RecordMilestone_SITE_SELECTION")
			.finished()
			.count()).isEqualTo(1);
		assertThat(history.createUserOperationLogQuery().processInstanceId(instance).operationType("Complete").count())
			.isGreaterThanOrEqualTo(3);
	}

	/**
	 * Retention counts from the end of an instance (end-time-based cleanup), so ending a
	 * project stamps no removal time on its history rows.
	 */
	@Test
	void historyIsKeptForItsTimeToLiveFromTheEndWithoutRemovalTimes() {
		var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		assertThat(config.getHistoryCleanupStrategy())
			.isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
		LocalDate start = today().minusDays(100);
		long id = create(OFFICER, start);
		String instance = process(id).getId();
		walkTo(id, Stage.PRODUCTION, start, 1);

		var history = engine.getHistoryService();
		var ended = history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
		assertThat(ended.getEndTime()).isNotNull();
		assertThat(ended.getRemovalTime()).isNull();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list()).isNotEmpty()
			.allSatisfy(a -> assertThat(a.getRemovalTime()).isNull());
		assertThat(engine.getRepositoryService()
			.getProcessDefinition(ended.getProcessDefinitionId())
			.getHistoryTimeToLive()).isEqualTo(3650);
	}

	@Test
	void theRequesterCannotCompleteTheApprovalTaskThroughTheEngine() {
		LocalDate start = today().minusDays(10);
		long id = create(LEAD, start);
		advance(LEAD, id, Stage.SIGNING, start.plusDays(1));
		String task = openTask(id, "Approve_SIGNING").getId();
		var before = stateOf(id);

		identity.setAuthentication("lead", List.of("OFFICER", "MANAGER"));
		assertThatThrownBy(() -> taskService.complete(task, Map.of("approved", true)))
			.satisfies(ex -> assertThat(causes(ex)).anyMatch(ForbiddenException.class::isInstance));
		identity.clearAuthentication();

		assertThat(stateOf(id)).isEqualTo(before);
		assertThat(approvalStatuses(id)).containsExactly("PENDING");
		assertThat(process(id)).isWaitingAt("Approve_SIGNING");
	}

	@Test
	void anotherManagerCompletingTheApprovalTaskThroughTheEngineIsRecordedAsTheApprover() {
		LocalDate start = today().minusDays(10);
		long id = create(LEAD, start);
		advance(LEAD, id, Stage.SIGNING, start.plusDays(1));
		String task = openTask(id, "Approve_SIGNING").getId();

		identity.setAuthentication("manager", List.of("MANAGER"));
		taskService.complete(task, Map.of("approved", true));
		identity.clearAuthentication();

		assertThat(process(id)).isWaitingAt("RecordNextMilestone_SIGNING");
		assertThat(jdbc.sql("SELECT decided_by FROM approval_request WHERE task_id = ?")
			.param(task)
			.query(String.class)
			.single()).isEqualTo("manager");
		assertThat(milestones(id)).last().isEqualTo("SIGNING " + start.plusDays(1) + " lead manager");
	}

	// --- driving the product's services as a logged-in user would

	private long create(CurrentUser user, LocalDate start) {
		return as(user,
				() -> lifecycle.create(new ProjectLifecycle.CreateCommand(null,
						TestData.facts("Process test " + System.nanoTime(), "JS-IMP"), user.username(), start,
						Map.of()), user));
	}

	private ProjectLifecycle.AdvanceResult advance(CurrentUser user, long id, Stage to, LocalDate on) {
		return as(user, () -> lifecycle.advance(id, to, on, "comment on " + to, user));
	}

	private void drop(CurrentUser user, long id, LocalDate on, String reason) {
		as(user, () -> {
			lifecycle.drop(id, on, reason, user);
			return null;
		});
	}

	private void decide(CurrentUser manager, long id, Decision decision, String comment) {
		String task = taskService.createTaskQuery()
			.processInstanceId(processInstanceOf(id))
			.taskDefinitionKeyLike("Approve_%")
			.singleResult()
			.getId();
		as(manager, () -> approvals.decide(task, decision, comment, manager));
	}

	/**
	 * Walks an officer's project from NEGOTIATION into {@code stage}, {@code step} days
	 * per milestone; returns the entry date.
	 */
	private LocalDate walkTo(long id, Stage stage, LocalDate start, int step) {
		LocalDate on = start;
		Stage current = Stage.NEGOTIATION;
		while (current != stage) {
			on = on.plusDays(step);
			leave(id, current, on);
			current = current.next().orElseThrow();
		}
		return on;
	}

	private LocalDate walkTo(long id, Stage stage, LocalDate start) {
		return walkTo(id, stage, start, 5);
	}

	/**
	 * Records the milestone that ends {@code stage}, with the manager's approval where it
	 * needs one.
	 */
	private void leave(long id, Stage stage, LocalDate on) {
		Stage next = stage.next().orElseThrow();
		advance(OFFICER, id, next, on);
		if (next.approvalRequired()) {
			decide(MANAGER, id, Decision.APPROVE, "ok");
		}
	}

	private <T> T as(CurrentUser user, Supplier<T> action) {
		identity.setAuthentication(user.username(), user.roles().stream().map(Enum::name).toList());
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	// --- reading what the steps left behind

	private ProcessInstance process(long id) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceOf(id)).singleResult();
	}

	private List<String> milestones(long id) {
		return jdbc
			.sql("SELECT stage, effective_on, entered_by, approved_by FROM milestone WHERE project_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> rs.getString(1) + " " + rs.getDate(2).toLocalDate() + " " + rs.getString(3) + " "
					+ rs.getString(4))
			.list();
	}

	private List<String> approvalStatuses(long id) {
		return jdbc.sql("SELECT status FROM approval_request WHERE project_id = ? ORDER BY id")
			.param(id)
			.query(String.class)
			.list();
	}

	private List<String> audit(Long projectId, String action) {
		return jdbc.sql("SELECT actor, from_stage FROM audit_entry WHERE action = ?"
				+ (projectId == null ? " AND project_id IS NULL" : " AND project_id = " + projectId) + " ORDER BY seq")
			.param(action)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
	}

	private String project(long id, String column) {
		return jdbc.sql("SELECT " + column + " FROM project WHERE id = ?").param(id).query(String.class).single();
	}

	private void assertDropped(long id, LocalDate on, String reason) {
		var row = jdbc.sql("SELECT outcome, dropped_on, drop_reason FROM project WHERE id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getDate(2).toLocalDate().toString(), rs.getString(3)))
			.single();
		assertThat(row).containsExactly("DROPPED", on.toString(), reason);
		assertThat(audit(id, "PROJECT_DROPPED")).hasSize(1);
	}

	private static List<Throwable> causes(Throwable ex) {
		var list = new java.util.ArrayList<Throwable>();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			list.add(t);
		}
		return list;
	}

}
