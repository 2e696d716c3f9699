package com.investtrack.bare;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Camunda's REST API as its documentation secures it in a Spring Boot application: the
 * engine's own {@link ProcessEngineAuthenticationFilter} with HTTP Basic on
 * {@code /engine-rest/*}, checking every request's password against the engine's identity
 * service (ACT_ID_USER, salted SHA-512) and loading the user's groups and tenants. The
 * benchmark's REST clients log in as {@code benchrest} (the engine allows no hyphen in an
 * id).
 */
@Configuration
class RestBasicAuth {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		registration.setName("camunda-rest-basic-auth");
		return registration;
	}

	@Bean
	RestUser restUser(IdentityService identity, @Value("${bench.rest-password:bench-password}") String password) {
		return new RestUser(identity, password);
	}

	/** Creates the REST clients' user once the engine is up (kept on a restart). */
	static final class RestUser {

		private final IdentityService identity;

		private final String password;

		RestUser(IdentityService identity, String password) {
			this.identity = identity;
			this.password = password;
		}

		@EventListener(ApplicationReadyEvent.class)
		void create() {
			if (identity.createUserQuery().userId("benchrest").singleResult() == null) {
				User user = identity.newUser("benchrest");
				user.setFirstName("Bench");
				user.setLastName("REST");
				user.setPassword(password);
				identity.saveUser(user);
			}
		}

	}

}
