package com.investtrack.bench;

import java.sql.Connection;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProcessConstants;
import com.investtrack.plan.Lights;
import com.investtrack.plan.Threshold;
import com.investtrack.project.Health;
import com.investtrack.project.ProjectService;
import com.investtrack.review.StalledProjectReviews;
import com.investtrack.project.Units;
import com.investtrack.plan.ThresholdService;
import com.investtrack.review.ReviewModel;
import com.investtrack.project.Outcome;

/**
 * Loads realistic projects fast, with everything the product and the engine would hold
 * had each been moved through the real lifecycle: the project row, its milestones and
 * timeline, its approval requests, the hash-chained audit trail, and in the engine a
 * running process instance waiting in the right task for every active project (with its
 * threshold timers, or the stalled-project review where red) and completed history for
 * every step taken.
 * <p>
 * Product tables and history are written in JDBC batches from several threads, a chunk of
 * projects per transaction; running instances are started by the engine itself
 * ({@code startBeforeActivity} of the waiting task, listeners skipped because their rows
 * are written here), and the audit chain is appended last in time order. History rows
 * carry the milestone's effective date as their time: the date the step "happened", which
 * is what the naive report computation reads back (see {@link NaiveReports}).
 */
final class DataGenerator {

	/**
	 * What to generate. {@code parks}, {@code industries}, {@code officers},
	 * {@code managers} must exist.
	 */
	record Settings(int projects, long seed, List<String> parks, List<String> industries, List<String> officers,
			List<String> managers, int threads, boolean requireEmpty) {
	}

	/** What was generated. */
	record Summary(int projects, Map<Outcome, Integer> outcomes, Map<Stage, Integer> activeByStage,
			int pendingApprovals, int yellow, int red, int reviewed, long auditEntries, List<String> processInstanceIds,
			double seconds) {

		String describe() {
			return ("%,d projects: %,d in production, %,d dropped, %,d active (%s), %,d of them waiting for an "
					+ "approval, ")
				.formatted(projects, outcomes.getOrDefault(Outcome.IN_PRODUCTION, 0),
						outcomes.getOrDefault(Outcome.DROPPED, 0), outcomes.getOrDefault(Outcome.ACTIVE, 0),
						activeByStage.entrySet()
							.stream()
							.map(e -> e.getKey().name().toLowerCase().replace('_', ' ') + " "
									+ "%,d".formatted(e.getValue()))
							.reduce((a, b) -> a + ", " + b)
							.orElse(""),
						pendingApprovals)
					+ ("%,d yellow and %,d red by their stage's age; %,d red by the product's lights (which also count "
							+ "a stage without progress for 90 days), each with its stalled-project review open; %,d "
							+ "audit entries; one process instance each (running for the active ones).")
						.formatted(yellow, red, reviewed, auditEntries);
		}

	}

	private static final ZoneId ZONE = Benchmark.ZONE;

	private static final int CHUNK = 500;

	private static final String PROCESS = ProcessConstants.PROCESS_ID;

	/** Typical length in days of each stage before the next milestone: [min, max). */
	private static final int[][] STAGE_DAYS = { { 15, 120 }, { 10, 60 }, { 30, 180 }, { 240, 540 } };

	private static final String[] SECTORS = { "spindle line", "cathode plant", "intermediates plant",
			"grain processing", "PCB factory", "battery recycling", "rehabilitation centre", "hydraulics workshop",
			"PV glass line", "fertiliser upgrade", "food processing", "meter assembly", "steel recycling",
			"pharma extraction", "drone factory", "sodium battery line", "sealants plant", "oil pressing",
			"fibre preform plant", "medical devices" };

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final AuditTrail audit;

	private final ThresholdService thresholds;

	private final ProjectService projects;

	private final Lights lights;

	private final StalledProjectReviews reviews;

	private final String definitionId;

	private final AtomicLong engineNanos = new AtomicLong();

	private final AtomicLong rowNanos = new AtomicLong();

	private final LocalDate today;

	DataGenerator(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.runtime = context.getBean(RuntimeService.class);
		this.tasks = context.getBean(TaskService.class);
		this.audit = context.getBean(AuditTrail.class);
		this.thresholds = context.getBean(ThresholdService.class);
		this.projects = context.getBean(ProjectService.class);
		this.lights = context.getBean(Lights.class);
		this.reviews = context.getBean(StalledProjectReviews.class);
		this.definitionId = context.getBean(RepositoryService.class)
			.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		this.today = LocalDate.now(ZONE);
	}

