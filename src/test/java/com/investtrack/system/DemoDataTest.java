package com.investtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import com.investtrack.audit.AuditTrail;
import com.investtrack.fulfilment.Fulfilment;
import com.investtrack.fulfilment.FulfilmentService;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectFilter;
import com.investtrack.security.Accounts;

/**
 * The demo data on a fresh database: users of every role, the 20 parks and 7 industries,
 * and projects in every stage and outcome, moved through the real lifecycle. Loading
 * again (a restart) changes nothing.
 */
@SpringBootTest(properties = "app.demo-data=true")
@ActiveProfiles("test")
class DemoDataTest {

	@Autowired
	DemoData demoData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditTrail audit;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ProjectViews views;

	@Autowired
	FulfilmentService fulfilment;

	@Test
	void demoUsersWithTheirRolesAndThePasswordDemo() {
		Map<String, List<Role>> expected = Map.of("officer", List.of(Role.OFFICER), "officer2", List.of(Role.OFFICER),
				"lead", List.of(Role.OFFICER, Role.MANAGER), "manager", List.of(Role.MANAGER), "auditor",
				List.of(Role.AUDITOR), "admin", List.of(Role.ADMIN), "leader", List.of(Role.LEADER), "leader2",
				List.of(Role.LEADER));
		expected.forEach((username, roles) -> {
			var account = users.find(username).orElseThrow();
			assertThat(account.enabled()).isTrue();
			assertThat(account.roles()).containsExactlyInAnyOrderElementsOf(roles);
			String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
				.param(username)
				.query(String.class)
				.single();
			assertThat(encoder.matches("demo", hash)).as("password of %s", username).isTrue();
		});
		assertThat(users.all()).hasSize(8);
	}

	@Test
	void twentyParksAndTheSevenLeadingIndustries() {
		assertThat(count("SELECT COUNT(*) FROM park")).isEqualTo(20);
		assertThat(jdbc.sql("SELECT name FROM park").query(String.class).list()).contains(
				"Jingshan Intelligent Manufacturing Industrial Park", "Zhongxiang CNC Machine Tool Industrial Park");
		assertThat(jdbc.sql("SELECT code FROM industry").query(String.class).list()).containsExactlyInAnyOrder(
				"EQUIPMENT", "NEW_ENERGY", "CHEMICAL", "AGRI_FOOD", "ELECTRONICS", "RENEWABLE", "HEALTH");
	}

