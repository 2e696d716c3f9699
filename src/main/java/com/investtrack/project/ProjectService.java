package com.investtrack.project;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.PageResult;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.security.Accounts;

/**
 * Writes of project facts with their audit entries; the lifecycle decides when they
 * happen.
 */
@Service
public class ProjectService {

	/**
	 * The facts' fields in their declared order: what the trail records of a creation or
	 * an edit.
	 */
	private static final RecordComponent[] FIELDS = ProjectFacts.class.getRecordComponents();

	private static final BigDecimal MAX_WAN = new BigDecimal("10000000000");

	private static final BigDecimal MAX_LAND_MU = new BigDecimal("1000000");

	private static final BigDecimal MAX_FLOOR_M2 = new BigDecimal("100000000");

	private final ProjectRepository projects;

	private final ReferenceData reference;

	private final AuditTrail audit;

	private final Clock clock;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	ProjectService(ProjectRepository projects, ReferenceData reference, AuditTrail audit, Clock clock,
			Accounts accounts, ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.projects = projects;
		this.reference = reference;
		this.audit = audit;
		this.clock = clock;
	}

	// Reads for other modules. The repository behind them is internal to this module, so
	// that only this module writes the project table; these methods are its read side.

	public Optional<Project> find(long id) {
		return projects.find(id);
	}

	/**
	 * Reads the project and locks its row until commit, so that two steps on one project
	 * run one after the other (the caller's transaction holds the lock).
	 */
	public Optional<Project> lock(long id) {
		return projects.lock(id);
	}

	public List<Project> findAll(Collection<Long> ids) {
		return projects.findAll(ids);
	}

	public List<Project> findByProcessInstances(Collection<String> processInstanceIds) {
		return projects.findByProcessInstances(processInstanceIds);
	}

	/**
	 * The ids of every project meeting a criterion another module computes (e.g. every
	 * red project).
	 */
	public List<Long> ids(ListCondition condition) {
		return projects.ids(condition);
	}

	/**
	 * One page of projects matching the filter, newest first; {@code extra} adds a
	 * criterion another module computes.
	 */
	public PageResult<Project> search(ProjectFilter filter, ListCondition extra, int page, int size) {
		return projects.search(filter, extra, page, size);
	}

	/**
	 * The first page of each filter, as {@link #search} gives it, for filters that differ
	 * in stage and outcome only (the board's columns): a text search answers them all
	 * from one scan of the table.
	 */
	public List<PageResult<Project>> firstPages(List<ProjectFilter> filters, ListCondition extra, int size) {
		return projects.firstPages(filters, extra, size);
	}

	/**
	 * The first page of the projects matching the filter and each of the conditions, with
	 * all the totals counted in one scan (see {@link ProjectRepository#firstPagesEach}).
	 */
	public List<PageResult<Project>> firstPagesEach(ProjectFilter filter, List<ListCondition> conditions, int size) {
		return projects.firstPagesEach(filter, conditions, size);
	}

	/**
	 * The next {@code size} projects matching the filter, newest first, after the one
	 * with id {@code beforeId} (null: from the newest); for reading every match in
	 * batches.
	 */
	public List<Project> searchBefore(ProjectFilter filter, ListCondition extra, Long beforeId, int size) {
		return projects.searchBefore(filter, extra, beforeId, size);
	}

