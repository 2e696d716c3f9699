package com.investtrack.plan;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import com.investtrack.calendar.DayUnit;
import com.investtrack.calendar.WorkingDays;
import com.investtrack.common.Stage;
import com.investtrack.project.Health;
import com.investtrack.project.ListCondition;
import com.investtrack.project.Outcome;
import com.investtrack.project.Project;

/**
 * The one rule for the lights, wherever they are shown (board, project page, dashboard,
 * tasks, API, CSV, reviews):
 * <ol>
 * <li>the next milestone has an agreed date: green until it passes, yellow from
 * {@code lateYellowDays} late, red from {@code lateRedDays} late;</li>
 * <li>otherwise, a project that reached its current milestone on or before that
 * milestone's agreed date is green in the stage;</li>
 * <li>otherwise the stage's age against its yellow and red thresholds;</li>
 * <li>and whichever of these decided, an active project with no milestone and no progress
 * entry for {@code app.lights.no-progress-yellow-days} / {@code -red-days} calendar days
 * (60 / 90, as bureaus chase projects idle for two and three months) is at least yellow /
 * red, for that reason.</li>
 * </ol>
 * Every count of rules 1 to 3 is in the stage's unit (calendar or working days). The same
 * rule is available as SQL for list filters ({@link #condition}), so a filtered list and
 * the lights on its rows always agree.
 */
@Service
public class Lights {

	private static final String PLAN_JOIN = " LEFT JOIN project_plan pl ON pl.project_id = p.id";

	private final Thresholds thresholds;

	private final WorkingDays days;

	private final MessageSource messages;

	private final Clock clock;

	private final NoProgress noProgress;

	private final PlanRepository plans;

	/**
	 * The "no progress" limits in calendar days since the latest milestone or progress
	 * entry.
	 */
	record NoProgress(int yellowDays, int redDays) {
	}

	/**
	 * What the rule reads of a project: its stage, since when, its outcome and when it
	 * was dropped.
	 */
	record Standing(Stage stage, LocalDate stageEnteredOn, Outcome outcome, LocalDate droppedOn) {

		static Standing of(Project p) {
			return new Standing(p.stage(), p.stageEnteredOn(), p.outcome(), p.droppedOn());
		}

		boolean isActive() {
			return outcome == Outcome.ACTIVE;
		}

	}

	/**
	 * A project a list selects by its light (the bulletin's red projects): what the list
	 * shows of it, and its light.
	 */
	public record Listed(long projectId, String code, String name, String parkCode, String leader, Light light) {
	}

