package com.investtrack.fulfilment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Stage;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectService;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Records a project's funds in place, tax and capacity date (its officer and managers,
 * audited), the parks' minimums (administrators, audited), and computes a project's
 * fulfilment. A second figure for the same month or year replaces the first; the trail
 * keeps both.
 */
@Service
public class FulfilmentService {

	private static final BigDecimal MAX_WAN = new BigDecimal("10000000000");

	private final FulfilmentRepository store;

	private final ProjectService projects;

	private final MilestoneService milestones;

	private final ReferenceData reference;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	FulfilmentService(FulfilmentRepository store, ProjectService projects, MilestoneService milestones,
			ReferenceData reference, AccessPolicy access, AuditTrail audit, Clock clock) {
		this.store = store;
		this.projects = projects;
		this.milestones = milestones;
		this.reference = reference;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Funds in place in {@code month}: not in a future month, nor before the month of the
	 * project's first talk.
	 */
	@Transactional
	public Fulfilment recordFunds(long projectId, YearMonth month, BigDecimal amountWan, CurrentUser user) {
		Project project = lockForWrite(projectId, user);
		money(amountWan);
		YearMonth now = YearMonth.now(clock);
		if (month.isAfter(now)) {
			throw new InvalidInputException("month", "must not be after the current month " + now);
		}
		LocalDate firstTalk = milestones.reached(projectId).get(Stage.NEGOTIATION);
		if (firstTalk != null && month.isBefore(YearMonth.from(firstTalk))) {
			throw new InvalidInputException("month",
					"must not be before the month of the project's first talk (" + firstTalk + ")");
		}
		var before = store.funds(projectId, month);
		store.saveFunds(projectId, month, amountWan, user.username(), Instant.now(clock), before.isPresent());
		audit.append(AuditEvent.of(user.username(), AuditAction.FUNDS_RECORDED, project.id())
			.effectiveOn(month.atDay(1))
			.details("month=" + month + "; amountWan: " + before.map(Amounts::plain).orElse(null) + " -> "
					+ Amounts.plain(amountWan)));
		return of(project);
	}

	/**
	 * Tax paid in {@code year}: the project must be signed by then, the year not future.
	 */
	@Transactional
	public Fulfilment recordTax(long projectId, int year, BigDecimal amountWan, CurrentUser user) {
		Project project = lockForWrite(projectId, user);
		money(amountWan);
		LocalDate signed = milestones.reached(projectId).get(Stage.SIGNING);
		if (signed == null) {
			throw new InvalidInputException("year", "the project is not signed: it pays no tax under its agreement");
		}
		if (year < signed.getYear()) {
			throw new InvalidInputException("year", "must not be before the year of signing (" + signed + ")");
		}
		int thisYear = LocalDate.now(clock).getYear();
		if (year > thisYear) {
			throw new InvalidInputException("year", "must not be after the current year " + thisYear);
		}
		var before = store.tax(projectId, year);
		store.saveTax(projectId, year, amountWan, user.username(), Instant.now(clock), before.isPresent());
		audit.append(AuditEvent.of(user.username(), AuditAction.TAX_RECORDED, project.id())
			.details("year=" + year + "; amountWan: " + before.map(Amounts::plain).orElse(null) + " -> "
					+ Amounts.plain(amountWan)));
		return of(project);
	}

	/**
	 * The day the project reached its designed capacity (达产): in production by then, not
	 * in the future.
	 */
	@Transactional
	public Fulfilment recordCapacity(long projectId, LocalDate on, CurrentUser user) {
		Project project = lockForWrite(projectId, user);
		LocalDate today = LocalDate.now(clock);
		if (on.isAfter(today)) {
			throw new InvalidInputException("on", "must not be in the future (today is " + today + ")");
		}
		LocalDate production = milestones.reached(projectId).get(Stage.PRODUCTION);
		if (production == null) {
			throw new InvalidInputException("on", "the project has not reached production");
		}
		if (on.isBefore(production)) {
			throw new InvalidInputException("on", "must not be before production (" + production + ")");
		}
		var before = store.capacity(projectId);
		store.saveCapacity(projectId, on, user.username(), Instant.now(clock), before.isPresent());
		audit.append(AuditEvent.of(user.username(), AuditAction.CAPACITY_RECORDED, project.id())
			.effectiveOn(on)
			.details("capacityOn: " + before.orElse(null) + " -> " + on));
		return of(project);
	}

	/** A project's fulfilment today; every role reads it, like the project. */
	@Transactional(readOnly = true)
	public Fulfilment of(long projectId) {
		return of(projects.find(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId)));
	}

