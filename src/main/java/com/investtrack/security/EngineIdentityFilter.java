package com.investtrack.security;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs every engine call of a request as the authenticated user with their roles as
 * groups, so that the engine's own history names the actor and the task listeners can
 * check who completes a task.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	EngineIdentityFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser user = CurrentUsers.of(SecurityContextHolder.getContext().getAuthentication());
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		List<String> groups = user.roles().stream().map(Enum::name).toList();
		identityService.setAuthentication(user.username(), groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
