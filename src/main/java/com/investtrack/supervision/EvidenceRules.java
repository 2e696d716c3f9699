package com.investtrack.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.Stage;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Evidence rules: an administrator may require at least one evidence file of a stage
 * before a project steps into it. For signing and production that step is the request of
 * their approval, so the manager decides with the document at hand; for site selection
 * and construction it is the recording itself. All rules are off until an administrator
 * switches one on, so that existing clients keep working. The project's lifecycle asks
 * {@link #checkBeforeEntering} under the project's lock, the same lock an upload takes.
 */
@Service
public class EvidenceRules {

	private final EvidenceRuleRepository rules;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	EvidenceRules(EvidenceRuleRepository rules, AccessPolicy access, AuditTrail audit, Clock clock) {
		this.rules = rules;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every stage a project steps into, in order, with its rule. */
	public List<EvidenceRule> all(CurrentUser user) {
		access.checkCanReadEvidence(user);
		return rules.all();
	}

	/**
	 * Switches a stage's rule (administrators); audited when it changes, a no-op when it
	 * is already so.
	 */
	@Transactional
	public EvidenceRule set(Stage stage, boolean required, CurrentUser user) {
		access.checkCanChangeEvidenceRules(user);
		EvidenceRule before = rules.lock(stage)
			.orElseThrow(() -> new InvalidInputException("stage",
					"must be a stage a project steps into: SIGNING, SITE_SELECTION, CONSTRUCTION or PRODUCTION"));
		if (before.required() == required) {
			return before;
		}
		Instant now = Instant.now(clock);
		rules.update(stage, required, user.username(), now);
		audit.append(AuditEvent.of(user.username(), AuditAction.EVIDENCE_RULE_CHANGED, null)
			.stages(null, stage)
			.decision(required ? "REQUIRED" : "NOT_REQUIRED")
			.details("evidence of " + stage + " required: " + before.required() + " -> " + required));
		return new EvidenceRule(stage, required, user.username(), now);
	}

	/**
	 * The stages whose rule is on and of which the project has no evidence file yet, in
	 * order.
	 */
	public List<Stage> missingFor(long projectId) {
		return rules.missingFor(projectId);
	}

	/**
	 * Whether the project may not step into {@code stage} yet: its rule is on and the
	 * project has no evidence file of it.
	 */
	public boolean missingFor(long projectId, Stage stage) {
		return rules.missingFor(projectId).contains(stage);
	}

	/**
	 * Refuses the step into {@code stage}, naming the field {@code evidence}, while the
	 * project lacks the evidence its rule requires. Call under the project's lock.
	 */
	public void checkBeforeEntering(long projectId, Stage stage) {
		if (missingFor(projectId, stage)) {
			throw new InvalidInputException("evidence", "at least one evidence file of " + stage
					+ " is required before this step: upload it first (an administrator requires it)");
		}
	}

}
