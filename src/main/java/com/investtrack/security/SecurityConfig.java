package com.investtrack.security;

import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.common.DatabaseFailures;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request is authenticated except the login page and static assets. Pages use a form login and the session;
 * scripts may call /api/** with HTTP Basic. The API answers 401/403 as JSON, pages redirect to the login form.
 */
@Configuration
class SecurityConfig {

	private static final RequestMatcher API = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/");

	/** Basic-authenticated API calls carry no session cookie a third-party page could ride on, so CSRF does not apply. */
	private static final RequestMatcher API_WITH_BASIC = request -> API.matches(request)
			&& request.getHeader("Authorization") != null
			&& request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6);

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, IdentityService identityService, ObjectMapper json)
			throws Exception {
		AuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint("/login");
		AuthenticationEntryPoint api = (request, response, ex) -> {
			// a login that failed because the database is down is not a wrong password: tell the client to retry
			if (DatabaseFailures.isUnavailable(ex)) {
				response.setHeader(HttpHeaders.RETRY_AFTER, "5");
				writeJson(json, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable",
						"The database is unavailable; retry in a few seconds");
			}
			else {
				writeJson(json, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Authentication required");
			}
		};
		AccessDeniedHandler denied = (request, response, ex) -> {
			if (API.matches(request)) {
				writeJson(json, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Access denied");
			}
			else {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
		};
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(api))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(API_WITH_BASIC))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(api, API)
				.defaultAuthenticationEntryPointFor(pages, request -> true)
				.accessDeniedHandler(denied))
			.addFilterAfter(new EngineIdentityFilter(identityService), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	static void writeJson(ObjectMapper json, HttpServletResponse response, int status, String error, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), Map.of("error", error, "message", message, "fields", Map.of()));
	}

}
