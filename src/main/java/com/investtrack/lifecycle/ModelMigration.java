package com.investtrack.lifecycle;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.investtrack.common.Stage;

/**
 * Moves the running projects of earlier versions of the project model onto the latest one
 * when the application starts. The first versions kept a stage sub-process with yellow
 * and red timers in every project's instance; those timers raced the steps, so their
 * instances must not go on. Each waiting task (the officer's, or the manager's approval)
 * is mapped to the task of the same id in the latest version, keeping its id, assignee
 * and history; the stage sub-processes and their timers go; an open "review stalled
 * project" task of the old kind is cancelled (the light sweep opens a review of its own
 * for a project still red). Every instance moves in its own engine command, so two nodes
 * starting together each move what the other has not, and a failure leaves that instance
 * for the next start.
 */
@Component
class ModelMigration {

	private static final Logger log = LoggerFactory.getLogger(ModelMigration.class);

	private static final List<String> WAITING_TASKS = List.of(ProcessConstants.recordTask(Stage.NEGOTIATION),
			ProcessConstants.recordTask(Stage.SIGNING), ProcessConstants.recordTask(Stage.SITE_SELECTION),
			ProcessConstants.recordTask(Stage.CONSTRUCTION), ProcessConstants.approvalTask(Stage.SIGNING),
			ProcessConstants.approvalTask(Stage.PRODUCTION));

	/** The old models' event sub-process that held the review task, per stage. */
	private static final String OLD_RED_THRESHOLD_PREFIX = "RedThreshold_";

	private final RepositoryService repository;

	private final RuntimeService runtime;

	ModelMigration(RepositoryService repository, RuntimeService runtime) {
		this.repository = repository;
		this.runtime = runtime;
	}

	@EventListener(PostDeployEvent.class)
	void onDeployed() {
		migrateAll();
	}

	/** Migrates every running instance of an earlier version; returns how many moved. */
	int migrateAll() {
		ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey(ProcessConstants.PROCESS_ID)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return 0;
		}
		int moved = 0;
		for (ProcessDefinition old : repository.createProcessDefinitionQuery()
			.processDefinitionKey(ProcessConstants.PROCESS_ID)
			.list()) {
			if (old.getVersion() >= latest.getVersion()) {
				continue;
			}
			List<ProcessInstance> running = runtime.createProcessInstanceQuery()
				.processDefinitionId(old.getId())
				.list();
			if (running.isEmpty()) {
				continue;
			}
			MigrationPlan plan = plan(old, latest);
			for (ProcessInstance instance : running) {
				if (migrate(instance, plan)) {
					moved++;
				}
			}
			log.info("Moved {} of {} running projects from model version {} to {}", moved, running.size(),
					old.getVersion(), latest.getVersion());
		}
		return moved;
	}

	private MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
		var source = repository.getBpmnModelInstance(from.getId());
		MigrationPlanBuilder builder = runtime.createMigrationPlan(from.getId(), to.getId());
		WAITING_TASKS.stream()
			.filter(id -> source.getModelElementById(id) != null)
			.forEach(id -> builder.mapActivities(id, id));
		return builder.build();
	}

	private boolean migrate(ProcessInstance instance, MigrationPlan plan) {
		try {
			var modification = runtime.createProcessInstanceModification(instance.getId());
			boolean cancels = false;
			for (String active : runtime.getActiveActivityIds(instance.getId())) {
				if (active.startsWith("ReviewStalled_")) {
					modification
						.cancelAllForActivity(OLD_RED_THRESHOLD_PREFIX + active.substring("ReviewStalled_".length()));
					cancels = true;
				}
			}
			if (cancels) {
				modification.execute(true, true);
			}
			runtime.newMigration(plan)
				.processInstanceIds(instance.getId())
				.skipCustomListeners()
				.skipIoMappings()
				.execute();
			return true;
		}
		catch (ProcessEngineException ex) {
			// another node moved it first, or it ended meanwhile: nothing is lost, the
			// next start tries again
			log.warn("Project instance {} stays on its model version for now: {}", instance.getId(), ex.getMessage());
			return false;
		}
	}

}
