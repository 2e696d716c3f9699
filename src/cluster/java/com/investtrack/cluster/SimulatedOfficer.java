package com.investtrack.cluster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.cluster.ClusterApi.Answer;
import com.investtrack.cluster.ClusterLedger.Kind;
import com.investtrack.cluster.ClusterLedger.Result;
import com.investtrack.cluster.ClusterLedger.Step;
import com.investtrack.cluster.ClusterLoad.Sent;
import com.investtrack.common.Stage;

/**
 * An investment officer: keeps a few projects moving, stage by stage, asks for approvals,
 * now and then drops one. About a third of the projects are filed late, as imports and
 * late entries are: negotiation began months ago and every agreed date already lies more
 * than a month behind, so the project is red from its creation until it reaches
 * production or is dropped, and its steps (back-dated too) run while the light sweep
 * opens and closes its review.
 */
final class SimulatedOfficer implements Runnable {

	/** A project as the officer last saw it. */
	private record Seen(long id, Stage stage, LocalDate enteredOn, boolean awaitingApproval) {

		static Seen of(JsonNode view) {
			return new Seen(view.get("id").asLong(), Stage.valueOf(view.get("stage").asText()),
					LocalDate.parse(view.get("stageEnteredOn").asText()), !view.get("pendingApproval").isNull());
		}

		boolean finished(JsonNode view) {
			return !"ACTIVE".equals(view.get("outcome").asText());
		}

	}

	private static final int MAX_PROJECTS = 3;

	/**
	 * Share of projects filed back-dated with their agreed dates long passed (red while
	 * their steps run).
	 */
	static final double BACKDATED = 0.33;

	private static final double DROPS = 0.04;

	/** Share of actions that are a progress entry (周调度) rather than a step. */
	private static final double PROGRESS = 0.12;

	private static final String[] PARKS = { "JS-IMP", "ZX-CNC", "SY-GF", "QJL-EA" };

	private static final String[] INDUSTRIES = { "EQUIPMENT", "NEW_ENERGY", "CHEMICAL", "AGRI_FOOD", "ELECTRONICS",
			"RENEWABLE", "HEALTH" };

	private final ClusterLoad load;

	private final String name;

	private final Map<Long, Seen> projects = new LinkedHashMap<>();

	private Instant nextRefresh = Instant.EPOCH;

	private int created;

	SimulatedOfficer(ClusterLoad load, String name) {
		this.load = load;
		this.name = name;
	}

	@Override
	public void run() {
		try {
			while (!load.stopping()) {
				act();
			}
		}
		catch (RuntimeException ex) {
			load.fail(name, ex);
		}
	}

	private void act() {
		refreshAwaitingApproval();
		List<Seen> ready = projects.values().stream().filter(p -> !p.awaitingApproval()).toList();
		if (!projects.isEmpty() && ClusterLoad.random() < PROGRESS) {
			List<Seen> mine = new ArrayList<>(projects.values());
			progress(mine.get(ThreadLocalRandom.current().nextInt(mine.size())));
		}
		else if (projects.size() < MAX_PROJECTS && (ready.isEmpty() || ClusterLoad.random() < 0.3)) {
			create(ClusterLoad.random() < BACKDATED);
		}
		else if (!ready.isEmpty()) {
			step(ready.get(ThreadLocalRandom.current().nextInt(ready.size())));
		}
		else {
			ClusterApi.pause(500);
			return;
		}
		ClusterApi.pause(ClusterLoad.THINK_MILLIS);
	}

	/**
	 * Files a project: a fresh one starting 25 days ago (green throughout), or a
	 * back-dated one (red).
	 */
	void create(boolean backdated) {
		LocalDate started = load.today.minusDays(backdated ? 150 + ThreadLocalRandom.current().nextInt(100) : 25);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", (backdated ? BACKDATED_PREFIX : "Cluster ") + name + " #" + (++created));
		body.put("investor", "Investor of " + name);
		body.put("industryCode", INDUSTRIES[ThreadLocalRandom.current().nextInt(INDUSTRIES.length)]);
		body.put("parkCode", PARKS[ThreadLocalRandom.current().nextInt(PARKS.length)]);
		body.put("assetModel", "HEAVY");
		body.put("investmentAmountYuan", 50_000_000 + ThreadLocalRandom.current().nextInt(900) * 1_000_000L);
		body.put("landAreaM2", 20_000 + ThreadLocalRandom.current().nextInt(200_000));
		body.put("officer", name);
		body.put("negotiationStartedOn", started.toString());
		if (backdated) {
			body.put("plan", passedPlan(started));
		}
		Step step = new Step(backdated ? Kind.CREATE_BACKDATED : Kind.CREATE, name, null, Stage.NEGOTIATION.name(),
				null, started, newKey());
		Sent sent = load.alone(step, "/api/projects", body);
		if (sent.outcome().result() == Result.ACKED) {
			projects.put(sent.outcome().projectId(), Seen.of(sent.answer().body()));
		}
	}

