package com.investtrack.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.investtrack.cluster.ClusterLedger.Kind;
import com.investtrack.cluster.ClusterLedger.Outcome;
import com.investtrack.cluster.ClusterLedger.Result;
import com.investtrack.common.Stage;

/**
 * Compares what the users were told (the ledger) with what the database holds, in each of the three places a step
 * leaves a trace: the product's tables (milestone, approval_request, project), the audit trail, and the engine's
 * history. A step the users saw acknowledged must be in each place exactly once; nothing may be there that no user
 * was told about, except what a user sent and never got a definitive answer to (in doubt).
 */
final class ClusterChecks {

	/** The figures and the problems found; every list of problems must be empty for the test to pass. */
	record Findings(int acknowledgedSteps, Map<Kind, Integer> acknowledgedByKind, int inDoubt, int refused,
			int milestones, int auditEntries, List<String> lost, List<String> duplicated, List<String> phantoms,
			List<String> skippedStages, int stalledProjects, int timersDue, int timersFiredOnce, List<String> timerProblems,
			int remainingDueJobs, int incidents, int failedJobRuns) {
	}

	private enum Source {

		TABLES, AUDIT, ENGINE

	}

	/** One kind of trace of one project, e.g. "MILESTONE:SIGNING" of project 17. */
	private record Trace(long projectId, String label) implements Comparable<Trace> {

		@Override
		public int compareTo(Trace o) {
			int c = Long.compare(projectId, o.projectId);
			return c != 0 ? c : label.compareTo(o.label);
		}

	}

	private final JdbcClient db;

	ClusterChecks(JdbcClient db) {
		this.db = db;
	}

