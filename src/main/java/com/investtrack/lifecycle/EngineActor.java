package com.investtrack.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

import com.investtrack.security.CurrentUser;

/**
 * Who the engine is working for right now: the authenticated user, or "system" on the job
 * executor's threads.
 */
final class EngineActor {

	static String of(DelegateExecution execution) {
		Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return auth == null || auth.getUserId() == null ? CurrentUser.SYSTEM : auth.getUserId();
	}

	private EngineActor() {
	}

}
