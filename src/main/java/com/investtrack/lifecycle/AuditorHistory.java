package com.investtrack.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import com.investtrack.review.ReviewModel;

/**
 * The engine's history, cut down to what auditors use: process instances, task instances
 * (who did which task, when), the user operation log (who completed or decided what),
 * incidents, and every activity instance (the path each project took through the model,
 * gateways and timers included). Dropped: variable and detail history (every value a step
 * set is also in the milestone, approval and audit tables, which are the evidence of
 * record) and identity-link logs (the assignee is on the task instance). Of the job log
 * only the runs are kept, successful and failed: they are the evidence that each run of
 * the light sweep happened once, also when the node holding it died; the entries for a
 * job created or deleted say nothing an auditor needs. The light sweep's own instances
 * (one a minute, a timer and one service task each) leave nothing but those runs. That
 * saves a SELECT and two writes for every variable a step sets.
 * <p>
 * The history level stays {@code full}, so every event is still produced and the database
 * says what it always said; this handler only decides which events are written.
 */
@Component
class AuditorHistory extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new Filter(new DbHistoryEventHandler()));
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	/** Whether an event is written to the history tables. */
	static boolean kept(HistoryEvent event) {
		if (event instanceof HistoricJobLogEvent job) {
			return job.getState() == JobState.SUCCESSFUL.getStateCode()
					|| job.getState() == JobState.FAILED.getStateCode();
		}
		if (ReviewModel.SWEEP_PROCESS_ID.equals(event.getProcessDefinitionKey())) {
			return false;
		}
		return !(event instanceof HistoricDetailEventEntity || event instanceof HistoricIdentityLinkLogEventEntity
				|| event instanceof HistoricExternalTaskLogEntity);
	}

	private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (kept(event)) {
				delegate.handleEvent(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

	}

}
