package com.investtrack.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.common.DatabaseFailures;
import com.investtrack.common.Role;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request is authenticated except the login page, static assets and the health
 * probes. Pages use a form login and the session; scripts may call /api/** with HTTP
 * Basic, and so may a Prometheus scraper /actuator/prometheus (an administrator's
 * account). The API and the actuator answer 401/403 as JSON, pages redirect to the login
 * form. The URL rules below are a first fence; the services check role, ownership and
 * four-eyes again (AccessPolicy).
 */
@Configuration
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	/**
	 * The JSON API and its description: answered with JSON (401, 403), never sent to the
	 * login form.
	 */
	private static final RequestMatcher API = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/")
			|| request.getRequestURI().startsWith(request.getContextPath() + "/v3/api-docs");

	/**
	 * Callers that are programs, not browsers: answered with a status and JSON, never
	 * sent to the login form.
	 */
	private static final RequestMatcher MACHINES = request -> API.matches(request)
			|| request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");

	/**
	 * API calls that ride on no session have no credentials a browser would add by
	 * itself, so CSRF does not apply: Basic credentials travel in a header a third-party
	 * page cannot set, and browsers never cache them for this site because no answer asks
	 * for them (no WWW-Authenticate header). Anonymous calls go on to be answered 401.
	 */
	private static final RequestMatcher API_WITHOUT_SESSION = request -> API.matches(request)
			&& (request.getSession(false) == null || (request.getHeader(HttpHeaders.AUTHORIZATION) != null
					&& request.getHeader(HttpHeaders.AUTHORIZATION).regionMatches(true, 0, "Basic ", 0, 6)));

	private static final RequestMatcher WRITE = request -> !HttpMethod.GET.matches(request.getMethod())
			&& !HttpMethod.HEAD.matches(request.getMethod()) && !HttpMethod.OPTIONS.matches(request.getMethod());

	private static final RequestMatcher ADMIN_PATHS = request -> {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/");
	};

	private static final RequestMatcher READ = request -> !WRITE.matches(request);

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, IdentityService identityService, ObjectMapper json,
			CachedCredentialsAuthenticationProvider passwordChecker, LoginThrottle throttle, SecurityAudit audit,
			UserRepository users) throws Exception {
		AuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint("/login");
		AuthenticationEntryPoint api = (request, response, ex) -> {
			// a login that failed because the database is down is not a wrong password:
			// tell the client to retry
			if (DatabaseFailures.isUnavailable(ex)) {
				response.setHeader(HttpHeaders.RETRY_AFTER, "5");
				writeJson(json, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable",
						"The database is unavailable; retry in a few seconds");
			}
			else if (ex instanceof LoginThrottledException throttled) {
				long seconds = Math.max(1, Duration.between(Instant.now(), throttled.until()).toSeconds());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
				writeJson(json, response, 429, "too_many_attempts",
						"Too many failed logins; try again in " + ((seconds + 59) / 60) + " minutes");
			}
			else {
				writeJson(json, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
						"Authentication required");
			}
		};
		AccessDeniedHandler denied = (request, response, ex) -> {
			Refusals.note(request, ex.getMessage());
			if (MACHINES.matches(request)) {
				writeJson(json, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Access denied");
			}
			else {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
		};
		var failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setDefaultFailureUrl("/login?error");
		failure.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?locked"));

		http.authenticationManager(
				new ProviderManager(new ThrottlingAuthenticationProvider(passwordChecker, throttle, audit)));
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico")
			.permitAll()
			// the load balancer's probes; they show no details
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			// everyone signed in reads the working-day calendar (the lights count by it);
			// administrators change it
			.requestMatchers(HttpMethod.GET, "/admin/calendar")
			.authenticated()
			.requestMatchers("/actuator/prometheus")
			.hasRole(Role.ADMIN.name())
			// auditors may read the accounts; only administrators change them, parks
			// included
			.requestMatchers(request -> READ.matches(request) && ADMIN_PATHS.matches(request))
			.hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
			.requestMatchers(ADMIN_PATHS)
			.hasRole(Role.ADMIN.name())
			// a supervision notice's owner may be any user (a leader too): its service
			// lets only the owner reply
			.requestMatchers(HttpMethod.POST, "/api/notices/*/reply")
			.authenticated()
			// auditors, and anyone else without a working role, change nothing
			.requestMatchers(WRITE)
			.hasAnyRole(Role.OFFICER.name(), Role.MANAGER.name(), Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(failure).permitAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(api))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(API_WITHOUT_SESSION))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(api, MACHINES)
				.defaultAuthenticationEntryPointFor(pages, request -> true)
				.accessDeniedHandler(denied))
			.addFilterBefore(new Refusals(audit), ExceptionTranslationFilter.class)
			.addFilterAfter(new AccountStatusFilter(users), CsrfFilter.class)
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
