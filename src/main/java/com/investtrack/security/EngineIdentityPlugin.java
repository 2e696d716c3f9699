package com.investtrack.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes the engine see the product's users and roles: its identity service reads app_user
 * and app_user_role (each role is a group), read-only, instead of Camunda's own ACT_ID_*
 * tables. Candidate groups in the model are role names, so the engine and the application
 * agree on who may work on a task.
 */
@Component
class EngineIdentityPlugin extends AbstractProcessEnginePlugin {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	EngineIdentityPlugin(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return ProductIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new ProductIdentityProvider(jdbc, encoder);
			}

		});
	}

}