	Findings check(List<Outcome> outcomes) {
		Map<Trace, Integer> acked = new TreeMap<>();
		Map<Trace, Integer> inDoubt = new TreeMap<>();
		Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
		int doubtfulCreations = 0;
		int refused = 0;
		int doubtful = 0;
		for (Outcome o : outcomes) {
			if (o.result() == Result.REFUSED) {
				refused++;
				continue;
			}
			if (o.result() == Result.IN_DOUBT) {
				doubtful++;
				if (o.projectId() == null) {
					doubtfulCreations++;
				}
			}
			else {
				byKind.merge(o.step().kind(), 1, Integer::sum);
			}
			Map<Trace, Integer> into = o.result() == Result.ACKED ? acked : inDoubt;
			for (Trace t : expectedTraces(o)) {
				into.merge(t, 1, Integer::sum);
			}
		}
		Map<Source, Map<Trace, Integer>> found = found();

		List<String> lost = new ArrayList<>();
		List<String> duplicated = new ArrayList<>();
		List<String> phantoms = new ArrayList<>();
		Set<Long> known = new HashSet<>();
		acked.keySet().forEach(t -> known.add(t.projectId()));
		inDoubt.keySet().forEach(t -> known.add(t.projectId()));
		List<Long> unknown = new ArrayList<>(db.sql("SELECT id FROM project ORDER BY id").query(Long.class).list());
		unknown.removeAll(known);
		if (unknown.size() > doubtfulCreations) {
			phantoms.add("projects no user was told of (only " + doubtfulCreations + " creations in doubt): " + unknown);
		}
		Set<Trace> all = new TreeSet<>(acked.keySet());
		found.values().forEach(m -> all.addAll(m.keySet()));
		for (Trace t : all) {
			if (!known.contains(t.projectId())) {
				continue;
			}
			int a = acked.getOrDefault(t, 0);
			int d = inDoubt.getOrDefault(t, 0);
			for (Source source : Source.values()) {
				if (!appliesTo(source, t.label())) {
					continue;
				}
				int f = found.get(source).getOrDefault(t, 0);
				if (f < a) {
					lost.add(t + " in " + source + ": acknowledged " + a + ", found " + f);
				}
				else if (f > a + d && a > 0) {
					duplicated.add(t + " in " + source + ": acknowledged " + a + " (+" + d + " in doubt), found " + f);
				}
				else if (f > a + d) {
					phantoms.add(t + " in " + source + ": found " + f + ", acknowledged to no user (" + d + " in doubt)");
				}
			}
		}

		Set<Long> stalled = new HashSet<>(
				db.sql("SELECT id FROM project WHERE name LIKE 'Stalled %'").query(Long.class).list());
		return new Findings(byKind.values().stream().mapToInt(Integer::intValue).sum(), byKind, doubtful, refused,
				count("SELECT COUNT(*) FROM milestone"), count("SELECT COUNT(*) FROM audit_entry"), lost, duplicated, phantoms,
				skippedStages(), stalled.size(), stalled.size() * 2, timersFiredOnce(stalled), timerProblems(stalled),
				remainingDueJobs(db),
				count("SELECT COUNT(*) FROM ACT_RU_INCIDENT"), count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1"));
	}

	/** Where a step that was applied leaves its traces. */
	private static List<Trace> expectedTraces(Outcome o) {
		var step = o.step();
		if (o.projectId() == null) {
			return List.of();
		}
		long id = o.projectId();
		return switch (step.kind()) {
			case CREATE, CREATE_STALLED -> List.of(new Trace(id, "CREATED"), new Trace(id, "MILESTONE:NEGOTIATION"));
			case ADVANCE -> List.of(new Trace(id, (Stage.valueOf(step.stage()).approvalRequired() ? "REQUESTED:" : "MILESTONE:")
					+ step.stage()));
			case DECIDE -> step.decision().equals("APPROVE")
					? List.of(new Trace(id, "APPROVED:" + step.stage()), new Trace(id, "MILESTONE:" + step.stage()))
					: List.of(new Trace(id, "REJECTED:" + step.stage()));
			case DROP -> List.of(new Trace(id, "DROPPED"));
			case ACKNOWLEDGE -> List.of(new Trace(id, "REVIEWED"));
		};
	}

	/** Which sources record a kind of trace (decisions leave no trace of their own in the engine's history). */
	private static boolean appliesTo(Source source, String label) {
		return !(source == Source.ENGINE && (label.startsWith("APPROVED") || label.startsWith("REJECTED")))
				&& !(source == Source.TABLES && label.equals("REVIEWED"));
	}

	private Map<Source, Map<Trace, Integer>> found() {
		Map<Source, Map<Trace, Integer>> found = new EnumMap<>(Source.class);
		Map<Trace, Integer> tables = new HashMap<>();
		add(tables, "SELECT project_id, CONCAT('MILESTONE:', stage), COUNT(*) FROM milestone GROUP BY project_id, stage");
		add(tables, "SELECT project_id, CONCAT('REQUESTED:', to_stage), COUNT(*) FROM approval_request GROUP BY project_id, to_stage");
		add(tables, "SELECT project_id, CONCAT(CASE status WHEN 'APPROVED' THEN 'APPROVED:' ELSE 'REJECTED:' END, to_stage), "
				+ "COUNT(*) FROM approval_request WHERE status IN ('APPROVED', 'REJECTED') GROUP BY project_id, status, to_stage");
		add(tables, "SELECT id, 'CREATED', 1 FROM project");
		add(tables, "SELECT id, 'DROPPED', 1 FROM project WHERE outcome = 'DROPPED'");
		found.put(Source.TABLES, tables);

		Map<Trace, Integer> audit = new HashMap<>();
		add(audit, """
				SELECT project_id, CASE action WHEN 'PROJECT_CREATED' THEN 'CREATED' WHEN 'PROJECT_DROPPED' THEN 'DROPPED'
				  WHEN 'STALL_REVIEWED' THEN 'REVIEWED' WHEN 'MILESTONE_RECORDED' THEN CONCAT('MILESTONE:', to_stage)
				  WHEN 'APPROVAL_REQUESTED' THEN CONCAT('REQUESTED:', to_stage) WHEN 'APPROVED' THEN CONCAT('APPROVED:', to_stage)
				  ELSE CONCAT('REJECTED:', to_stage) END AS label, COUNT(*)
				FROM audit_entry WHERE action IN ('PROJECT_CREATED', 'PROJECT_DROPPED', 'STALL_REVIEWED', 'MILESTONE_RECORDED',
				  'APPROVAL_REQUESTED', 'APPROVED', 'REJECTED')
				GROUP BY project_id, label""");
		found.put(Source.AUDIT, audit);

		Map<Trace, Integer> engine = new HashMap<>();
		add(engine, "SELECT CAST(BUSINESS_KEY_ AS SIGNED), 'CREATED', COUNT(*) FROM ACT_HI_PROCINST GROUP BY BUSINESS_KEY_");
		add(engine, """
				SELECT p.id, CASE WHEN a.ACT_ID_ = 'NegotiationStarted' THEN 'MILESTONE:NEGOTIATION'
				  WHEN a.ACT_ID_ = 'RecordDrop' THEN 'DROPPED' ELSE CONCAT('MILESTONE:', SUBSTRING(a.ACT_ID_, 17)) END AS label, COUNT(*)
				FROM ACT_HI_ACTINST a JOIN project p ON p.process_instance_id = a.PROC_INST_ID_
				WHERE a.END_TIME_ IS NOT NULL AND (a.ACT_ID_ IN ('NegotiationStarted', 'RecordDrop') OR a.ACT_ID_ LIKE 'RecordMilestone\\_%')
				GROUP BY p.id, label""");
		add(engine, """
				SELECT p.id, CASE WHEN t.TASK_DEF_KEY_ LIKE 'Approve\\_%' THEN CONCAT('REQUESTED:', SUBSTRING(t.TASK_DEF_KEY_, 9))
				  ELSE 'REVIEWED' END AS label, COUNT(*)
				FROM ACT_HI_TASKINST t JOIN project p ON p.process_instance_id = t.PROC_INST_ID_
				WHERE t.TASK_DEF_KEY_ LIKE 'Approve\\_%' OR (t.TASK_DEF_KEY_ LIKE 'ReviewStalled\\_%' AND t.DELETE_REASON_ = 'completed')
				GROUP BY p.id, label""");
		found.put(Source.ENGINE, engine);
		return found;
	}

	private void add(Map<Trace, Integer> into, String sql) {
		db.sql(sql).query(rs -> {
			into.merge(new Trace(rs.getLong(1), rs.getString(2)), rs.getInt(3), Integer::sum);
		});
	}

	/** Every project's milestones form an unbroken run from negotiation to its current stage, in date order. */
	private List<String> skippedStages() {
		Map<Long, List<Object[]>> byProject = new TreeMap<>();
		db.sql("SELECT project_id, stage, effective_on FROM milestone").query(rs -> {
			byProject.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Object[] { Stage.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate() });
		});
		Map<Long, Stage> current = new HashMap<>();
		db.sql("SELECT id, stage FROM project").query(rs -> {
			current.put(rs.getLong(1), Stage.valueOf(rs.getString(2)));
		});
		List<String> problems = new ArrayList<>();
		current.forEach((id, stage) -> {
			List<Object[]> rows = byProject.getOrDefault(id, List.of());
			rows.sort((a, b) -> ((Stage) a[0]).compareTo((Stage) b[0]));
			LocalDate previous = LocalDate.MIN;
			for (int i = 0; i < rows.size(); i++) {
				Stage s = (Stage) rows.get(i)[0];
				LocalDate on = (LocalDate) rows.get(i)[1];
				if (s.ordinal() != i) {
					problems.add("project " + id + ": milestone " + s + " without " + Stage.values()[i]);
					return;
				}
				if (on.isBefore(previous)) {
					problems.add("project " + id + ": " + s + " on " + on + " before the previous milestone " + previous);
					return;
				}
				previous = on;
			}
			if (rows.isEmpty() || rows.get(rows.size() - 1)[0] != stage) {
				problems.add("project " + id + " is in " + stage + " but its last milestone is "
						+ (rows.isEmpty() ? "none" : rows.get(rows.size() - 1)[0]));
			}
		});
		return problems;
	}

