package com.investtrack.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.investtrack.calendar.DayUnit;
import com.investtrack.calendar.WorkingDays;
import com.investtrack.common.Stage;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;
import com.investtrack.project.Project;
import com.investtrack.support.TestData;

/**
 * The light's rule on given days, without a database: plan first, then "reached on time",
 * then the stage's age.
 */
class LightsRuleTest {

	/**
	 * Stage thresholds as shipped: 60/90, 30/60, 90/180, 365/540 days; 1 and 30 days
	 * late.
	 */
	private static final Map<Stage, Threshold> SHIPPED = new EnumMap<>(Map.of(Stage.NEGOTIATION,
			threshold(Stage.NEGOTIATION, 60, 90), Stage.SIGNING, threshold(Stage.SIGNING, 30, 60), Stage.SITE_SELECTION,
			threshold(Stage.SITE_SELECTION, 90, 180), Stage.CONSTRUCTION, threshold(Stage.CONSTRUCTION, 365, 540)));

	private final WorkingDays days = new WorkingDays();

	/**
	 * The seed's Changfeng Cheetah: 36 days from the first talk to signing and site
	 * selection, 15 months from the start of construction to production. With the agreed
	 * dates equal to the real ones it is green on every day of its path, though its
	 * construction lasted far longer than the construction stage's yellow threshold.
	 */
	@Test
	void theCheetahWithItsRealDatesAgreedIsGreenFromFirstTalkToProduction() {
		LocalDate talk = LocalDate.of(2023, 3, 1);
		LocalDate signed = talk.plusDays(36);
		LocalDate site = talk.plusDays(36);
		LocalDate construction = LocalDate.of(2023, 6, 1);
		LocalDate production = construction.plusMonths(15);
		Plan plan = plan(Map.of(Stage.SIGNING, signed, Stage.SITE_SELECTION, site, Stage.CONSTRUCTION, construction,
				Stage.PRODUCTION, production));
		for (LocalDate day = talk; !day.isAfter(production.plusDays(30)); day = day.plusDays(1)) {
			Stage stage = !day.isBefore(production) ? Stage.PRODUCTION : !day.isBefore(construction)
					? Stage.CONSTRUCTION : !day.isBefore(site) ? Stage.SITE_SELECTION : Stage.NEGOTIATION;
			LocalDate entered = switch (stage) {
				case NEGOTIATION -> talk;
				case SIGNING, SITE_SELECTION -> site;
				case CONSTRUCTION -> construction;
				case PRODUCTION -> production;
			};
			Outcome outcome = stage == Stage.PRODUCTION ? Outcome.IN_PRODUCTION : Outcome.ACTIVE;
			Light light = light(project(stage, entered, outcome), plan, day);
			assertThat(light.health()).as("on %s in %s", day, stage).isEqualTo(Health.GREEN);
		}
	}

	@Test
	void theNextMilestonesAgreedDateDecides() {
		LocalDate agreedStart = LocalDate.of(2025, 3, 1);
		Project p = project(Stage.SITE_SELECTION, LocalDate.of(2024, 1, 1), Outcome.ACTIVE);
		Plan plan = plan(Map.of(Stage.CONSTRUCTION, agreedStart));

		Light before = light(p, plan, agreedStart.minusDays(10));
		assertThat(before.health()).isEqualTo(Health.GREEN);
		assertThat(before.reason()).isEqualTo(Light.Reason.ON_PLAN);
		assertThat(before.daysLate()).isZero();
		assertThat(light(p, plan, agreedStart).health()).isEqualTo(Health.GREEN);

		Light oneDayLate = light(p, plan, agreedStart.plusDays(1));
		assertThat(oneDayLate.health()).isEqualTo(Health.YELLOW);
		assertThat(oneDayLate.reason()).isEqualTo(Light.Reason.BEHIND_PLAN);
		assertThat(oneDayLate.daysLate()).isEqualTo(1);
		assertThat(light(p, plan, agreedStart.plusDays(29)).health()).isEqualTo(Health.YELLOW);
		Light thirtyDaysLate = light(p, plan, agreedStart.plusDays(30));
		assertThat(thirtyDaysLate.health()).isEqualTo(Health.RED);
		assertThat(thirtyDaysLate.daysLate()).isEqualTo(30);
		assertThat(thirtyDaysLate.args()).containsExactly(Stage.CONSTRUCTION, agreedStart,
				new Light.Days(30, DayUnit.CALENDAR_DAYS));
	}

	@Test
	void withoutAnAgreedDateTheStagesAgeDecides() {
		LocalDate entered = LocalDate.of(2025, 1, 1);
		Project p = project(Stage.SIGNING, entered, Outcome.ACTIVE);
		assertThat(light(p, Plan.NONE, entered.plusDays(29)).health()).isEqualTo(Health.GREEN);
		assertThat(light(p, Plan.NONE, entered.plusDays(30)).health()).isEqualTo(Health.YELLOW);
		assertThat(light(p, Plan.NONE, entered.plusDays(59)).health()).isEqualTo(Health.YELLOW);
		Light red = light(p, Plan.NONE, entered.plusDays(60));
		assertThat(red.health()).isEqualTo(Health.RED);
		assertThat(red.reason()).isEqualTo(Light.Reason.STAGE_AGE);
		assertThat(red.daysLate()).isNull();
	}

