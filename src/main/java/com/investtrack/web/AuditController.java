package com.investtrack.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEntry;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.PageResult;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * The audit trail for auditors and managers: who did what to which project, when, with
 * which decision and comment; filtered, paged, downloadable as CSV, and the check that no
 * entry was altered since it was written.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	/** Entries read per query while writing the CSV. */
	static final int EXPORT_BATCH = 2000;

	private final AuditTrail audit;

	private final Directory directory;

	private final DomainMessages messages;

	private final Formats formats;

	private final AccessPolicy access;

	AuditController(AuditTrail audit, Directory directory, DomainMessages messages, Formats formats,
			AccessPolicy access) {
		this.access = access;
		this.audit = audit;
		this.directory = directory;
		this.messages = messages;
		this.formats = formats;
	}

	@GetMapping("/audit")
	String trail(@ModelAttribute("filter") AuditFilterForm filter, BindingResult ignoredUnparsable,
			@RequestParam(defaultValue = "false") boolean verify, Model model, CurrentUser user) {
		checkAuditor(user);
		model.addAttribute("entries", audit.find(filter.toFilter(), filter.getPage(), PAGE_SIZE));
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("names", directory.names());
		if (verify) {
			model.addAttribute("verification", audit.verify());
		}
		return "audit";
	}

	/**
	 * Every matching entry, newest first; entries appended meanwhile are left out rather
	 * than repeated.
	 */
	@GetMapping("/audit.csv")
	ResponseEntity<byte[]> csv(@ModelAttribute AuditFilterForm filter, BindingResult ignoredUnparsable,
			CurrentUser user) {
		checkAuditor(user);
		Csv csv = new Csv().row(text("audit.seq"), text("audit.at"), text("audit.actor"), text("audit.action"),
				text("audit.project"), text("audit.fromStage"), text("audit.toStage"), text("audit.effectiveOn"),
				text("audit.decision"), text("audit.comment"), text("audit.details"), text("audit.hash"));
		long below = Long.MAX_VALUE;
		int page = 0;
		while (true) {
			PageResult<AuditEntry> batch = audit.find(filter.toFilter(), page++, EXPORT_BATCH);
			for (AuditEntry e : batch.content()) {
				if (e.seq() >= below) {
					continue;
				}
				below = e.seq();
				csv.row(List.of(e.seq(), formats.dateTime(e.at()), e.actor(), e.action(),
						e.projectId() == null ? "" : e.projectId(), nullToEmpty(e.fromStage()),
						nullToEmpty(e.toStage()), e.effectiveOn() == null ? "" : e.effectiveOn().toString(),
						nullToEmpty(e.decision()), nullToEmpty(e.comment()), nullToEmpty(e.details()), e.hash()));
			}
			if (batch.content().size() < EXPORT_BATCH) {
				break;
			}
		}
		return csv.download("audit-trail.csv");
	}

	private String text(String key) {
		return messages.text(key);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private void checkAuditor(CurrentUser user) {
		access.checkCanReadAudit(user);
	}

}
