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
 * Compares what the users were told (the ledger) with what the database holds, in each of
 * the three places a step leaves a trace: the product's tables (milestone,
 * approval_request, project), the audit trail, and the engine's history. A step the users
 * saw acknowledged must be in each place exactly once; nothing may be there that no user
 * was told about, except what a user sent and never got a definitive answer to (in
 * doubt).
 */
final class ClusterChecks {

	/**
	 * The figures and the problems found; every list of problems must be empty for the
	 * test to pass.
	 */
	record Findings(int acknowledgedSteps, Map<Kind, Integer> acknowledgedByKind, int inDoubt, int refused,
			int milestones, int auditEntries, List<String> lost, List<String> duplicated, List<String> phantoms,
			List<String> skippedStages, Reviews reviews, int remainingDueJobs, int incidents, int jobsWithExceptions) {
	}

	/**
	 * The lights and reviews once the sweep has run after the load: the projects, the
	 * back-dated ones among them, the red ones by the rule (computed here from the
	 * tables) and by the product's own list filter, and the reviews.
	 */
	record Reviews(int projects, int backdated, int red, int redBackdated, int redByApi, int active, int acknowledged,
			int opened, int closed, int runningReviewInstances, int open, List<String> problems) {
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

	/**
	 * The product's default app.lights.no-progress-red-days, which the nodes run with.
	 */
	private static final int NO_PROGRESS_RED_DAYS = 90;

	private final JdbcClient db;

	ClusterChecks(JdbcClient db) {
		this.db = db;
	}

	/**
	 * @param imported the projects a ledger import created: known to the users (the
	 * importing manager was told how many), their traces checked apart
	 */
	Findings check(List<Outcome> outcomes, Set<Long> redByApi, java.time.Duration jobGrace, Set<Long> imported) {
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
		Set<Long> known = new HashSet<>(imported);
		acked.keySet().forEach(t -> known.add(t.projectId()));
		inDoubt.keySet().forEach(t -> known.add(t.projectId()));
		List<Long> unknown = new ArrayList<>(db.sql("SELECT id FROM project ORDER BY id").query(Long.class).list());
		unknown.removeAll(known);
		int orphanNoticeInstances = count("""
				SELECT COUNT(*) FROM ACT_HI_PROCINST h LEFT JOIN supervision_notice n ON n.process_instance_id = h.ID_
				WHERE h.PROC_DEF_KEY_ = 'supervision-notice' AND n.id IS NULL""");
		if (orphanNoticeInstances > 0) {
			phantoms.add(orphanNoticeInstances + " notice process instances without a notice");
		}
		if (unknown.size() > doubtfulCreations) {
			phantoms
				.add("projects no user was told of (only " + doubtfulCreations + " creations in doubt): " + unknown);
		}
		Set<Trace> all = new TreeSet<>(acked.keySet());
		found.values().forEach(m -> all.addAll(m.keySet()));
		for (Trace t : all) {
			if (!known.contains(t.projectId())) {
				continue;
			}
			if (imported.contains(t.projectId())
					&& (t.label().equals("CREATED") || t.label().startsWith("MILESTONE:"))) {
				// what the import itself wrote; later steps on these projects are checked
				// like any
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
					phantoms
						.add(t + " in " + source + ": found " + f + ", acknowledged to no user (" + d + " in doubt)");
				}
			}
		}

		return new Findings(byKind.values().stream().mapToInt(Integer::intValue).sum(), byKind, doubtful, refused,
				count("SELECT COUNT(*) FROM milestone"), count("SELECT COUNT(*) FROM audit_entry"), lost, duplicated,
				phantoms, skippedStages(), reviews(redByApi), remainingDueJobs(db, jobGrace),
				count("SELECT COUNT(*) FROM " + "ACT_RU_INCIDENT"),
				count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL OR EXCEPTION_STACK_ID_ IS "
						+ "NOT NULL"));
	}

	/** Where a step that was applied leaves its traces. */
	private static List<Trace> expectedTraces(Outcome o) {
		var step = o.step();
		if (o.projectId() == null) {
			return List.of();
		}
		long id = o.projectId();
		return switch (step.kind()) {
			case CREATE, CREATE_BACKDATED -> List.of(new Trace(id, "CREATED"), new Trace(id, "MILESTONE:NEGOTIATION"));
			case ADVANCE -> List.of(new Trace(id,
					(Stage.valueOf(step.stage()).approvalRequired() ? "REQUESTED:" : "MILESTONE:") + step.stage()));
			case DECIDE -> step.decision().equals("APPROVE")
					? List.of(new Trace(id, "APPROVED:" + step.stage()), new Trace(id, "MILESTONE:" + step.stage()))
					: List.of(new Trace(id, "REJECTED:" + step.stage()));
			case DROP -> List.of(new Trace(id, "DROPPED"));
			case ACKNOWLEDGE -> List.of(new Trace(id, "REVIEWED"));
			case PROGRESS -> List.of(new Trace(id, "PROGRESS"));
			case NOTICE -> List.of(new Trace(id, "NOTICE"));
			// the projects an import creates are checked apart
			// (ClusterFaultIT.importProblems)
			case IMPORT -> List.of();
		};
	}

	/**
	 * Which sources record a kind of trace (decisions leave no trace of their own in the
	 * engine's history).
	 */
	private static boolean appliesTo(Source source, String label) {
		return !(source == Source.ENGINE
				&& (label.startsWith("APPROVED") || label.startsWith("REJECTED") || label.equals("PROGRESS")));
	}

	private Map<Source, Map<Trace, Integer>> found() {
		Map<Source, Map<Trace, Integer>> found = new EnumMap<>(Source.class);
		Map<Trace, Integer> tables = new HashMap<>();
		add(tables,
				"SELECT project_id, CONCAT('MILESTONE:', stage), COUNT(*) FROM milestone GROUP BY project_id, stage");
		add(tables, "SELECT project_id, CONCAT('REQUESTED:', to_stage), COUNT(*) FROM approval_request GROUP BY "
				+ "project_id, to_stage");
		add(tables, "SELECT project_id, CONCAT(CASE status WHEN 'APPROVED' THEN 'APPROVED:' ELSE 'REJECTED:' END, "
				+ "to_stage), "
				+ "COUNT(*) FROM approval_request WHERE status IN ('APPROVED', 'REJECTED') GROUP BY project_id, "
				+ "status, to_stage");
		add(tables, "SELECT id, 'CREATED', 1 FROM project");
		add(tables, "SELECT id, 'DROPPED', 1 FROM project WHERE outcome = 'DROPPED'");
		add(tables, "SELECT project_id, 'REVIEWED', COUNT(*) FROM stall_review WHERE acknowledged_by IS NOT NULL "
				+ "GROUP BY project_id");
		add(tables, "SELECT project_id, 'PROGRESS', COUNT(*) FROM progress_entry GROUP BY project_id");
		add(tables, "SELECT project_id, 'NOTICE', COUNT(*) FROM supervision_notice GROUP BY project_id");
		found.put(Source.TABLES, tables);

		Map<Trace, Integer> audit = new HashMap<>();
		add(audit, """
				SELECT project_id, CASE action WHEN 'PROJECT_CREATED' THEN 'CREATED' WHEN 'PROJECT_DROPPED' THEN
				  'DROPPED'
				  WHEN 'STALL_REVIEWED' THEN 'REVIEWED' WHEN 'MILESTONE_RECORDED' THEN CONCAT('MILESTONE:', to_stage)
				  WHEN 'APPROVAL_REQUESTED' THEN CONCAT('REQUESTED:', to_stage) WHEN 'APPROVED' THEN
				    CONCAT('APPROVED:', to_stage)
				  ELSE CONCAT('REJECTED:', to_stage) END AS label, COUNT(*)
				FROM audit_entry WHERE action IN ('PROJECT_CREATED', 'PROJECT_DROPPED', 'STALL_REVIEWED',
				  'MILESTONE_RECORDED',
				  'APPROVAL_REQUESTED', 'APPROVED', 'REJECTED')
				GROUP BY project_id, label""");
		add(audit,
				"SELECT project_id, CASE action WHEN 'PROGRESS_RECORDED' THEN 'PROGRESS' ELSE 'NOTICE' END, "
						+ "COUNT(*) FROM audit_entry WHERE action IN ('PROGRESS_RECORDED', 'NOTICE_ISSUED') "
						+ "GROUP BY project_id, action");
		found.put(Source.AUDIT, audit);

		Map<Trace, Integer> engine = new HashMap<>();
		add(engine, "SELECT CAST(BUSINESS_KEY_ AS SIGNED), 'CREATED', COUNT(*) FROM ACT_HI_PROCINST "
				+ "WHERE PROC_DEF_KEY_ = 'investment-project' GROUP BY BUSINESS_KEY_");
		add(engine, """
				SELECT p.id, CASE WHEN a.ACT_ID_ = 'NegotiationStarted' THEN 'MILESTONE:NEGOTIATION'
				  WHEN a.ACT_ID_ = 'RecordDrop' THEN 'DROPPED' ELSE CONCAT('MILESTONE:', SUBSTRING(a.ACT_ID_, 17)) END
				    AS label, COUNT(*)
				FROM ACT_HI_ACTINST a JOIN project p ON p.process_instance_id = a.PROC_INST_ID_
				WHERE a.END_TIME_ IS NOT NULL AND (a.ACT_ID_ IN ('NegotiationStarted', 'RecordDrop') OR a.ACT_ID_ LIKE
				  'RecordMilestone\\_%')
				GROUP BY p.id, label""");
		add(engine, """
				SELECT p.id, CONCAT('REQUESTED:', SUBSTRING(t.TASK_DEF_KEY_, 9)) AS label, COUNT(*)
				FROM ACT_HI_TASKINST t JOIN project p ON p.process_instance_id = t.PROC_INST_ID_
				WHERE t.TASK_DEF_KEY_ LIKE 'Approve\\_%'
				GROUP BY p.id, label""");
		// a review is a process instance of its own (stalled-project-review), tied to its
		// project by stall_review
		add(engine, """
				SELECT r.project_id, 'REVIEWED', COUNT(*)
				FROM ACT_HI_TASKINST t JOIN stall_review r ON r.process_instance_id = t.PROC_INST_ID_
				WHERE t.TASK_DEF_KEY_ = 'ReviewStalledProject' AND t.DELETE_REASON_ = 'completed'
				GROUP BY r.project_id""");
		// a notice is a process instance of its own (supervision-notice), tied to its
		// project by supervision_notice; instances without a notice are counted apart
		// (orphanNoticeInstances)
		add(engine, """
				SELECT n.project_id, 'NOTICE', COUNT(*)
				FROM ACT_HI_PROCINST h JOIN supervision_notice n ON n.process_instance_id = h.ID_
				WHERE h.PROC_DEF_KEY_ = 'supervision-notice'
				GROUP BY n.project_id""");
		found.put(Source.ENGINE, engine);
		return found;
	}

	private void add(Map<Trace, Integer> into, String sql) {
		db.sql(sql).query(rs -> {
			into.merge(new Trace(rs.getLong(1), rs.getString(2)), rs.getInt(3), Integer::sum);
		});
	}

	/**
	 * Every project's milestones form an unbroken run from negotiation to its current
	 * stage, in date order.
	 */
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
					problems
						.add("project " + id + ": " + s + " on " + on + " before the previous milestone " + previous);
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

	/**
	 * The red projects by the rule of plan.Lights, computed here from the tables for what
	 * the test uses (calendar-day thresholds): an active project whose next milestone has
	 * an agreed date is red from lateRedDays late; without one, unless it reached its
	 * stage on or before that stage's agreed date, red from redDays in the stage; and
	 * whichever of these decided, red when nothing moved (no milestone, no progress
	 * entry) for the product's default "no progress" limit of 90 days, which imported
	 * projects meet.
	 */
	Set<Long> redByRule(LocalDate today) {
		Map<String, int[]> limits = new HashMap<>();
		db.sql("SELECT stage, unit, red_days, late_red_days FROM stage_threshold").query(rs -> {
			if (!"CALENDAR_DAYS".equals(rs.getString(2))) {
				throw new IllegalStateException("the test computes lights in calendar days only: " + rs.getString(1));
			}
			limits.put(rs.getString(1), new int[] { rs.getInt(3), rs.getInt(4) });
		});
		Set<Long> red = new HashSet<>();
		db.sql("""
				SELECT p.id, p.stage, p.stage_entered_on, pl.signing_on, pl.site_selection_on, pl.construction_on,
				  pl.production_on, pl.last_progress_on
				FROM project p LEFT JOIN project_plan pl ON pl.project_id = p.id WHERE p.outcome = 'ACTIVE'""")
			.query(rs -> {
				LocalDate moved = rs.getDate(3).toLocalDate();
				java.sql.Date progress = rs.getDate(8);
				if (progress != null && progress.toLocalDate().isAfter(moved)) {
					moved = progress.toLocalDate();
				}
				if (!moved.isAfter(today.minusDays(NO_PROGRESS_RED_DAYS))) {
					red.add(rs.getLong(1));
					return;
				}
				Stage stage = Stage.valueOf(rs.getString(2));
				Stage next = stage.next().orElse(null);
				int[] limit = limits.get(stage.name());
				if (next == null || limit == null) {
					return;
				}
				java.sql.Date agreedNext = rs.getDate(3 + next.ordinal());
				java.sql.Date agreedHere = stage == Stage.NEGOTIATION ? null : rs.getDate(3 + stage.ordinal());
				LocalDate entered = rs.getDate(3).toLocalDate();
				if (agreedNext != null) {
					if (agreedNext.toLocalDate().plusDays(limit[1]).compareTo(today) <= 0) {
						red.add(rs.getLong(1));
					}
				}
				else if (!(agreedHere != null && !entered.isAfter(agreedHere.toLocalDate()))
						&& entered.plusDays(limit[0]).compareTo(today) <= 0) {
					red.add(rs.getLong(1));
				}
			});
		return red;
	}

	/**
	 * Exactly one active review per red project, none for any other; open reviews wait in
	 * their own instance.
	 */
	private Reviews reviews(Set<Long> redByApi) {
		Set<Long> red = redByRule(ClusterLoad.today());
		Set<Long> backdated = new HashSet<>(db.sql("SELECT id FROM project WHERE name LIKE ?")
			.param(SimulatedOfficer.BACKDATED_PREFIX + "%")
			.query(Long.class)
			.list());
		List<String> problems = new ArrayList<>();
		if (!red.equals(redByApi)) {
			Set<Long> onlyRule = new TreeSet<>(red);
			onlyRule.removeAll(redByApi);
			Set<Long> onlyApi = new TreeSet<>(redByApi);
			onlyApi.removeAll(red);
			problems.add("red by the rule but not in the product's red list: " + onlyRule + "; the other way round: "
					+ onlyApi);
		}
		Map<Long, Integer> active = new TreeMap<>();
		db.sql("SELECT project_id, COUNT(*) FROM stall_review WHERE status IN ('OPEN', 'ACKNOWLEDGED') GROUP BY "
				+ "project_id")
			.query(rs -> {
				active.put(rs.getLong(1), rs.getInt(2));
			});
		for (long id : new TreeSet<>(red)) {
			if (active.getOrDefault(id, 0) != 1) {
				problems.add("red project " + id + " has " + active.getOrDefault(id, 0) + " active reviews");
			}
		}
		active.forEach((id, n) -> {
			if (!red.contains(id)) {
				problems.add("project " + id + ", not red, has " + n + " active reviews");
			}
		});
		int open = count("SELECT COUNT(*) FROM stall_review WHERE status = 'OPEN'");
		int running = count("""
				SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
				WHERE e.ID_ = e.PROC_INST_ID_ AND d.KEY_ = 'stalled-project-review'""");
		if (running != open) {
			problems.add(open + " open reviews but " + running + " review process instances running");
		}
		int redBackdated = (int) red.stream().filter(backdated::contains).count();
		return new Reviews(count("SELECT COUNT(*) FROM project"), backdated.size(), red.size(), redBackdated,
				redByApi.size(), active.values().stream().mapToInt(Integer::intValue).sum(),
				count("SELECT COUNT(*) FROM stall_review WHERE acknowledged_by IS NOT NULL"),
				count("SELECT COUNT(*) FROM stall_review"),
				count("SELECT COUNT(*) FROM stall_review WHERE status = " + "'CLOSED'"), running, open, problems);
	}

	/**
	 * Jobs that were due and would still run: none may be left once the cluster has
	 * settled.
	 */
	static int remainingDueJobs(JdbcClient db, java.time.Duration grace) {
		// the light sweep's timer falls due every cycle: a job counts as left behind once
		// it has been due for longer
		// than a node needs to acquire it, and than a dead node's lock needs to expire
		return db.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ <= ? AND RETRIES_ > 0")
			.param(java.sql.Timestamp.from(java.time.Instant.now().minus(grace)))
			.query(Integer.class)
			.single();
	}

	private int count(String sql) {
		return db.sql(sql).query(Integer.class).single();
	}

}
