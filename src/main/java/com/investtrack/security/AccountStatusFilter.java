package com.investtrack.security;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a session whose account was disabled, deleted, given other roles or a new password
 * since the session began: one primary-key read per request against the shared database,
 * so it holds on every node at once. The request then goes on as anonymous: the API
 * answers 401 and pages redirect to the login form.
 */
class AccountStatusFilter extends OncePerRequestFilter {

	private final UserRepository users;

	AccountStatusFilter(UserRepository users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal principal) {
			// a database failure here propagates: DatabaseUnavailableFilter, in front of
			// everything, answers it 503
			boolean current = users.status(principal.getUsername())
				.filter(st -> st.enabled() && st.authVersion() == principal.authVersion())
				.isPresent();
			if (!current) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

}
