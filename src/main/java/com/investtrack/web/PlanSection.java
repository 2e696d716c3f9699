package com.investtrack.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.milestone.MilestoneDates;
import com.investtrack.plan.PlanRevision;
import com.investtrack.plan.PlanService;
import com.investtrack.project.Outcome;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * The plan on the project page (挂图作战): per milestone the agreed date, the first one
 * agreed where it was revised, the day it really happened and how many calendar days
 * late; the revision form for those who may change the project; and every revision with
 * who, when, why and old → new.
 */
@Component
class PlanSection implements ProjectPageSection {

	/**
	 * One milestone of the plan; baseline only where the agreed date was revised,
	 * daysLate null when not late.
	 */
	record Row(Stage stage, LocalDate agreed, LocalDate baseline, LocalDate actual, Long daysLate) {
	}

	/** One revision as the page shows it. */
	record Revision(Instant at, String by, String reason, List<Change> changes) {
	}

	/** One date of a revision: "none" where there was or is no date. */
	record Change(Stage stage, String from, String to) {
	}

	private final PlanService plans;

	private final AccessPolicy access;

	private final MilestoneDates dates;

	PlanSection(PlanService plans, AccessPolicy access, MilestoneDates dates) {
		this.plans = plans;
		this.access = access;
		this.dates = dates;
	}

	@Override
	public Column column() {
		return Column.MAIN;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String fragment() {
		return "fragments/plan :: section";
	}

	@Override
	public boolean addTo(Model model, ProjectView project, CurrentUser user) {
		LocalDate today = dates.today();
		model.addAttribute("planRows", rows(project, today));
		model.addAttribute("planRevisions", plans.revisions(project.id()).stream().map(PlanSection::revision).toList());
		List<Stage> open = openStages(project);
		boolean canRevise = project.outcome() == Outcome.ACTIVE && !open.isEmpty()
				&& access.canWork(user, project.officer());
		model.addAttribute("canRevisePlan", canRevise);
		model.addAttribute("planStages", open);
		if (canRevise && !model.containsAttribute("planForm")) {
			PlanForm form = new PlanForm();
			form.setDates(AgreedDates.of(project.plan()));
			model.addAttribute("planForm", form);
		}
		return true;
	}

	/**
	 * The milestones not reached yet: the only ones whose agreed date still means
	 * something to change.
	 */
	static List<Stage> openStages(ProjectView project) {
		return ProjectController.PLANNED.stream()
			.filter(s -> project.stages().stream().noneMatch(span -> span.stage() == s))
			.toList();
	}

	static List<Row> rows(ProjectView project, LocalDate today) {
		List<Row> rows = new ArrayList<>();
		for (Stage stage : ProjectController.PLANNED) {
			LocalDate agreed = project.plan().get(stage);
			LocalDate first = project.baselinePlan().get(stage);
			LocalDate actual = project.stages()
				.stream()
				.filter(span -> span.stage() == stage)
				.map(ProjectView.StageSpan::enteredOn)
				.findFirst()
				.orElse(null);
			// a milestone still to come is late from the day after its agreed date, while
			// the project is moving
			LocalDate until = actual != null ? actual : project.outcome() == Outcome.ACTIVE ? today : null;
			Long late = agreed == null || until == null || !until.isAfter(agreed) ? null
					: ChronoUnit.DAYS.between(agreed, until);
			rows.add(new Row(stage, agreed, Objects.equals(first, agreed) ? null : first, actual, late));
		}
		return rows;
	}

	/**
	 * Parses the service's "CONSTRUCTION: 2025-03-01 -> 2025-05-01; ..." into its
	 * changes.
	 */
	static Revision revision(PlanRevision r) {
		List<Change> changes = new ArrayList<>();
		for (String part : r.changes().split("; ")) {
			int colon = part.indexOf(": ");
			int arrow = part.indexOf(" -> ");
			if (colon > 0 && arrow > colon) {
				changes.add(new Change(Stage.valueOf(part.substring(0, colon)), part.substring(colon + 2, arrow),
						part.substring(arrow + 4)));
			}
		}
		return new Revision(r.revisedAt(), r.revisedBy(), r.reason(), changes);
	}

}
