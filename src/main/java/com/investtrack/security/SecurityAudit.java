package com.investtrack.security;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Writes the security events that change nothing themselves (failed logins, denied
 * accesses) to the audit trail, each in a transaction of its own: the refused request's
 * own transaction, if any, has been rolled back.
 */
@Component
class SecurityAudit {

	private static final Pattern PROJECT_PATH = Pattern.compile("/projects/(\\d{1,18})(?:/|$)");

	private final AuditTrail audit;

	SecurityAudit(AuditTrail audit) {
		this.audit = audit;
	}

	void loginFailed(String username, String address, String reason, Instant lockedUntil) {
		String details = "from " + clean(address, 64) + ": " + reason
				+ (lockedUntil == null ? "" : "; further attempts refused until " + lockedUntil);
		audit.appendAlone(AuditEvent.of(clean(username, 64), AuditAction.LOGIN_FAILED, null).details(details));
	}

	/**
	 * Records that the authenticated caller was refused (403). Anonymous callers are not
	 * recorded: they are answered 401 before any rule is applied, and recording them
	 * would let anyone fill the trail.
	 */
	public void accessDenied(HttpServletRequest request, String reason) {
		CurrentUser user = CurrentUsers.of(SecurityContextHolder.getContext().getAuthentication());
		if (user == null) {
			return;
		}
		String path = request.getRequestURI();
		Matcher project = PROJECT_PATH.matcher(path);
		Long projectId = project.find() ? Long.valueOf(project.group(1)) : null;
		audit.appendAlone(AuditEvent.of(user.username(), AuditAction.ACCESS_DENIED, projectId)
			.details(request.getMethod() + " " + clean(path, 500) + ": " + clean(reason, 500)));
	}

	/**
	 * Strips control characters and bounds the length of values an attacker chooses, such
	 * as a username tried.
	 */
	private static String clean(String value, int max) {
		if (value == null) {
			return "";
		}
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		return printable.length() > max ? printable.substring(0, max) : printable;
	}

}