	/**
	 * Every reason the facts cannot be stored, by field: unknown park or industry,
	 * impossible amounts, malformed codes, a leader who is not an active user with the
	 * LEADER role. The form, the API and the ledger import share it.
	 */
	public Map<String, String> problems(ProjectFacts f) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.industryCode() == null || reference.industry(f.industryCode()).isEmpty()) {
			errors.put("industryCode", "unknown industry code");
		}
		if (f.parkCode() == null || reference.park(f.parkCode()).isEmpty()) {
			errors.put("parkCode", "unknown park code");
		}
		if (f.totalInvestmentWan() == null) {
			errors.put("totalInvestmentWan", "is required");
		}
		money(errors, "totalInvestmentWan", f.totalInvestmentWan());
		money(errors, "fixedAssetInvestmentWan", f.fixedAssetInvestmentWan());
		money(errors, "contractedInvestmentWan", f.contractedInvestmentWan());
		area(errors, "landMu", f.landMu(), MAX_LAND_MU);
		area(errors, "floorAreaM2", f.floorAreaM2(), MAX_FLOOR_M2);
		if (f.nationalCode() != null && !Identifiers.NATIONAL_CODE.matcher(f.nationalCode()).matches()) {
			errors.put("nationalCode",
					"must look like 2024-420802-36-03-012345 (year, division, industry, type, serial)");
		}
		if (f.creditCode() != null && !Identifiers.isValidCreditCode(f.creditCode())) {
			errors.put("creditCode",
					"is not a valid unified social credit code (18 characters, check character per GB 32100-2015)");
		}
		if (f.leader() != null && !accounts.isActiveWith(f.leader(), Role.LEADER)) {
			errors.put("leader", "must be an active user with the LEADER role");
		}
		return errors;
	}

	/** {@link #problems} as a 400 naming each field. */
	public void checkFacts(ProjectFacts facts) {
		Map<String, String> errors = problems(facts);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** A ledger number must be well-formed and not held by another project. */
	public void checkCode(String code, Long projectId) {
		if (!Identifiers.LEDGER_CODE.matcher(code).matches()) {
			throw new InvalidInputException("code", "must be 1 to 32 letters, digits, '.', '_', '/' or '-'");
		}
		projects.idByCode(code).filter(id -> !id.equals(projectId)).ifPresent(id -> {
			throw new InvalidInputException("code", "is already the number of another project");
		});
	}

	private static void money(Map<String, String> errors, String field, BigDecimal value) {
		if (value != null && (value.signum() <= 0 || value.compareTo(MAX_WAN) > 0)) {
			errors.put(field, "must be greater than 0 and at most 10000000000 (万元)");
		}
	}

	private static void area(Map<String, String> errors, String field, BigDecimal value, BigDecimal max) {
		if (value != null && (value.signum() < 0 || value.compareTo(max) > 0)) {
			errors.put(field, "must be between 0 and " + max.toPlainString());
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(NewProject p, String actor) {
		long id = projects.insert(p, actor, Instant.now(clock));
		audit.append(AuditEvent.of(actor, AuditAction.PROJECT_CREATED, id)
			.details(describe(p.facts()) + "; officer=" + p.officer()));
		return id;
	}

	/**
	 * Changes the facts (and the ledger number) and records each changed field with its
	 * old and new value.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean edit(Project before, String code, ProjectFacts after, String actor) {
		Map<String, Object[]> changes = new LinkedHashMap<>();
		diff(changes, "code", before.code(), code);
		for (RecordComponent field : FIELDS) {
			diff(changes, field.getName(), value(field, before.facts()), value(field, after));
		}
		if (changes.isEmpty()) {
			return false;
		}
		if (changes.containsKey("code")) {
			projects.changeCode(before.id(), code);
		}
		if (changes.size() > (changes.containsKey("code") ? 1 : 0)) {
			projects.updateFacts(before.id(), after);
		}
		if (changes.containsKey("parkCode") || changes.containsKey("industryCode") || changes.containsKey("assetModel")
				|| changes.containsKey("contractedInvestmentWan")) {
			events.publishEvent(new ProjectFactsChanged(before.id(), after.parkCode(), after.industryCode(),
					after.assetModel(), after.contractedInvestmentWan()));
		}
		var details = new StringBuilder();
		changes.forEach((field, v) -> details.append(details.isEmpty() ? "" : "; ")
			.append(field)
			.append(": ")
			.append(v[0])
			.append(" -> ")
			.append(v[1]));
		audit.append(AuditEvent.of(actor, AuditAction.PROJECT_EDITED, before.id()).details(details.toString()));
		return true;
	}

	/** Every fact that is set, as {@code field=value; ...}. */
	private static String describe(ProjectFacts facts) {
		var d = new StringBuilder();
		for (RecordComponent field : FIELDS) {
			Object value = value(field, facts);
			if (value != null) {
				d.append(d.isEmpty() ? "" : "; ").append(field.getName()).append('=').append(value);
			}
		}
		return d.toString();
	}

	/**
	 * A fact as the trail writes it: amounts without trailing zeros, so 1200 and 1200.00
	 * are no change.
	 */
	private static Object value(RecordComponent field, ProjectFacts facts) {
		try {
			Object value = field.getAccessor().invoke(facts);
			return value instanceof BigDecimal amount ? plain(amount) : value;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Links the project to the process instance that now carries its path (started in the
	 * same transaction).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void setProcessInstance(long projectId, String processInstanceId) {
		projects.setProcessInstance(projectId, processInstanceId);
	}

	/**
	 * The project is now in {@code stage}, entered on {@code enteredOn} (its milestone
	 * was just recorded).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enterStage(long projectId, Stage stage, LocalDate enteredOn) {
		projects.moveToStage(projectId, stage, enteredOn);
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
