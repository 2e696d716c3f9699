package com.investtrack.system;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.investtrack.common.DatabaseFailures;
import com.investtrack.operations.UnavailableAnswers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The last line against a 500 while the database restarts: a connection failure thrown
 * anywhere outside the controllers (the session store, the login throttle, the
 * per-request account check) is answered 503 with Retry-After, like the failures the
 * controllers' handlers catch. It runs before Spring Session and Spring Security, so it
 * also covers their filters; the request's transaction, if any, has already rolled back.
 * <p>
 * Being in front of everything that answers, it also counts every 503 the application
 * answers, whoever wrote it (see {@link UnavailableAnswers}); the health probes' 503s are
 * the load balancer's business and are not counted.
 */
@Component
@Order(DatabaseUnavailableFilter.ORDER)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	/**
	 * Inside Spring Boot's request observation (HIGHEST_PRECEDENCE + 1), so that the HTTP
	 * request metrics record the 503 answered here rather than the 500 of the exception
	 * it replaces; outside Spring Session (MIN_VALUE + 50) and Spring Security.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final UnavailableAnswers unavailable;

	DatabaseUnavailableFilter(UnavailableAnswers unavailable) {
		this.unavailable = unavailable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			answer(request, response, chain);
		}
		finally {
			if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE
					&& !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
				unavailable.count(request);
			}
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseFailures.isUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.toString());
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter()
					.write("{\"error\":\"unavailable\",\"message\":\"The database is unavailable; retry in a few "
							+ "seconds\",\"fields\":{}}");
			}
			else {
				// no template: rendering one could need the very database that is down
				response.setContentType(MediaType.TEXT_HTML_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter()
					.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>503</title></head><body>"
							+ "<h1>Temporarily unavailable</h1><p>The database is restarting. Try again in a few "
							+ "seconds.</p>" + "<p>数据库正在重启，请稍后重试。</p></body></html>");
			}
		}
	}

}