	private int timersFiredOnce(Set<Long> stalled) {
		int once = 0;
		for (long id : stalled) {
			for (String action : List.of("STAGE_YELLOW", "STAGE_RED")) {
				if (flags(id, action) == 1) {
					once++;
				}
			}
		}
		return once;
	}

	/** Each stalled project's two due timers ran once, in the trail and in the engine; no other project's ran at all. */
	private List<String> timerProblems(Set<Long> stalled) {
		List<String> problems = new ArrayList<>();
		for (long id : stalled) {
			for (String action : List.of("STAGE_YELLOW", "STAGE_RED")) {
				int inTrail = flags(id, action);
				String activity = action.equals("STAGE_YELLOW") ? "FlagYellow_NEGOTIATION" : "FlagRed_NEGOTIATION";
				int inEngine = db.sql("""
						SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN project p ON p.process_instance_id = a.PROC_INST_ID_
						WHERE p.id = ? AND a.ACT_ID_ = ? AND a.END_TIME_ IS NOT NULL""").params(id, activity).query(Integer.class).single();
				if (inTrail != 1 || inEngine != 1) {
					problems.add("project " + id + " " + action + ": " + inTrail + " in the audit trail, " + inEngine + " in the engine");
				}
			}
			int reviews = db.sql("""
					SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN project p ON p.process_instance_id = t.PROC_INST_ID_
					WHERE p.id = ? AND t.TASK_DEF_KEY_ = 'ReviewStalled_NEGOTIATION'""").param(id).query(Integer.class).single();
			if (reviews != 1) {
				problems.add("project " + id + ": " + reviews + " stalled-project reviews opened");
			}
		}
		db.sql("SELECT project_id, action, from_stage, COUNT(*) FROM audit_entry WHERE action IN ('STAGE_YELLOW', 'STAGE_RED') "
				+ "GROUP BY project_id, action, from_stage").query(rs -> {
					if (rs.getInt(4) > 1 || !stalled.contains(rs.getLong(1))) {
						problems.add("project " + rs.getLong(1) + " " + rs.getString(2) + " of " + rs.getString(3) + " fired "
								+ rs.getInt(4) + " times" + (stalled.contains(rs.getLong(1)) ? "" : " (not due)"));
					}
				});
		return problems;
	}

	private int flags(long projectId, String action) {
		return db.sql("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = ?")
			.params(projectId, action)
			.query(Integer.class)
			.single();
	}

	/** Jobs that are due and would still run: none may be left once the cluster has settled. */
	static int remainingDueJobs(JdbcClient db) {
		return db.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ <= ? AND RETRIES_ > 0")
			.param(java.sql.Timestamp.from(java.time.Instant.now()))
			.query(Integer.class)
			.single();
	}

	private int count(String sql) {
		return db.sql(sql).query(Integer.class).single();
	}

}
