package com.investtrack.bulletin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.fulfilment.Amounts;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * The year's targets: managers set the city's and each park's, audited with each old and
 * new value; everyone signed in reads them. A park without a major-project threshold of
 * its own takes the city's.
 */
@Service
public class TargetService {

	private static final BigDecimal MAX_WAN = new BigDecimal("10000000000");

	private static final int MAX_COUNT = 1_000_000;

	private final TargetRepository targets;

	private final ReferenceData reference;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	TargetService(TargetRepository targets, ReferenceData reference, AccessPolicy access, AuditTrail audit,
			Clock clock) {
		this.targets = targets;
		this.reference = reference;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The city's targets of a year; none set yet: no targets, the default threshold. */
	public Targets city(int year) {
		year(year);
		return targets.city(year).orElse(Targets.none(year, null, Targets.DEFAULT_MAJOR_PROJECT_WAN));
	}

	/** A park's targets of a year; none set yet: no targets, the city's threshold. */
	public Targets park(int year, String parkCode) {
		year(year);
		reference.park(parkCode).orElseThrow(() -> new NotFoundException("No park " + parkCode));
		return targets.park(year, parkCode).orElse(Targets.none(year, parkCode, city(year).majorProjectWan()));
	}

	/**
	 * Sets the targets of the city ({@code t.parkCode()} null) or of a park for
	 * {@code t.year()}; a missing threshold is the default (the city's, for a park).
	 */
	@Transactional
	public Targets set(Targets t, CurrentUser user) {
		access.checkCanSetTargets(user);
		year(t.year());
		Map<String, String> errors = new LinkedHashMap<>();
		count(errors, "signedProjects", t.signedProjects());
		money(errors, "contractedInvestmentWan", t.contractedInvestmentWan());
		count(errors, "startedProjects", t.startedProjects());
		count(errors, "productionProjects", t.productionProjects());
		money(errors, "fundsInPlaceWan", t.fundsInPlaceWan());
		money(errors, "majorProjectWan", t.majorProjectWan());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Targets before;
		if (t.parkCode() == null) {
			before = targets.city(t.year()).orElse(null);
		}
		else {
			reference.lockPark(t.parkCode()).orElseThrow(() -> new NotFoundException("No park " + t.parkCode()));
			before = targets.park(t.year(), t.parkCode()).orElse(null);
		}
		BigDecimal major = t.majorProjectWan() != null ? t.majorProjectWan()
				: t.parkCode() == null ? Targets.DEFAULT_MAJOR_PROJECT_WAN : city(t.year()).majorProjectWan();
		Targets after = new Targets(t.year(), t.parkCode(), t.signedProjects(),
				Amounts.plain(t.contractedInvestmentWan()), t.startedProjects(), t.productionProjects(),
				Amounts.plain(t.fundsInPlaceWan()), Amounts.plain(major));
		if (after.equals(before)) {
			return after;
		}
		targets.save(after, user.username(), Instant.now(clock), before != null);
		audit.append(AuditEvent.of(user.username(), AuditAction.TARGETS_SET, null)
			.details("targets " + t.year() + (t.parkCode() == null ? " (city)" : " park: " + t.parkCode()) + "; "
					+ changes(before, after)));
		return after;
	}

	private static String changes(Targets before, Targets after) {
		Targets old = before == null ? Targets.none(after.year(), after.parkCode(), null) : before;
		var d = new StringBuilder();
		for (Indicator i : Indicator.values()) {
			if (!Objects.equals(old.of(i), after.of(i))) {
				d.append(d.isEmpty() ? "" : "; ")
					.append(i.name())
					.append(": ")
					.append(old.of(i))
					.append(" -> ")
					.append(after.of(i));
			}
		}
		if (!Objects.equals(old.majorProjectWan(), after.majorProjectWan())) {
			d.append(d.isEmpty() ? "" : "; ")
				.append("majorProjectWan: ")
				.append(old.majorProjectWan())
				.append(" -> ")
				.append(after.majorProjectWan());
		}
		return d.toString();
	}

	/** Targets are set for a year from 1990 to next year. */
	private void year(int year) {
		int next = LocalDate.now(clock).getYear() + 1;
		if (year < 1990 || year > next) {
			throw new InvalidInputException("year", "must be between 1990 and " + next);
		}
	}

	private static void count(Map<String, String> errors, String field, Integer value) {
		if (value != null && (value < 0 || value > MAX_COUNT)) {
			errors.put(field, "must be between 0 and " + MAX_COUNT);
		}
	}

	private static void money(Map<String, String> errors, String field, BigDecimal value) {
		if (value != null && (value.signum() < 0 || value.compareTo(MAX_WAN) > 0)) {
			errors.put(field, "must be between 0 and 10000000000 (万元)");
		}
	}

}
