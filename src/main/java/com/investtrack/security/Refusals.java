package com.investtrack.security;

import java.io.IOException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one place where refusals are audited. Whatever refuses a signed-in caller (the
 * access policy in a service, the URL rules, the CSRF check) notes the reason on the
 * request; once the request is answered, with its transaction rolled back and its
 * connection returned, this filter writes one ACCESS_DENIED entry. So the API, the pages
 * and a page form that answers with a message instead of a 403 are audited alike, and
 * never twice.
 */
class Refusals extends OncePerRequestFilter {

	private static final String REASON = Refusals.class.getName() + ".reason";

	private final SecurityAudit audit;

	Refusals(SecurityAudit audit) {
		this.audit = audit;
	}

	/**
	 * Notes that the current request is being refused, and why; a later note does not
	 * replace the first.
	 */
	static void note(String reason) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST) == null) {
			request.setAttribute(REASON, reason == null ? "forbidden" : reason, RequestAttributes.SCOPE_REQUEST);
		}
	}

	static void note(HttpServletRequest request, String reason) {
		if (request.getAttribute(REASON) == null) {
			request.setAttribute(REASON, reason == null ? "forbidden" : reason);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			Object reason = request.getAttribute(REASON);
			if (reason == null && response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
				reason = "forbidden";
			}
			if (reason != null && SecurityContextHolder.getContext().getAuthentication() != null) {
				audit.accessDenied(request, reason.toString());
			}
		}
	}

}