	/**
	 * A weekly progress entry on one of the officer's projects, dated today; the key in
	 * its text lets the checks find it.
	 */
	private void progress(Seen project) {
		String key = newKey();
		Step entry = new Step(Kind.PROGRESS, name, project.id(), project.stage().name(), null, load.today, key);
		load.alone(entry, "/api/projects/" + project.id() + "/progress", Map.of("on", load.today.toString(), "progress",
				"周调度 " + key, "problems", "用电指标待落实", "nextSteps", "协调供电公司"));
	}

	private void step(Seen project) {
		Stage next = project.stage().next().orElseThrow();
		LocalDate on = someDayAfter(project.enteredOn());
		String path = "/api/projects/" + project.id();
		if (project.stage().droppable() && ClusterLoad.random() < DROPS) {
			Step drop = new Step(Kind.DROP, name, project.id(), project.stage().name(), null, on, newKey());
			seen(project, List.of(load.alone(drop, path + "/drop",
					Map.of("effectiveOn", on.toString(), "reason", "Investor chose another city"))));
			return;
		}
		Step advance = new Step(Kind.ADVANCE, name, project.id(), next.name(), null, on, newKey());
		Map<String, Object> body = Map.of("to", next.name(), "effectiveOn", on.toString(), "comment",
				"Recorded by " + name);
		if (ClusterLoad.random() < ClusterLoad.PAIRS) {
			LocalDate otherDay = someDayAfter(project.enteredOn());
			Step rival = new Step(Kind.ADVANCE, name, project.id(), next.name(), null, otherDay, newKey());
			seen(project, load.pair(advance, path + "/advance", body, rival, path + "/advance", Map.of("to",
					next.name(), "effectiveOn", otherDay.toString(), "comment", "Also recorded by " + name)));
		}
		else {
			seen(project, List.of(load.alone(advance, path + "/advance", body)));
		}
	}

	/**
	 * Takes the project's new state from an acknowledged answer, or reads it when none
	 * was acknowledged.
	 */
	private void seen(Seen project, List<Sent> answers) {
		JsonNode view = answers.stream()
			.filter(s -> s.outcome().result() == Result.ACKED)
			.map(s -> s.answer().body())
			.findFirst()
			.orElseGet(() -> read(project.id()));
		if (view == null) {
			return;
		}
		if (project.finished(view)) {
			projects.remove(project.id());
		}
		else {
			projects.put(project.id(), Seen.of(view));
		}
	}

	private void refreshAwaitingApproval() {
		if (Instant.now().isBefore(nextRefresh)) {
			return;
		}
		nextRefresh = Instant.now().plusMillis(2000 + ThreadLocalRandom.current().nextInt(2000));
		for (Seen p : new ArrayList<>(projects.values())) {
			if (p.awaitingApproval()) {
				JsonNode view = read(p.id());
				if (view != null) {
					if (p.finished(view)) {
						projects.remove(p.id());
					}
					else {
						projects.put(p.id(), Seen.of(view));
					}
				}
			}
		}
	}

	static final String BACKDATED_PREFIX = "Back-dated ";

	/**
	 * Agreed dates 20, 40, 60 and 80 days after the first talk, all more than the red
	 * limit (30 days late) behind today: whatever stage the project reaches, short of
	 * production, its next agreed date is long passed.
	 */
	static Map<String, String> passedPlan(LocalDate started) {
		return Map.of("SIGNING", started.plusDays(20).toString(), "SITE_SELECTION", started.plusDays(40).toString(),
				"CONSTRUCTION", started.plusDays(60).toString(), "PRODUCTION", started.plusDays(80).toString());
	}

	private JsonNode read(long id) {
		Answer answer = load.api.get(name, "/api/projects/" + id);
		return answer.status() == 200 ? answer.body() : null;
	}

	/** A day on or up to two days after the stage began, never after today. */
	private LocalDate someDayAfter(LocalDate enteredOn) {
		LocalDate day = enteredOn.plusDays(ThreadLocalRandom.current().nextInt(3));
		return day.isAfter(load.today) ? load.today : day;
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

}
