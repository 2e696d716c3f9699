package com.investtrack.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history, cut down to what auditors use: process instances, task instances (who did which task, when),
 * the user operation log (who completed or decided what), incidents, and the activity instances of the steps that
 * matter (user tasks, service tasks, the process's own start and end). Dropped: variable and detail history (every
 * value a step set is also in the milestone, approval and audit tables, which are the evidence of record), job logs
 * of the threshold timers, identity-link logs (the assignee is on the task instance), and the activity instances of
 * gateways, sub-process scopes and their inner start and end events. That saves a quarter of the statements of a step,
 * including a SELECT for every variable update.
 * <p>
 * The history level stays {@code full}, so every event is still produced and the database says what it always said;
 * this handler only decides which events are written.
 */
@Component
class AuditorHistory extends AbstractProcessEnginePlugin {

	/** Activity types whose instances are kept wherever they are. */
	static final Set<String> KEPT_ACTIVITY_TYPES = Set.of("userTask", "serviceTask");

	/** Activity types kept at the process's own level only: its start and its end, not those of each stage. */
	static final Set<String> KEPT_PROCESS_LEVEL_TYPES = Set.of("startEvent", "noneEndEvent", "terminateEndEvent");

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
		if (event instanceof HistoricDetailEventEntity || event instanceof HistoricJobLogEvent
				|| event instanceof HistoricIdentityLinkLogEventEntity || event instanceof HistoricExternalTaskLogEntity) {
			return false;
		}
		if (event instanceof HistoricActivityInstanceEventEntity activity) {
			return KEPT_ACTIVITY_TYPES.contains(activity.getActivityType())
					|| KEPT_PROCESS_LEVEL_TYPES.contains(activity.getActivityType()) && activity.getProcessInstanceId() != null
							&& activity.getProcessInstanceId().equals(activity.getParentActivityInstanceId());
		}
		return true;
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
