package com.investtrack.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;

/** Writes of project facts with their audit entries; the lifecycle decides when they happen. */
@Service
public class ProjectService {

	private final ProjectRepository projects;

	private final ReferenceData reference;

	private final AuditTrail audit;

	private final Clock clock;

	ProjectService(ProjectRepository projects, ReferenceData reference, AuditTrail audit, Clock clock) {
		this.projects = projects;
		this.reference = reference;
		this.audit = audit;
		this.clock = clock;
	}

	/** Rejects unknown park or industry codes and impossible amounts, naming the field. */
	public void checkFacts(String industryCode, String parkCode, BigDecimal amount, BigDecimal landArea) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (reference.industry(industryCode).isEmpty()) {
			errors.put("industryCode", "unknown industry code");
		}
		if (reference.park(parkCode).isEmpty()) {
			errors.put("parkCode", "unknown park code");
		}
		if (amount.signum() <= 0) {
			errors.put("investmentAmountYuan", "must be greater than 0");
		}
		if (landArea != null && landArea.signum() < 0) {
			errors.put("landAreaM2", "must not be negative");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(NewProject p, String actor) {
		long id = projects.insert(p, actor, Instant.now(clock));
		audit.append(AuditEvent.of(actor, AuditAction.PROJECT_CREATED, id)
			.details("name=" + p.name() + "; investor=" + p.investor() + "; industry=" + p.industryCode() + "; park="
					+ p.parkCode() + "; assetModel=" + p.assetModel() + "; investmentAmountYuan="
					+ p.investmentAmountYuan().toPlainString() + "; landAreaM2="
					+ (p.landAreaM2() == null ? "" : p.landAreaM2().toPlainString()) + "; officer=" + p.officer()));
		return id;
	}

	/** Changes the editable facts and records each changed field with its old and new value. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void edit(Project before, ProjectFacts after, String actor) {
		Map<String, Object[]> changes = new LinkedHashMap<>();
		diff(changes, "name", before.name(), after.name());
		diff(changes, "investor", before.investor(), after.investor());
		diff(changes, "industryCode", before.industryCode(), after.industryCode());
		diff(changes, "parkCode", before.parkCode(), after.parkCode());
		diff(changes, "assetModel", before.assetModel(), after.assetModel());
		diff(changes, "investmentAmountYuan", plain(before.investmentAmountYuan()), plain(after.investmentAmountYuan()));
		diff(changes, "landAreaM2", plain(before.landAreaM2()), plain(after.landAreaM2()));
		if (changes.isEmpty()) {
			return;
		}
		projects.updateFacts(before.id(), after);
		var details = new StringBuilder();
		changes.forEach((field, v) -> details.append(details.isEmpty() ? "" : "; ")
			.append(field)
			.append(": ")
			.append(v[0])
			.append(" -> ")
			.append(v[1]));
		audit.append(AuditEvent.of(actor, AuditAction.PROJECT_EDITED, before.id()).details(details.toString()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void reassign(Project project, String officer, String actor) {
		projects.reassign(project.id(), officer);
		audit.append(AuditEvent.of(actor, AuditAction.PROJECT_REASSIGNED, project.id())
			.details("officer: " + project.officer() + " -> " + officer));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void markDropped(Project project, LocalDate droppedOn, String reason, String actor) {
		projects.markDropped(project.id(), droppedOn, reason);
		audit.append(AuditEvent.of(actor, AuditAction.PROJECT_DROPPED, project.id())
			.stages(project.stage(), null)
			.effectiveOn(droppedOn)
			.comment(reason));
	}

	private static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.put(field, new Object[] { before, after });
		}
	}

	private static String plain(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

}
