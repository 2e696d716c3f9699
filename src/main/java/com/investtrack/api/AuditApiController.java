package com.investtrack.api;

import java.time.LocalDate;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEntry;
import com.investtrack.audit.AuditFilter;
import com.investtrack.audit.AuditTrail;
import com.investtrack.audit.Verification;
import com.investtrack.common.PageResult;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The audit trail, for auditors and managers. */
@RestController
@Tag(name = "Audit", description = "The hash-chained audit trail")
@RequestMapping("/api/audit")
@Validated
class AuditApiController {

	private final AuditTrail audit;

	private final AccessPolicy access;

	AuditApiController(AuditTrail audit, AccessPolicy access) {
		this.access = access;
		this.audit = audit;
	}

	@Operation(
			summary = "Page through the audit trail, filtered by dates, actor, project and action (auditors, managers)")
	@GetMapping
	PageResult<AuditEntry> find(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) @Size(max = 64) @Pattern(regexp = ProjectRequests.NO_CONTROL,
					message = "must not contain control characters") String actor,
			@RequestParam(required = false) Long projectId, @RequestParam(required = false) AuditAction action,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1000000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, CurrentUser user) {
		checkAuditor(user);
		return audit.find(new AuditFilter(from, to, actor, projectId, action == null ? null : action.name()), page,
				size);
	}

	@Operation(summary = "Recompute the hash chain of the audit trail (auditors, managers)")
	@GetMapping("/verify")
	Verification verify(CurrentUser user) {
		checkAuditor(user);
		return audit.verify();
	}

	private void checkAuditor(CurrentUser user) {
		access.checkCanReadAudit(user);
	}

}
