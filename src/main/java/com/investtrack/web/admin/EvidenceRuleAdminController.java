package com.investtrack.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.common.Stage;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.EvidenceRule;
import com.investtrack.supervision.EvidenceRules;
import com.investtrack.web.DomainMessages;

/**
 * The evidence rules page (the page over {@code /api/evidence-rules}): administrators
 * switch, stage by stage, whether a project needs an evidence file of the stage before it
 * steps into it; auditors read them. {@link EvidenceRules} checks the role again and
 * audits every change.
 */
@Controller
@RequestMapping("/admin/evidence-rules")
class EvidenceRuleAdminController {

	static final String VIEW = "admin/evidence-rules";

	private final EvidenceRules rules;

	private final AccessPolicy access;

	private final DomainMessages messages;

	EvidenceRuleAdminController(EvidenceRules rules, AccessPolicy access, DomainMessages messages) {
		this.rules = rules;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model, CurrentUser user) {
		access.checkCanReadAdministration(user);
		model.addAttribute("rules", rules.all(user));
		model.addAttribute("canEdit", access.canChangeEvidenceRules(user));
		return VIEW;
	}

	@PostMapping("/{stage}")
	String change(@PathVariable Stage stage, @RequestParam boolean required, RedirectAttributes flash,
			CurrentUser user) {
		EvidenceRule rule = rules.set(stage, required, user);
		flash.addFlashAttribute("message",
				messages.text(rule.required() ? "supervision.rules.done.on" : "supervision.rules.done.off",
						messages.text("milestone." + stage)));
		return "redirect:/admin/evidence-rules";
	}

}