	@Test
	void aMilestoneReachedOnOrBeforeItsAgreedDateKeepsTheStageGreenWithoutANextDate() {
		LocalDate signedOn = LocalDate.of(2025, 1, 10);
		Project p = project(Stage.SIGNING, signedOn, Outcome.ACTIVE);
		Light onTime = light(p, plan(Map.of(Stage.SIGNING, signedOn)), signedOn.plusDays(400));
		assertThat(onTime.health()).isEqualTo(Health.GREEN);
		assertThat(onTime.reason()).isEqualTo(Light.Reason.ON_TIME);
		// signed a day after the agreed date: the stage is judged by its age again
		assertThat(light(p, plan(Map.of(Stage.SIGNING, signedOn.minusDays(1))), signedOn.plusDays(400)).health())
			.isEqualTo(Health.RED);
	}

	@Test
	void finishedProjectsAreGreen() {
		Project inProduction = project(Stage.PRODUCTION, LocalDate.of(2020, 1, 1), Outcome.IN_PRODUCTION);
		assertThat(light(inProduction, Plan.NONE, LocalDate.of(2026, 1, 1)).reason())
			.isEqualTo(Light.Reason.IN_PRODUCTION);
		Project dropped = new Project(1, "P1", TestData.facts("x", "JS-IMP"), "officer", Stage.NEGOTIATION,
				LocalDate.of(2020, 1, 1), Outcome.DROPPED, LocalDate.of(2020, 2, 1), "gone", null, Instant.EPOCH,
				"officer", 0);
		Light light = light(dropped, plan(Map.of(Stage.SIGNING, LocalDate.of(2020, 1, 5))), LocalDate.of(2026, 1, 1));
		assertThat(light.health()).isEqualTo(Health.GREEN);
		assertThat(light.reason()).isEqualTo(Light.Reason.DROPPED);
	}

	@Test
	void lateDaysCountInTheStagesUnit() {
		// agreed for Friday 2025-03-07; the next Monday is one working day late but three
		// calendar days
		LocalDate agreed = LocalDate.of(2025, 3, 7);
		Project p = project(Stage.SIGNING, LocalDate.of(2025, 1, 1), Outcome.ACTIVE);
		Plan plan = plan(Map.of(Stage.SITE_SELECTION, agreed));
		Threshold working = new Threshold(Stage.SIGNING, 30, 60, DayUnit.WORKING_DAYS, 2, 30);
		LocalDate monday = LocalDate.of(2025, 3, 10);
		assertThat(Lights.rule(Lights.Standing.of(p), plan, working, monday, days).health()).isEqualTo(Health.GREEN);
		assertThat(Lights.rule(Lights.Standing.of(p), plan, working, monday, days).daysLate()).isEqualTo(1);
		assertThat(Lights.rule(Lights.Standing.of(p), plan, working, monday.plusDays(1), days).health())
			.isEqualTo(Health.YELLOW);
		Threshold calendar = new Threshold(Stage.SIGNING, 30, 60, DayUnit.CALENDAR_DAYS, 2, 30);
		assertThat(Lights.rule(Lights.Standing.of(p), plan, calendar, monday, days).health()).isEqualTo(Health.YELLOW);
	}

	@Test
	void nothingMovedForSixtyDaysIsYellowAndForNinetyRedUnlessAnotherRuleSaysWorse() {
		LocalDate talk = LocalDate.of(2025, 1, 1);
		Project p = project(Stage.NEGOTIATION, talk, Outcome.ACTIVE);
		Plan onPlan = plan(Map.of(Stage.SIGNING, talk.plusYears(1)));
		Lights.NoProgress limits = new Lights.NoProgress(60, 90);

		assertThat(idle(p, onPlan, limits, talk.plusDays(59)).health()).isEqualTo(Health.GREEN);
		Light yellow = idle(p, onPlan, limits, talk.plusDays(60));
		assertThat(yellow.health()).isEqualTo(Health.YELLOW);
		assertThat(yellow.reason()).isEqualTo(Light.Reason.NO_PROGRESS);
		assertThat(yellow.args()).first().isEqualTo(talk);
		assertThat(idle(p, onPlan, limits, talk.plusDays(90)).health()).isEqualTo(Health.RED);

		Plan moved = new Plan(onPlan.agreed(), onPlan.agreed(), talk.plusDays(80));
		assertThat(idle(p, moved, limits, talk.plusDays(90)).reason()).isEqualTo(Light.Reason.ON_PLAN);
		// the stage's own red (95 days without a plan) keeps its reason though progress
		// came ten days ago
		Light stageRed = idle(p, new Plan(Map.of(), Map.of(), talk.plusDays(85)), limits, talk.plusDays(95));
		assertThat(stageRed.health()).isEqualTo(Health.RED);
		assertThat(stageRed.reason()).isEqualTo(Light.Reason.STAGE_AGE);
		// a finished project never turns for want of progress
		Project producing = project(Stage.PRODUCTION, talk, Outcome.IN_PRODUCTION);
		assertThat(idle(producing, onPlan, limits, talk.plusYears(2)).health()).isEqualTo(Health.GREEN);
	}

	private Light idle(Project p, Plan plan, Lights.NoProgress limits, LocalDate today) {
		return Lights.withProgress(light(p, plan, today), Lights.Standing.of(p), plan, limits, today);
	}

	private Light light(Project p, Plan plan, LocalDate today) {
		return Lights.rule(Lights.Standing.of(p), plan, SHIPPED.get(p.stage()), today, days);
	}

	private static Threshold threshold(Stage stage, int yellow, int red) {
		return new Threshold(stage, yellow, red, DayUnit.CALENDAR_DAYS, 1, 30);
	}

	private static Plan plan(Map<Stage, LocalDate> agreed) {
		return new Plan(agreed, agreed, null);
	}

	private static Project project(Stage stage, LocalDate enteredOn, Outcome outcome) {
		return new Project(1, "P1", TestData.facts("Changfeng Cheetah", "JS-IMP"), "officer", stage, enteredOn, outcome,
				null, null, null, Instant.EPOCH, "officer", 0);
	}

}
