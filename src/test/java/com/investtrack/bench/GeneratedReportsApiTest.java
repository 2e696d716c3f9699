package com.investtrack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.calendar.WorkingDays;
import com.investtrack.common.Stage;
import com.investtrack.plan.Lights;
import com.investtrack.project.Health;
import com.investtrack.project.ProjectService;
import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * The benchmark's data generator and its naive report computation, on a small data set:
 * the report endpoints give exactly the figures Camunda's history gives, the generated
 * engine state lets the lifecycle go on, every red project has its review open, and the
 * generated audit trail verifies. The generated projects live in a park of their own, so
 * other tests' data does not count.
 */
class GeneratedReportsApiTest extends ApiTestBase {

	private static final int PROJECTS = 200;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	@Autowired
	private WorkingDays workingDays;

	@Autowired
	private ProjectService projects;

	@Autowired
	private Lights lights;

	private String park;

	private DataGenerator.Summary generated;

	@BeforeEach
	void generate() throws Exception {
		park = "GEN-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)")
			.params(park, "Generated park", "Test")
			.update();
		generated = new DataGenerator(context).generate(new DataGenerator.Settings(PROJECTS, 42L, List.of(park),
				TestData.INDUSTRIES, List.of("officer", "officer2"), List.of("manager", "manager2"), 2, false));
	}

	@Test
	void reportsGiveTheFiguresOfTheEnginesHistory() throws Exception {
		NaiveReports naive = new NaiveReports(history, ZoneId.of("Asia/Shanghai"),
				new HashSet<>(generated.processInstanceIds()), workingDays);
		JsonNode all = get("manager", "/api/reports/time-to-production?parkCode=" + park).body();
		assertThat(all.get("projects").asInt()).isPositive();
		assertThat(all).isEqualTo(json.valueToTree(naive.timeToProduction(null)));
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 2;
		assertThat(get("manager", "/api/reports/time-to-production?parkCode=" + park + "&year=" + year).body())
			.isEqualTo(json.valueToTree(naive.timeToProduction(year)));
		for (Stage from : Stage.values()) {
			for (Stage to : Stage.values()) {
				if (from.ordinal() < to.ordinal()) {
					JsonNode ours = get("manager",
							"/api/reports/durations?from=" + from + "&to=" + to + "&parkCode=" + park)
						.body();
					assertThat(ours.get("projects").asInt()).as(from + " to " + to).isPositive();
					assertThat(ours).as(from + " to " + to)
						.isEqualTo(json.valueToTree(naive.durations(from, to, null)));
				}
			}
		}
	}

	@Test
	void everyRedProjectHasItsReviewOpenSoTheLightSweepFindsNothingToDo() {
		List<Long> ofThePark = jdbc.sql("SELECT id FROM project WHERE park_code = ?")
			.param(park)
			.query(Long.class)
			.list();
		List<Long> red = projects.ids(lights.condition(Health.RED)).stream().filter(ofThePark::contains).toList();
		assertThat(red).hasSize(generated.reviewed()).hasSizeGreaterThan(generated.red());
		List<Long> reviewed = jdbc.sql("""
				SELECT r.active_project_id FROM stall_review r JOIN project p ON p.id = r.active_project_id
				WHERE p.park_code = ?""").param(park).query(Long.class).list();
		assertThat(reviewed).containsExactlyInAnyOrderElementsOf(red);
	}

	@Test
	void generatedProjectsGoOnThroughTheLifecycleAndTheTrailVerifies() {
		assertThat(generated.outcomes()).containsKeys(com.investtrack.project.Outcome.values());
		Long waiting = jdbc.sql("""
				SELECT MIN(p.id) FROM project p WHERE p.park_code = ? AND p.outcome = 'ACTIVE' AND p.stage =
				  'SITE_SELECTION'
				AND NOT EXISTS (SELECT 1 FROM approval_request a WHERE a.project_id = p.id AND a.status = 'PENDING')""")
			.param(park)
			.query(Long.class)
			.single();
		JsonNode project = get("manager", "/api/projects/" + waiting).body();
		Response advanced = advance(project.get("officer").asText(), waiting, "CONSTRUCTION",
				LocalDate.now(ZoneId.of("Asia/Shanghai")));
		assertThat(advanced.status()).as(advanced.raw()).isEqualTo(200);
		assertThat(advanced.body().get("stage").asText()).isEqualTo("CONSTRUCTION");

		Long pending = jdbc.sql("""
				SELECT MIN(a.project_id) FROM approval_request a JOIN project p ON p.id = a.project_id
				WHERE p.park_code = ? AND a.status = 'PENDING'""").param(park).query(Long.class).single();
		String taskId = get("manager", "/api/projects/" + pending).body().get("pendingApproval").get("taskId").asText();
		assertThat(tasks.createTaskQuery().taskId(taskId).singleResult()).isNotNull();
		Response decided = post("manager", "/api/tasks/" + taskId + "/decision",
				Map.of("decision", "APPROVE", "comment", "fine"));
		assertThat(decided.status()).as(decided.raw()).isEqualTo(200);

		JsonNode verification = get("auditor", "/api/audit/verify").body();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
	}

}