	private Fulfilment of(Project p) {
		LocalDate today = LocalDate.now(clock);
		var facts = p.facts();
		List<Fulfilment.Funds> funds = store.fundsOf(p.id());
		List<Fulfilment.Tax> taxes = store.taxesOf(p.id());
		BigDecimal fundsTotal = Amounts
			.plain(funds.stream().map(Fulfilment.Funds::amountWan).reduce(BigDecimal.ZERO, BigDecimal::add));
		LocalDate capacityOn = store.capacity(p.id()).orElse(null);
		BigDecimal intensity = Amounts.ratio(facts.fixedAssetInvestmentWan(), facts.landMu());
		Fulfilment.Tax taxYear = capacityOn == null || capacityOn.isAfter(today) ? null
				: taxes.stream()
					.filter(t -> t.year() < today.getYear())
					.max(Comparator.comparingInt(Fulfilment.Tax::year))
					.orElse(null);
		BigDecimal taxPerMu = taxYear == null ? null : Amounts.ratio(taxYear.amountWan(), facts.landMu());
		ParkMinimum minimum = store.minimum(p.parkCode()).orElse(ParkMinimum.none(p.parkCode()));
		List<Flag> flags = new ArrayList<>();
		if (below(intensity, minimum.minIntensityWanPerMu())) {
			flags.add(Flag.BELOW_MIN_INTENSITY);
		}
		if (below(taxPerMu, minimum.minTaxPerMuWan())) {
			flags.add(Flag.BELOW_MIN_TAX_PER_MU);
		}
		Set<Flag> dated = store.dateFlags(p.id(), today);
		FlagRules.DATE_FLAGS.stream().filter(dated::contains).forEach(flags::add);
		return new Fulfilment(p.id(), facts.fixedAssetInvestmentWan(), facts.contractedInvestmentWan(), facts.landMu(),
				fundsTotal, capacityOn, intensity, taxYear == null ? null : taxYear.year(), taxPerMu,
				Amounts.percent(fundsTotal, facts.contractedInvestmentWan()), minimum, List.copyOf(flags), funds,
				taxes);
	}

	private static boolean below(BigDecimal value, BigDecimal minimum) {
		return value != null && minimum != null && value.compareTo(minimum) < 0;
	}

	/** Every park's minimums (parks without any are left out). */
	public List<ParkMinimum> minimums() {
		return store.minimums();
	}

	/** Sets a park's minimums (null: none); administrators. */
	@Transactional
	public ParkMinimum setMinimums(ParkMinimum m, CurrentUser user) {
		access.checkAdmin(user);
		reference.lockPark(m.parkCode()).orElseThrow(() -> new NotFoundException("No park " + m.parkCode()));
		for (var field : Map
			.of("minIntensityWanPerMu", nullable(m.minIntensityWanPerMu()), "minTaxPerMuWan",
					nullable(m.minTaxPerMuWan()))
			.entrySet()) {
			BigDecimal value = field.getValue();
			if (value.signum() < 0 || value.compareTo(MAX_WAN) > 0) {
				throw new InvalidInputException(field.getKey(), "must be between 0 and 10000000000 (万元/亩)");
			}
		}
		var before = store.minimum(m.parkCode());
		ParkMinimum after = new ParkMinimum(m.parkCode(), Amounts.plain(m.minIntensityWanPerMu()),
				Amounts.plain(m.minTaxPerMuWan()));
		if (before.isPresent() && before.get().equals(after)) {
			return after;
		}
		store.saveMinimum(after, user.username(), Instant.now(clock), before.isPresent());
		ParkMinimum old = before.orElse(ParkMinimum.none(m.parkCode()));
		audit.append(AuditEvent.of(user.username(), AuditAction.PARK_MINIMUMS_CHANGED, null)
			.details("park: " + m.parkCode() + "; minIntensityWanPerMu: " + old.minIntensityWanPerMu() + " -> "
					+ after.minIntensityWanPerMu() + "; minTaxPerMuWan: " + old.minTaxPerMuWan() + " -> "
					+ after.minTaxPerMuWan()));
		return after;
	}

	private static BigDecimal nullable(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private Project lockForWrite(long projectId, CurrentUser user) {
		Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanRecordFulfilment(user, project.officer());
		return project;
	}

	private static void money(BigDecimal amountWan) {
		if (amountWan == null || amountWan.signum() < 0 || amountWan.compareTo(MAX_WAN) > 0) {
			throw new InvalidInputException("amountWan", "must be between 0 and 10000000000 (万元)");
		}
	}

}
