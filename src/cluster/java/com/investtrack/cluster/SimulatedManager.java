package com.investtrack.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.cluster.ClusterApi.Answer;
import com.investtrack.cluster.ClusterLedger.Kind;
import com.investtrack.cluster.ClusterLedger.Step;

/**
 * A manager working the inbox: approves most requests, rejects some with a reason,
 * acknowledges stalled-project reviews. Managers pick from the same shared inbox, so some
 * of them collide on the same task by themselves; a share of decisions is sent as a
 * conflicting pair with another manager's opposite decision.
 */
final class SimulatedManager implements Runnable {

	private static final double REJECTIONS = 0.15;

	/** Share of inbox visits in which the manager also issues a supervision notice. */
	private static final double NOTICES = 0.25;

	private final ClusterLoad load;

	private final String name;

	SimulatedManager(ClusterLoad load, String name) {
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
		Answer inbox = load.api.get(name, "/api/tasks?size=50");
		List<JsonNode> open = new ArrayList<>();
		if (inbox.status() == 200) {
			inbox.body().get("content").forEach(item -> {
				if (item.get("canDecide").asBoolean() && !"MILESTONE".equals(item.get("kind").asText())) {
					open.add(item);
				}
			});
		}
		if (!open.isEmpty() && ClusterLoad.random() < NOTICES) {
			issueNotice(open.get(ThreadLocalRandom.current().nextInt(open.size())).get("projectId").asLong());
		}
		if (open.isEmpty()) {
			ClusterApi.pause(1000);
			return;
		}
		java.util.Collections.shuffle(open);
		for (JsonNode item : open.subList(0, Math.min(3, open.size()))) {
			if (load.stopping()) {
				return;
			}
			decide(item);
			ClusterApi.pause(ClusterLoad.THINK_MILLIS);
		}
	}

	private void decide(JsonNode item) {
		long projectId = item.get("projectId").asLong();
		String path = "/api/tasks/" + item.get("taskId").asText() + "/decision";
		if ("REVIEW".equals(item.get("kind").asText())) {
			Step review = new Step(Kind.ACKNOWLEDGE, name, projectId, item.get("stage").asText(), "ACKNOWLEDGE", null,
					newKey());
			load.alone(review, path, Map.of("decision", "ACKNOWLEDGE", "comment", "Called the investor"));
			return;
		}
		String to = item.get("to").asText();
		String decision = ClusterLoad.random() < REJECTIONS ? "REJECT" : "APPROVE";
		Step step = new Step(Kind.DECIDE, name, projectId, to, decision, null, newKey());
		if (ClusterLoad.random() < ClusterLoad.PAIRS) {
			String rivalName = otherManager();
			String rivalDecision = decision.equals("APPROVE") ? "REJECT" : "APPROVE";
			Step rival = new Step(Kind.DECIDE, rivalName, projectId, to, rivalDecision, null, newKey());
			load.pair(step, path, body(decision), rival, path, body(rivalDecision));
		}
		else {
			load.alone(step, path, body(decision));
		}
	}

	/**
	 * A supervision notice (督办单) to the project's officer, due in two weeks; the key in
	 * its text lets the checks find it. Each notice starts a process instance of its own.
	 */
	private void issueNotice(long projectId) {
		Answer project = load.api.get(name, "/api/projects/" + projectId);
		if (project.status() != 200) {
			return;
		}
		String key = newKey();
		Step notice = new Step(Kind.NOTICE, name, projectId, project.body().get("stage").asText(), null, load.today,
				key);
		load.alone(notice, "/api/notices",
				Map.of("projectId", projectId, "owner", project.body().get("officer").asText(), "deadline",
						load.today.plusDays(14).toString(), "text", "请于两周内落实用电指标 " + key));
	}

	private Map<String, Object> body(String decision) {
		return Map.of("decision", decision, "comment", decision.equals("REJECT")
				? "Investment intensity too low for the park" : "Approved at the weekly " + "review");
	}

	private String otherManager() {
		List<String> others = load.managers.stream().filter(m -> !m.equals(name)).toList();
		return others.get(ThreadLocalRandom.current().nextInt(others.size()));
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

}