	Lights(Thresholds thresholds, WorkingDays days, MessageSource messages, Clock clock, PlanRepository plans,
			@Value("${app.lights.no-progress-yellow-days:60}") int noProgressYellowDays,
			@Value("${app.lights.no-progress-red-days:90}") int noProgressRedDays) {
		this.plans = plans;
		this.thresholds = thresholds;
		this.days = days;
		this.messages = messages;
		this.clock = clock;
		this.noProgress = new NoProgress(noProgressYellowDays, noProgressRedDays);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The light of one project with its plan. */
	public Light of(Project project, Plan plan) {
		return of(project, plan, thresholds.all(), today());
	}

	/** The lights of many projects at once, by project id. */
	public Map<Long, Light> of(Collection<Project> projects, Map<Long, Plan> plans) {
		var limits = thresholds.all();
		LocalDate today = today();
		Map<Long, Light> lights = new HashMap<>();
		for (Project p : projects) {
			lights.put(p.id(), of(p, plans.getOrDefault(p.id(), Plan.NONE), limits, today));
		}
		return lights;
	}

	private Light of(Project p, Plan plan, Map<Stage, Threshold> limits, LocalDate today) {
		return of(Standing.of(p), plan, limits, today);
	}

	private Light of(Standing p, Plan plan, Map<Stage, Threshold> limits, LocalDate today) {
		return withProgress(rule(p, plan, limits.get(p.stage()), today, days), p, plan, noProgress, today);
	}

	/**
	 * Every project whose light is {@code health} today, by park and code, with its
	 * light: one statement reading the few columns the rule and the list need, where the
	 * project records and their plans fetched apart cost seconds at tens of thousands of
	 * projects.
	 */
	public List<Listed> listed(Health health) {
		return listed(plans.lit(condition(health)));
	}

	/**
	 * The first {@code limit} of {@link #listed(Health)}, in its order: a page that shows
	 * a hundred of thousands reads no more than it shows.
	 */
	public List<Listed> listed(Health health, int limit) {
		return listed(plans.lit(condition(health), limit));
	}

	private List<Listed> listed(List<PlanRepository.Lit> rows) {
		var limits = thresholds.all();
		LocalDate today = today();
		List<Listed> listed = new ArrayList<>();
		for (PlanRepository.Lit row : rows) {
			listed.add(new Listed(row.projectId(), row.code(), row.name(), row.parkCode(), row.leader(),
					of(row.standing(), row.plan(), limits, today)));
		}
		return listed;
	}

	/**
	 * Rule 4: an active project idle for too long is at least as bad as its idleness, for
	 * that reason.
	 */
	static Light withProgress(Light light, Standing p, Plan plan, NoProgress limits, LocalDate today) {
		if (!p.isActive()) {
			return light;
		}
		LocalDate last = lastMoved(p, plan);
		long idle = ChronoUnit.DAYS.between(last, today);
		Health health = idle >= limits.redDays() ? Health.RED
				: idle >= limits.yellowDays() ? Health.YELLOW : Health.GREEN;
		if (health.compareTo(light.health()) <= 0) {
			return light;
		}
		return new Light(health, Light.Reason.NO_PROGRESS,
				List.of(last, new Light.Days(idle, DayUnit.CALENDAR_DAYS),
						new Light.Days(limits.yellowDays(), DayUnit.CALENDAR_DAYS),
						new Light.Days(limits.redDays(), DayUnit.CALENDAR_DAYS)),
				light.daysLate());
	}

	/**
	 * The day anything last moved: the current milestone or the latest progress entry,
	 * whichever is later.
	 */
	private static LocalDate lastMoved(Standing p, Plan plan) {
		LocalDate progress = plan.lastProgressOn();
		return progress != null && progress.isAfter(p.stageEnteredOn()) ? progress : p.stageEnteredOn();
	}

	/**
	 * The rule itself, for one project on one day with its stage's thresholds (null:
	 * none).
	 */
	static Light rule(Standing p, Plan plan, Threshold t, LocalDate today, WorkingDays days) {
		switch (p.outcome()) {
			case IN_PRODUCTION:
				return new Light(Health.GREEN, Light.Reason.IN_PRODUCTION, List.of(p.stageEnteredOn()), null);
			case DROPPED:
				return new Light(Health.GREEN, Light.Reason.DROPPED, List.of(p.droppedOn()), null);
			default:
				break;
		}
		Stage next = p.stage().next().orElse(null);
		if (t == null || next == null) {
			return new Light(Health.GREEN, Light.Reason.STAGE_AGE, List.of(), null);
		}
		LocalDate agreedNext = plan.agreedFor(next);
		if (agreedNext != null) {
			long late = days.between(t.unit(), agreedNext, today);
			Health health = late >= t.lateRedDays() ? Health.RED
					: late >= t.lateYellowDays() ? Health.YELLOW : Health.GREEN;
			return late > 0
					? new Light(health, Light.Reason.BEHIND_PLAN,
							List.of(next, agreedNext, new Light.Days(late, t.unit())), late)
					: new Light(health, Light.Reason.ON_PLAN,
							List.of(next, agreedNext, new Light.Days(-late, t.unit())), 0L);
		}
		LocalDate agreedCurrent = plan.agreedFor(p.stage());
		if (agreedCurrent != null && !p.stageEnteredOn().isAfter(agreedCurrent)) {
			return new Light(Health.GREEN, Light.Reason.ON_TIME, List.of(p.stage(), p.stageEnteredOn(), agreedCurrent),
					null);
		}
		long age = days.between(t.unit(), p.stageEnteredOn(), today);
		Health health = age >= t.redDays() ? Health.RED : age >= t.yellowDays() ? Health.YELLOW : Health.GREEN;
		return new Light(health, Light.Reason.STAGE_AGE, List.of(next, new Light.Days(age, t.unit()),
				new Light.Days(t.yellowDays(), t.unit()), new Light.Days(t.redDays(), t.unit())), null);
	}

	/**
	 * Why a project has its light, in words a leader understands, in the caller's
	 * language.
	 */
	public String describe(Light light) {
		return describe(light, LocaleContextHolder.getLocale());
	}

	public String describe(Light light, Locale locale) {
		if (light.args().isEmpty()) {
			return messages.getMessage("light.NO_THRESHOLD", null, locale);
		}
		Object[] args = light.args().stream().map(a -> word(a, locale)).toArray();
		return messages.getMessage("light." + light.reason().name(), args, locale);
	}

	private Object word(Object arg, Locale locale) {
		if (arg instanceof Stage stage) {
			return messages.getMessage("milestone." + stage.name(), null, locale);
		}
		if (arg instanceof Light.Days days) {
			return messages.getMessage("light.days." + days.unit().name(), new Object[] { days.count() }, locale);
		}
		if (arg instanceof LocalDate date) {
			return date.toString();
		}
		return arg;
	}

	/**
	 * The projects whose light is {@code health} today, as a criterion of the project
	 * list: the rule above in SQL over project (alias p) and its plan, with each
	 * threshold turned into a cut-off date in Java first, so that working days cost
	 * nothing per row.
	 */
	public ListCondition condition(Health health) {
		return conditions(List.of(health)).get(0);
	}

	/**
	 * {@link #condition} of each of these lights, from one reading of the thresholds and
	 * the day, so that they agree on every parameter and can be counted in one scan.
	 */
	public List<ListCondition> conditions(List<Health> healths) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> red = new ArrayList<>();
		List<String> yellow = new ArrayList<>();
		LocalDate today = today();
		for (Threshold t : thresholds.all().values()) {
			Stage stage = t.stage();
			Stage next = stage.next().orElse(null);
			if (next == null) {
				continue;
			}
			String s = "s" + stage.ordinal();
			params.put(s, stage.name());
			params.put(s + "lr", Date.valueOf(days.minus(t.unit(), today, t.lateRedDays())));
			params.put(s + "ly", Date.valueOf(days.minus(t.unit(), today, t.lateYellowDays())));
			params.put(s + "ar", Date.valueOf(days.minus(t.unit(), today, t.redDays())));
			params.put(s + "ay", Date.valueOf(days.minus(t.unit(), today, t.yellowDays())));
			String agreedNext = "pl." + PlanRepository.column(next);
			String byAge = agreedNext + " IS NULL" + onTimeExcluded(stage) + " AND p.stage_entered_on <= :";
			red.add("(p.stage = :" + s + " AND ((" + agreedNext + " IS NOT NULL AND " + agreedNext + " <= :" + s
					+ "lr) OR (" + byAge + s + "ar)))");
			yellow.add("(p.stage = :" + s + " AND ((" + agreedNext + " IS NOT NULL AND " + agreedNext + " <= :" + s
					+ "ly AND " + agreedNext + " > :" + s + "lr) OR (" + byAge + s + "ay AND p.stage_entered_on > :" + s
					+ "ar)))");
		}
		// rule 4: nothing moved since the cut-off (the stage date and the latest progress
		// entry both on or before it)
		params.put("npr", Date.valueOf(today.minusDays(noProgress.redDays())));
		params.put("npy", Date.valueOf(today.minusDays(noProgress.yellowDays())));
		red.add("(p.stage_entered_on <= :npr AND (pl.last_progress_on IS NULL OR pl.last_progress_on <= :npr))");
		String idleYellow = "(p.stage_entered_on <= :npy AND (pl.last_progress_on IS NULL OR pl.last_progress_on <= "
				+ ":npy))";
		String isRed = String.join(" OR ", red);
		String isYellow = yellow.isEmpty() ? idleYellow : String.join(" OR ", yellow) + " OR " + idleYellow;
		Map<String, Object> shared = Collections.unmodifiableMap(params);
		return healths.stream().map(health -> new ListCondition(PLAN_JOIN, switch (health) {
			case RED -> "p.outcome = 'ACTIVE' AND (" + isRed + ")";
			case YELLOW -> "p.outcome = 'ACTIVE' AND (" + isYellow + ") AND NOT (" + isRed + ")";
			case GREEN -> "NOT (p.outcome = 'ACTIVE' AND (" + isRed + " OR " + isYellow + "))";
		}, shared)).toList();
	}

	/**
	 * Rule 2 in SQL: a stage whose milestone came on or before its agreed date is not
	 * judged by its age.
	 */
	private static String onTimeExcluded(Stage stage) {
		if (stage == Stage.NEGOTIATION) {
			return "";
		}
		String agreed = "pl." + PlanRepository.column(stage);
		return " AND NOT (" + agreed + " IS NOT NULL AND p.stage_entered_on <= " + agreed + ")";
	}

}