	@Test
	void projectsCoverEveryStageAndOutcome() {
		assertThat(count("SELECT COUNT(*) FROM project")).isGreaterThanOrEqualTo(30);
		for (Stage stage : List.of(Stage.NEGOTIATION, Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION)) {
			assertThat(count("SELECT COUNT(*) FROM project WHERE outcome = 'ACTIVE' AND stage = ?", stage.name()))
				.as("active projects in %s", stage)
				.isPositive();
		}
		assertThat(count("SELECT COUNT(*) FROM project WHERE outcome = 'IN_PRODUCTION' AND stage = 'PRODUCTION'"))
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM project WHERE outcome = 'DROPPED' AND dropped_on IS NOT NULL"))
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM project WHERE asset_model = 'LIGHT'")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM approval_request WHERE status = 'PENDING'")).as("pending approvals")
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM approval_request WHERE status = 'REJECTED'")).as("rejected requests")
			.isPositive();
		assertThat(count("SELECT COUNT(DISTINCT officer) FROM project")).isEqualTo(3);
	}

	@Test
	void everyProjectsEngineStateMatchesItsStage() {
		jdbc.sql("SELECT id, stage, outcome, process_instance_id FROM project").query(rs -> {
			String instance = rs.getString(4);
			String stage = rs.getString(2);
			boolean running = runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 1;
			if (!"ACTIVE".equals(rs.getString(3))) {
				assertThat(running).as("finished project %s has no running process", rs.getLong(1)).isFalse();
				return;
			}
			assertThat(runtime.getActiveActivityIds(instance)).as("project %s in %s", rs.getLong(1), stage)
				.containsAnyOf("RecordNextMilestone_" + stage, "Approve_" + Stage.valueOf(stage).next().orElseThrow());
			long pending = count("SELECT COUNT(*) FROM approval_request WHERE project_id = ? AND status = 'PENDING'",
					rs.getLong(1));
			long approvalTasks = tasks.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKeyLike("Approve_%")
				.count();
			assertThat(approvalTasks).isEqualTo(pending);
		});
	}

	@Test
	void theMonthlyBulletinHasTargetsAndTheCheetahKeepsItsAgreement() {
		int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		assertThat(count("SELECT COUNT(*) FROM target_year WHERE target_year IN (?, ?)", year - 1, year)).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM target_park WHERE target_year = ?", year)).isEqualTo(2);
		assertThat(count("SELECT COUNT(DISTINCT project_id) FROM project_funds")).as("signed projects with funds")
			.isGreaterThan(10);
		long id = jdbc.sql("SELECT id FROM project WHERE name = ?").param(DemoData.CHEETAH).query(Long.class).single();
		Fulfilment cheetah = fulfilment.of(id);
		assertThat(cheetah.capacityOn()).isNotNull();
		// 420000 万元 of fixed assets on 600 亩; 9000 万元 of tax a year
		assertThat(cheetah.investmentIntensityWanPerMu()).isEqualByComparingTo("700.00");
		assertThat(cheetah.taxPerMuWan()).isEqualByComparingTo("15.00");
		assertThat(cheetah.flags()).isEmpty();
		assertThat(cheetah.fundsInPlaceRate()).isPositive();
	}

	@Test
	void theChangfengCheetahProjectHasTheSeedsFigures() {
		long id = jdbc.sql("SELECT id FROM project WHERE name = ?").param(DemoData.CHEETAH).query(Long.class).single();
		Map<String, LocalDate> on = new LinkedHashMap<>();
		jdbc.sql("SELECT stage, effective_on FROM milestone WHERE project_id = ?").param(id).query(rs -> {
			on.put(rs.getString(1), rs.getDate(2).toLocalDate());
		});
		assertThat(ChronoUnit.DAYS.between(on.get("NEGOTIATION"), on.get("SITE_SELECTION"))).isEqualTo(36);
		assertThat(on.get("CONSTRUCTION").plusMonths(15)).isEqualTo(on.get("PRODUCTION"));
		// its agreement's dates are the real ones: green from first talk to production
		ProjectView cheetah = views.get(id);
		for (Stage stage : List.of(Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION, Stage.PRODUCTION)) {
			assertThat(cheetah.plan().get(stage)).as("agreed %s", stage).isEqualTo(on.get(stage.name()));
		}
		assertThat(cheetah.health()).isEqualTo(Health.GREEN);
		assertThat(cheetah.investor()).isEqualTo("长风集团有限公司");
		assertThat(cheetah.totalInvestmentWan()).isEqualByComparingTo("500000");
		assertThat(cheetah.landMu()).isEqualByComparingTo("600");
		assertThat(cheetah.leader()).isEqualTo("leader");
		assertThat(cheetah.keyLevel()).isEqualTo(KeyLevel.PROVINCE);
	}

	@Test
	void theLedgerLooksLikeAJingmenBureausMostProjectsGreenAFewBehindTheirAgreedDates() {
		List<ProjectView> all = views.search(ProjectFilter.none(), 0, 200).content();
		assertThat(all).allSatisfy(p -> {
			assertThat(p.code()).matches("JM\\d{4}-\\d{3}");
			assertThat(p.name()).matches(".*[\\u4e00-\\u9fff].*");
			assertThat(p.totalInvestmentWan()).isPositive();
			assertThat(p.creditCode()).hasSize(18);
			assertThat(p.projectType()).isNotNull();
			assertThat(p.channel()).isNotNull();
		});
		assertThat(all).filteredOn(p -> p.assetModel() == AssetModel.HEAVY)
			.allSatisfy(p -> assertThat(p.landMu()).isNotNull());
		assertThat(all).filteredOn(p -> !p.plan().isEmpty()).hasSizeGreaterThan(all.size() * 3 / 4);
		assertThat(all).extracting(ProjectView::leader).contains("leader", "leader2");
		List<ProjectView> active = all.stream().filter(p -> p.outcome() == Outcome.ACTIVE).toList();
		List<ProjectView> red = active.stream().filter(p -> p.health() == Health.RED).toList();
		List<ProjectView> yellow = active.stream().filter(p -> p.health() == Health.YELLOW).toList();
		assertThat(red).hasSizeGreaterThanOrEqualTo(2);
		assertThat(yellow).hasSizeGreaterThanOrEqualTo(2);
		assertThat(active.stream().filter(p -> p.health() == Health.GREEN).count()).isGreaterThan(active.size() / 2);
		// red and yellow for a visible reason: the next agreed date has passed, by so
		// many days
		assertThat(red).anySatisfy(p -> {
			assertThat(p.daysLate()).isGreaterThanOrEqualTo(30);
			assertThat(p.healthReason()).contains(p.plan().get(p.stage().next().orElseThrow()).toString());
		});
		assertThat(yellow).anySatisfy(p -> assertThat(p.daysLate()).isBetween(1L, 29L));
	}

	@Test
	void theAuditChainOfTheDemoDataVerifies() {
		var verification = audit.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.entries()).isEqualTo(count("SELECT COUNT(*) FROM audit_entry")).isGreaterThan(100);
	}

	@Test
	void loadingAgainChangesNothing() {
		Map<String, Long> before = snapshot();
		String head = jdbc.sql("SELECT last_hash FROM audit_head").query(String.class).single();

		demoData.load();

		assertThat(snapshot()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT last_hash FROM audit_head").query(String.class).single()).isEqualTo(head);
	}

	private Map<String, Long> snapshot() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("app_user", "app_user_role", "park", "industry", "project", "milestone",
				"approval_request", "audit_entry")) {
			counts.put(table, count("SELECT COUNT(*) FROM " + table));
		}
		counts.put("process instances", runtime.createProcessInstanceQuery().count());
		counts.put("tasks", tasks.createTaskQuery().count());
		counts.put("project versions", count("SELECT COALESCE(SUM(version), 0) FROM project"));
		return counts;
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