	/**
	 * One planned project: all its facts, dates and outcome, decided up front from the
	 * seed.
	 */
	private record Plan(long id, String code, String name, String investor, String industry, String park, String asset,
			long amountYuan, Long landM2, String officer, String manager, Outcome outcome, LocalDate[] reached,
			LocalDate droppedOn, Stage pendingTo, LocalDate pendingOn, boolean yellow, boolean red) {

		Stage stage() {
			Stage last = Stage.NEGOTIATION;
			for (Stage s : Stage.values()) {
				if (reached[s.ordinal()] != null) {
					last = s;
				}
			}
			return last;
		}

		LocalDate stageEnteredOn() {
			return reached[stage().ordinal()];
		}

	}

	Summary generate(Settings settings) throws Exception {
		long started = System.nanoTime();
		long existing = jdbc.queryForObject("SELECT COUNT(*) FROM project", Long.class);
		if (settings.requireEmpty() && existing > 0) {
			throw new IllegalStateException("The database already holds " + existing
					+ " projects: the generator loads an empty database only (recreate it first)");
		}
		long firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM project", Long.class) + 1;
		Map<Stage, Threshold> limits = new java.util.EnumMap<>(Stage.class);
		thresholds.all().forEach(t -> limits.put(t.stage(), t));
		List<Plan> plans = new ArrayList<>(settings.projects());
		for (int i = 0; i < settings.projects(); i++) {
			plans.add(plan(settings, firstId + i, new Random(settings.seed() * 1_000_003L + i), limits));
		}
		List<String> instanceIds = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
		try {
			List<Future<?>> chunks = new ArrayList<>();
			for (int from = 0; from < plans.size(); from += CHUNK) {
				List<Plan> chunk = plans.subList(from, Math.min(plans.size(), from + CHUNK));
				chunks.add(pool.submit(() -> tx.executeWithoutResult(s -> instanceIds.addAll(load(chunk, limits)))));
			}
			for (Future<?> f : chunks) {
				f.get(60, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long loaded = System.nanoTime();
		long auditEntries = appendAudit(plans, limits);
		long audited = System.nanoTime();
		int[] reviews = openReviews(settings.threads(), firstId, firstId + plans.size() - 1);
		Benchmark.log(("generator: %.0f s loading (threads' time: engine %.0f s, rows %.0f s), %.0f s audit trail, "
				+ "%.0f s opening %,d more reviews")
			.formatted((loaded - started) / 1e9, engineNanos.get() / 1e9, rowNanos.get() / 1e9,
					(audited - loaded) / 1e9, (System.nanoTime() - audited) / 1e9, reviews[1]));
		restartIdentity(firstId + plans.size());
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		Map<Stage, Integer> activeByStage = new EnumMap<>(Stage.class);
		int pending = 0;
		int yellow = 0;
		int red = 0;
		for (Plan p : plans) {
			outcomes.merge(p.outcome(), 1, Integer::sum);
			if (p.outcome() == Outcome.ACTIVE) {
				activeByStage.merge(p.stage(), 1, Integer::sum);
				pending += p.pendingTo() != null ? 1 : 0;
				yellow += p.yellow() && !p.red() ? 1 : 0;
				red += p.red() ? 1 : 0;
			}
		}
		return new Summary(plans.size(), outcomes, activeByStage, pending, yellow, red, reviews[0],
				auditEntries + reviews[1], instanceIds, (System.nanoTime() - started) / 1e9);
	}

	/**
	 * What the light sweep of a running application would do next: a stalled-project
	 * review opened, through the product's own service, for every project red by the
	 * product's rule, which also counts a stage without a progress entry for
	 * {@code app.lights.no-progress-red-days} (the plans above open reviews only for the
	 * projects red by their stage's thresholds). Without it the first application started
	 * on the data opens them itself, 500 a minute, while it is being measured. Only the
	 * generated projects (ids {@code first} to {@code last}) are looked at. Returns the
	 * red projects and the reviews this opened (each with its audit entry).
	 */
	private int[] openReviews(int threads, long first, long last) throws Exception {
		List<Long> redIds = projects.ids(lights.condition(Health.RED))
			.stream()
			.filter(id -> id >= first && id <= last)
			.toList();
		AtomicLong opened = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> parts = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int part = t;
				parts.add(pool.submit(() -> {
					for (int i = part; i < redIds.size(); i += threads) {
						if (reviews.open(redIds.get(i))) {
							opened.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> f : parts) {
				f.get(60, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new int[] { redIds.size(), (int) opened.get() };
	}

	private Plan plan(Settings s, long id, Random random, Map<Stage, Threshold> limits) {
		String industry = s.industries().get(random.nextInt(s.industries().size()));
		String park = s.parks().get(random.nextInt(s.parks().size()));
		boolean heavy = random.nextInt(10) < 7;
		String officer = s.officers().get(random.nextInt(s.officers().size()));
		String manager = s.managers().get(random.nextInt(s.managers().size()));
		int roll = random.nextInt(100);
		Outcome outcome = roll < 38 ? Outcome.IN_PRODUCTION : roll < 70 ? Outcome.DROPPED : Outcome.ACTIVE;
		Stage last;
		if (outcome == Outcome.IN_PRODUCTION) {
			last = Stage.PRODUCTION;
		}
		else if (outcome == Outcome.DROPPED) {
			int at = random.nextInt(100);
			last = at < 60 ? Stage.NEGOTIATION : at < 85 ? Stage.SIGNING : Stage.SITE_SELECTION;
		}
		else {
			int at = random.nextInt(100);
			last = at < 33 ? Stage.NEGOTIATION
					: at < 51 ? Stage.SIGNING : at < 69 ? Stage.SITE_SELECTION : Stage.CONSTRUCTION;
		}
		int[] lengths = new int[last.ordinal()];
		int path = 0;
		for (int i = 0; i < lengths.length; i++) {
			lengths[i] = STAGE_DAYS[i][0] + random.nextInt(STAGE_DAYS[i][1] - STAGE_DAYS[i][0]);
			path += lengths[i];
		}
		boolean yellow = false;
		boolean red = false;
		int tail;
		if (outcome == Outcome.ACTIVE) {
			// how long the current stage has lasted so far: mostly green, some yellow,
			// some red
			Threshold t = limits.get(last);
			int health = random.nextInt(100);
			tail = health < 65 ? random.nextInt(t.yellowDays()) : health < 85
					? t.yellowDays() + random.nextInt(t.redDays() - t.yellowDays()) : t.redDays() + random.nextInt(200);
			yellow = tail >= t.yellowDays();
			red = tail >= t.redDays();
		}
		else if (outcome == Outcome.DROPPED) {
			tail = 5 + random.nextInt(60);
		}
		else {
			tail = 0;
		}
		// finished projects ended some time in the last seven years; active ones are
		// still going today
		int endedDaysAgo = outcome == Outcome.ACTIVE ? 0 : random.nextInt(7 * 365);
		LocalDate start = today.minusDays(endedDaysAgo + tail + path);
		LocalDate[] reached = new LocalDate[Stage.values().length];
		reached[0] = start;
		LocalDate on = start;
		for (int i = 0; i < lengths.length; i++) {
			on = on.plusDays(lengths[i]);
			reached[i + 1] = on;
		}
		LocalDate droppedOn = outcome == Outcome.DROPPED ? on.plusDays(tail) : null;
		Stage pendingTo = null;
		LocalDate pendingOn = null;
		if (outcome == Outcome.ACTIVE && (last == Stage.NEGOTIATION || last == Stage.CONSTRUCTION)
				&& random.nextInt(100) < 15) {
			pendingTo = last.next().orElseThrow();
			pendingOn = today.minusDays(random.nextInt(Math.max(1, Math.min(tail, 20))));
		}
		String name = "%s %s %d".formatted(industry.charAt(0) + industry.substring(1).toLowerCase().replace('_', ' '),
				SECTORS[random.nextInt(SECTORS.length)], id);
		return new Plan(id, "P%d-%05d".formatted(start.getYear(), id), name, "Investor " + (1 + random.nextInt(5000)),
				industry, park, heavy ? "HEAVY" : "LIGHT", (20 + random.nextInt(5000)) * 1_000_000L,
				heavy ? Long.valueOf(10_000 + random.nextInt(400_000)) : null, officer, manager, outcome, reached,
				droppedOn, pendingTo, pendingOn, yellow, red);
	}

	/** One chunk in one transaction; returns the process instance ids of its projects. */
	private List<String> load(List<Plan> chunk, Map<Stage, Threshold> limits) {
		Map<Long, String> instances = new HashMap<>();
		for (Plan p : chunk) {
			if (p.outcome() != Outcome.ACTIVE) {
				instances.put(p.id(), UUID.randomUUID().toString());
			}
		}
		long t0 = System.nanoTime();
		insertProjects(chunk, instances);
		insertMilestones(chunk);
		long t1 = System.nanoTime();
		List<Object[]> pendingRequests = new ArrayList<>();
		for (Plan p : chunk) {
			if (p.outcome() == Outcome.ACTIVE) {
				instances.put(p.id(), start(p, limits, pendingRequests));
			}
		}
		long t2 = System.nanoTime();
		engineNanos.addAndGet(t2 - t1);
		jdbc.batchUpdate("UPDATE project SET process_instance_id = ? WHERE id = ?",
				chunk.stream()
					.filter(p -> p.outcome() == Outcome.ACTIVE)
					.map(p -> new Object[] { instances.get(p.id()), p.id() })
					.toList());
		insertApprovals(chunk, instances, pendingRequests);
		insertHistory(chunk, instances);
		rowNanos.addAndGet(System.nanoTime() - t2 + t1 - t0);
		return chunk.stream().map(p -> instances.get(p.id())).toList();
	}

	private void insertProjects(List<Plan> chunk, Map<Long, String> instances) {
		List<Object[]> rows = new ArrayList<>(chunk.size());
		for (Plan p : chunk) {
			int steps = (int) Arrays.stream(p.reached()).filter(d -> d != null).count() - 1;
			BigDecimal landM2 = p.landM2() == null ? null : BigDecimal.valueOf(p.landM2());
			rows.add(new Object[] { p.id(), p.code(), p.name(), p.investor(), p.industry(), p.park(), p.asset(),
					p.amountYuan(), p.landM2(), Units.yuanToWan(BigDecimal.valueOf(p.amountYuan())),
					Units.m2ToMu(landM2), p.officer(), p.stage().name(), Date.valueOf(p.stageEnteredOn()),
					p.outcome().name(), p.droppedOn() == null ? null : Date.valueOf(p.droppedOn()),
					p.droppedOn() == null ? null : "Investor chose another city", instances.get(p.id()),
					at(p.reached()[0], 9), p.officer(), steps + (p.droppedOn() == null ? 0 : 1) });
		}
		jdbc.batchUpdate("""
				INSERT INTO project (id, code, name, investor, industry_code, park_code, asset_model,
				  investment_amount_yuan,
				  land_area_m2, total_investment_wan, land_mu, officer, stage, stage_entered_on, outcome,
				    dropped_on,
				  drop_reason, process_instance_id, created_at, created_by, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		jdbc.batchUpdate("INSERT INTO project_plan (project_id) VALUES (?)",
				chunk.stream().map(p -> new Object[] { p.id() }).toList());
	}

	private void insertMilestones(List<Plan> chunk) {
		List<Object[]> milestones = new ArrayList<>();
		List<Object[]> timeline = new ArrayList<>();
		for (Plan p : chunk) {
			Object[] days = new Object[Stage.values().length];
			for (Stage s : Stage.values()) {
				LocalDate on = p.reached()[s.ordinal()];
				if (on == null) {
					continue;
				}
				days[s.ordinal()] = on.toEpochDay();
				milestones.add(new Object[] { p.id(), s.name(), Date.valueOf(on), at(on, 10), p.officer(),
						s.approvalRequired() ? p.manager() : null, null });
			}
			timeline.add(new Object[] { p.id(), p.park(), p.industry(), p.asset(), days[0], days[1], days[2], days[3],
					days[4] });
		}
		jdbc.batchUpdate("""
				INSERT INTO milestone (project_id, stage, effective_on, entered_at, entered_by, approved_by, comment)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", milestones);
		// with each day its working-day ordinal, as the product writes them (V14)
		String ordinal = "(SELECT w.ordinal FROM work_day w WHERE w.day_num = ?)";
		jdbc.batchUpdate("""
				INSERT INTO milestone_timeline (project_id, park_code, industry_code, asset_model,
				  negotiation_day, signing_day, site_selection_day, construction_day, production_day,
				  negotiation_wd, signing_wd, site_selection_wd, construction_wd, production_wd)
				  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %s, %s, %s, %s, %s)""".formatted(ordinal, ordinal, ordinal,
				ordinal, ordinal), timeline.stream().map(row -> {
					Object[] withOrdinals = Arrays.copyOf(row, row.length + 5);
					System.arraycopy(row, 4, withOrdinals, row.length, 5);
					return withOrdinals;
				}).toList());
	}

	/**
	 * Starts the running instance of an active project where it waits now: the officer's
	 * task of its stage, or the manager's approval; plus the stalled-project review when
	 * red, in a process instance of its own.
	 */
	private String start(Plan p, Map<Stage, Threshold> limits, List<Object[]> pendingRequests) {
		Stage stage = p.stage();
		ProcessInstantiationBuilder builder = runtime.createProcessInstanceById(definitionId)
			.businessKey(String.valueOf(p.id()))
			.setVariable(ProcessConstants.VAR_PROJECT_ID, p.id())
			.setVariable(ProcessConstants.VAR_OFFICER, p.officer());
		if (p.pendingTo() != null) {
			builder.setVariable(ProcessConstants.VAR_ACTION, ProcessConstants.ACTION_ADVANCE)
				.setVariable(ProcessConstants.VAR_TO, p.pendingTo().name())
				.setVariable(ProcessConstants.VAR_EFFECTIVE_ON, p.pendingOn().toString())
				.setVariable(ProcessConstants.VAR_COMMENT, "Please approve")
				.setVariable(ProcessConstants.VAR_REQUESTED_BY, p.officer())
				.startBeforeActivity(ProcessConstants.approvalTask(p.pendingTo()));
		}
		else {
			builder.startBeforeActivity(ProcessConstants.recordTask(stage));
		}
		String instanceId = builder.execute(true, false).getId();
		if (p.red()) {
			String review = runtime
				.startProcessInstanceByKey(ReviewModel.PROCESS_ID, String.valueOf(p.id()), Map.of("projectId", p.id()))
				.getId();
			jdbc.update("""
					INSERT INTO stall_review (project_id, active_project_id, status, process_instance_id,
					  reason, opened_at)
					VALUES (?, ?, 'OPEN', ?, 'generated red project', ?)""", p.id(), p.id(), review,
					at(p.stageEnteredOn().plusDays(limits.get(stage).redDays()), 0));
		}
		if (p.pendingTo() != null) {
			String taskId = tasks.createTaskQuery()
				.processInstanceId(instanceId)
				.taskDefinitionKey(ProcessConstants.approvalTask(p.pendingTo()))
				.singleResult()
				.getId();
			pendingRequests.add(new Object[] { p.id(), taskId, p.pendingTo().name(), Date.valueOf(p.pendingOn()),
					p.officer(), at(p.pendingOn(), 11), "Please approve", "PENDING", null, null, null });
		}
		return instanceId;
	}

	private void insertApprovals(List<Plan> chunk, Map<Long, String> instances, List<Object[]> pending) {
		List<Object[]> rows = new ArrayList<>(pending);
		for (Plan p : chunk) {
			for (Stage s : List.of(Stage.SIGNING, Stage.PRODUCTION)) {
				LocalDate on = p.reached()[s.ordinal()];
				if (on != null) {
					rows.add(new Object[] { p.id(), approvalTaskId(p, s), s.name(), Date.valueOf(on), p.officer(),
							at(on, 10), "Please approve", "APPROVED", p.manager(), at(on, 15),
							"Approved at the weekly review" });
				}
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO approval_request (project_id, task_id, to_stage, effective_on, requested_by,
				  requested_at,
				  request_comment, status, decided_by, decided_at, decision_comment)
				  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/**
	 * The id of the completed approval task in the history; derived so that the approval
	 * row and history agree.
	 */
	private static String approvalTaskId(Plan p, Stage s) {
		return UUID.nameUUIDFromBytes(("approval-" + p.id() + "-" + s).getBytes()).toString();
	}

	/**
	 * The engine's history of every step taken: the process start, each "Record ..."
	 * service task, the officer's and managers' completed tasks, and for finished
	 * projects the process instance itself. Times are the effective dates.
	 */
	private void insertHistory(List<Plan> chunk, Map<Long, String> instances) {
		List<Object[]> processes = new ArrayList<>();
		List<Object[]> activities = new ArrayList<>();
		List<Object[]> userTasks = new ArrayList<>();
		List<Object[]> activeStarts = new ArrayList<>();
		for (Plan p : chunk) {
			String pi = instances.get(p.id());
			LocalDate[] r = p.reached();
			activity(activities, pi, "NegotiationStarted", "Negotiation started", "startEvent", null, r[0], r[0]);
			Stage last = p.stage();
			for (Stage s : Stage.values()) {
				if (s == Stage.PRODUCTION || r[s.ordinal()] == null) {
					continue;
				}
				LocalDate left = s.ordinal() + 1 < r.length ? r[s.ordinal() + 1] : null;
				if (left == null && !(p.outcome() == Outcome.DROPPED && s == last)) {
					continue;
				}
				LocalDate done = left != null ? left : p.droppedOn();
				String recordTask = ProcessConstants.recordTask(s);
				String taskId = UUID.randomUUID().toString();
				activity(activities, pi, recordTask, "Record next milestone", "userTask", taskId, r[s.ordinal()], done);
				userTasks.add(task(taskId, recordTask, pi, p.officer(), r[s.ordinal()], done));
				if (left == null) {
					continue;
				}
				Stage next = s.next().orElseThrow();
				if (next.approvalRequired()) {
					String approval = approvalTaskId(p, next);
					activity(activities, pi, ProcessConstants.approvalTask(next), "Approve", "userTask", approval, left,
							left);
					userTasks.add(task(approval, ProcessConstants.approvalTask(next), pi, p.manager(), left, left));
				}
				activity(activities, pi, "RecordMilestone_" + next.name(), "Record milestone", "serviceTask", null,
						left, left);
			}
			if (p.outcome() == Outcome.ACTIVE) {
				activeStarts.add(new Object[] { at(r[0], 10), pi });
				continue;
			}
			LocalDate end = p.outcome() == Outcome.DROPPED ? p.droppedOn() : r[Stage.PRODUCTION.ordinal()];
			String endEvent = p.outcome() == Outcome.DROPPED ? "ProjectDropped" : "InProduction";
			if (p.outcome() == Outcome.DROPPED) {
				activity(activities, pi, "RecordDrop", "Record project dropped", "serviceTask", null, end, end);
			}
			activity(activities, pi, endEvent, endEvent, "noneEndEvent", null, end, end);
			Timestamp started = at(r[0], 10);
			Timestamp ended = at(end, 10);
			processes.add(new Object[] { pi, pi, String.valueOf(p.id()), PROCESS, definitionId, started, ended,
					removal(end), ended.getTime() - started.getTime(), p.officer(), "NegotiationStarted", endEvent, pi,
					"COMPLETED" });
		}
		jdbc.batchUpdate("""
				INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,
				  START_TIME_,
				  END_TIME_, REMOVAL_TIME_, DURATION_, START_USER_ID_, START_ACT_ID_, END_ACT_ID_,
				    ROOT_PROC_INST_ID_, STATE_)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", processes);
		jdbc.batchUpdate("UPDATE ACT_HI_PROCINST SET START_TIME_ = ? WHERE ID_ = ?", activeStarts);
		jdbc.batchUpdate("""
				INSERT INTO ACT_HI_ACTINST (ID_, PARENT_ACT_INST_ID_, PROC_DEF_KEY_, PROC_DEF_ID_,
				  ROOT_PROC_INST_ID_,
				  PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, TASK_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_,
				    END_TIME_, DURATION_,
				  ACT_INST_STATE_, SEQUENCE_COUNTER_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)""",
				activities);
		jdbc.batchUpdate("""
				INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,
				  PROC_INST_ID_, EXECUTION_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_,
				  PRIORITY_, TASK_STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'completed', 50, 'Completed')""",
				userTasks);
	}

	private void activity(List<Object[]> rows, String pi, String activityId, String name, String type, String taskId,
			LocalDate start, LocalDate end) {
		Timestamp s = at(start, 10);
		Timestamp e = at(end, 10);
		rows.add(new Object[] { UUID.randomUUID().toString(), pi, PROCESS, definitionId, pi, pi, pi, activityId, taskId,
				name, type, s, e, e.getTime() - s.getTime() });
	}

	private Object[] task(String id, String key, String pi, String assignee, LocalDate start, LocalDate end) {
		Timestamp s = at(start, 10);
		Timestamp e = at(end, 10);
		return new Object[] { id, key, PROCESS, definitionId, pi, pi, pi, key, assignee, s, e,
				e.getTime() - s.getTime() };
	}

	/**
	 * The audit trail of every generated project, in time order, appended to the chain in
	 * batches.
	 */
	private long appendAudit(List<Plan> plans, Map<Stage, Threshold> limits) {
		List<AuditTrail.Recorded> events = new ArrayList<>();
		for (Plan p : plans) {
			LocalDate[] r = p.reached();
			events.add(new AuditTrail.Recorded(at(r[0], 9).toInstant(), AuditEvent
				.of(p.officer(), AuditAction.PROJECT_CREATED, p.id())
				.details("name=" + p.name() + "; investor=" + p.investor() + "; industry=" + p.industry() + "; park="
						+ p.park() + "; assetModel=" + p.asset() + "; investmentAmountYuan=" + p.amountYuan()
						+ "; landAreaM2=" + (p.landM2() == null ? "" : p.landM2()) + "; officer=" + p.officer())));
			for (Stage s : Stage.values()) {
				LocalDate on = r[s.ordinal()];
				if (on == null) {
					continue;
				}
				Stage from = s.previous().orElse(null);
				if (s.approvalRequired()) {
					events.add(new AuditTrail.Recorded(at(on, 10).toInstant(),
							AuditEvent.of(p.officer(), AuditAction.APPROVAL_REQUESTED, p.id())
								.stages(from, s)
								.effectiveOn(on)
								.comment("Please approve")));
					events.add(new AuditTrail.Recorded(at(on, 15).toInstant(),
							AuditEvent.of(p.manager(), AuditAction.APPROVED, p.id())
								.stages(from, s)
								.effectiveOn(on)
								.decision("APPROVE")
								.comment("Approved at the weekly review")
								.details("requested by " + p.officer())));
				}
				events.add(new AuditTrail.Recorded(at(on, s.approvalRequired() ? 15 : 10).toInstant(), AuditEvent
					.of(s.approvalRequired() ? p.manager() : p.officer(), AuditAction.MILESTONE_RECORDED, p.id())
					.stages(from, s)
					.effectiveOn(on)
					.details(s.approvalRequired() ? "entered by " + p.officer() + ", approved by " + p.manager()
							: "entered by " + p.officer())));
			}
			if (p.droppedOn() != null) {
				events.add(new AuditTrail.Recorded(at(p.droppedOn(), 10).toInstant(),
						AuditEvent.of(p.officer(), AuditAction.PROJECT_DROPPED, p.id())
							.stages(p.stage(), null)
							.effectiveOn(p.droppedOn())
							.comment("Investor chose another city")));
			}
			if (p.pendingTo() != null) {
				events.add(new AuditTrail.Recorded(at(p.pendingOn(), 11).toInstant(),
						AuditEvent.of(p.officer(), AuditAction.APPROVAL_REQUESTED, p.id())
							.stages(p.stage(), p.pendingTo())
							.effectiveOn(p.pendingOn())
							.comment("Please approve")));
			}
			if (p.red()) {
				events.add(new AuditTrail.Recorded(
						at(p.stageEnteredOn().plusDays(limits.get(p.stage()).redDays()), 0).toInstant(),
						AuditEvent.of("system", AuditAction.REVIEW_OPENED, p.id())
							.stages(p.stage(), null)
							.details("generated red project")));
			}
		}
		events.sort(Comparator.comparing(AuditTrail.Recorded::at));
		for (int from = 0; from < events.size(); from += 5000) {
			List<AuditTrail.Recorded> batch = events.subList(from, Math.min(events.size(), from + 5000));
			tx.executeWithoutResult(s -> audit.importRecorded(batch));
		}
		return events.size();
	}

	/**
	 * H2 does not move an identity column past explicitly inserted ids; MySQL and MariaDB
	 * do by themselves.
	 */
	private void restartIdentity(long next) {
		String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
		if ("H2".equalsIgnoreCase(product)) {
			long restart = Math.max(next,
					jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM project", Long.class));
			jdbc.execute("ALTER TABLE project ALTER COLUMN id RESTART WITH " + restart);
		}
	}

	private static Timestamp at(LocalDate day, int hour) {
		return Timestamp.from(day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant());
	}

	/**
	 * History removal time of a finished instance: its end plus the model's time to live
	 * (P3650D).
	 */
	private static Timestamp removal(LocalDate end) {
		return Timestamp.from(end.plusDays(3650).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());
	}

}
