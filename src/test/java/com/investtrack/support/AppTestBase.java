package com.investtrack.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that runs the whole application. API, process and transaction tests
 * all extend it with the same configuration, so they share one cached Spring context (one
 * engine, one database) per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class AppTestBase {

	/**
	 * Everything a step on one project can write: the project row, its milestone, audit
	 * and approval rows, the whole trail's length and the engine's open tasks and active
	 * activities. Equal before and after means nothing was written.
	 */
	public record ProjectState(Map<String, Object> project, long milestones, long auditEntries, long approvalRequests,
			long allAuditEntries, long allProjects, List<String> openTasks, List<String> activeActivities) {
	}

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TaskService taskService;

	@Autowired
	protected RuntimeService runtimeService;

	@Autowired
	protected ManagementService management;

	/**
	 * Before the context loads: there a missing MySQL could only fail the class, here it
	 * skips it.
	 */
	@BeforeAll
	static void requireTheDatabase() {
		if (TestDatabase.isMysql()) {
			TestDatabase.requireMysql();
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void testData() {
		TestData.ensure(jdbc, TestData.demoHash());
	}

	protected static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	protected long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/**
	 * Runs the light sweep as the engine does (its timer job) until a run opens no more
	 * reviews: a run opens at most app.lights.sweep-batch, oldest projects first, and the
	 * red projects other tests left in the shared database can outnumber it.
	 */
	protected void sweepLights() {
		for (int run = 0; run < 50; run++) {
			long before = count("SELECT COUNT(*) FROM stall_review");
			var job = management.createJobQuery().processDefinitionKey("light-sweep").timers().singleResult();
			assertThat(job).as("the light sweep's timer").isNotNull();
			management.executeJob(job.getId());
			if (count("SELECT COUNT(*) FROM stall_review") == before) {
				return;
			}
		}
		throw new AssertionError("the light sweep still opened reviews after 50 runs");
	}

	protected String processInstanceOf(long projectId) {
		return jdbc.sql("SELECT process_instance_id FROM project WHERE id = ?")
			.param(projectId)
			.query(String.class)
			.single();
	}

	protected ProjectState stateOf(long projectId) {
		var rows = jdbc.sql("""
				SELECT stage, stage_entered_on, outcome, dropped_on, drop_reason, officer, name, park_code, version
				FROM project WHERE id = ?""").param(projectId).query().listOfRows();
		Map<String, Object> project = rows.isEmpty() ? Map.of()
				: Map.copyOf(rows.get(0)
					.entrySet()
					.stream()
					.collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(),
							e -> e.getValue() == null ? "<null>" : e.getValue().toString())));
		String instance = rows.isEmpty() ? null
				: jdbc.sql("SELECT process_instance_id FROM project WHERE id = ?")
					.param(projectId)
					.query(String.class)
					.single();
		List<String> tasks = instance == null ? List.of()
				: taskService.createTaskQuery()
					.processInstanceId(instance)
					.list()
					.stream()
					.map(t -> t.getTaskDefinitionKey() + "/" + t.getId() + "/" + t.getAssignee())
					.sorted()
					.toList();
		List<String> activities = instance == null
				|| runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0 ? List.of()
						: runtimeService.getActiveActivityIds(instance).stream().sorted().toList();
		return new ProjectState(project, count("SELECT COUNT(*) FROM milestone WHERE project_id = ?", projectId),
				// refused calls add ACCESS_DENIED entries (a security record, not a
				// change of the project)
				count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action NOT IN ('LOGIN_FAILED', "
						+ "'ACCESS_DENIED')", projectId),
				count("SELECT COUNT(*) FROM approval_request WHERE project_id = ?", projectId),
				count("SELECT COUNT(*) FROM audit_entry WHERE action NOT IN ('LOGIN_FAILED', 'ACCESS_DENIED')"),
				count("SELECT COUNT(*) FROM project"), tasks, activities);
	}

	/** The project's open task of this definition key, or null. */
	protected Task openTask(long projectId, String taskDefinitionKey) {
		return taskService.createTaskQuery()
			.processInstanceId(processInstanceOf(projectId))
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
	}

	/**
	 * A park of this test's own, so that filters and reports see only the projects the
	 * test put there.
	 */
	protected String newPark() {
		String code = "T-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)")
			.params(code, "Test park " + code, "Test")
			.update();
		return code;
	}

}
