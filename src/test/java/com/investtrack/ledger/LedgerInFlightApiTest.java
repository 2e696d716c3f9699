package com.investtrack.ledger;

import static com.investtrack.ledger.Workbooks.merged;
import static com.investtrack.ledger.Workbooks.row;
import static com.investtrack.ledger.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.WebSession;

/**
 * Projects taken over mid-way, as the rest of the product sees them (issue 11): merged
 * cells inside the data rows, the reports counting the imported milestones at their
 * effective dates, the lights, and an import racing a step on the same project. Workbooks
 * are built here, independently of the exporter.
 */
class LedgerInFlightApiTest extends LedgerApiTestBase {

	private static final Object[] HEADER = { "项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "用地（亩）", "落地方式", "首谈日期",
			"签约日期", "供地日期", "开工日期", "投产日期", "约定开工", "约定投产", "项目状态", "终止日期", "招商专员", "备注" };

	@LocalServerPort
	private int port;

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void cellsMergedDownOverDataRowsBelongToEachRow() {
		String tag = tag();
		// 投资方 and 所在园区 merged down over three projects, 所属产业 over two, and the
		// 合计 label across the first three columns
		byte[] file = merged(
				List.of(new int[] { 1, 3, 2, 2 }, new int[] { 1, 3, 3, 3 }, new int[] { 2, 3, 4, 4 },
						new int[] { 4, 4, 0, 2 }),
				row("项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "首谈日期", "招商专员"),
				row("M1-" + tag, "Casting " + tag, "Hubei Group " + tag, "JS-IMP", "CHEMICAL", 100, "2024-01-10",
						"officer"),
				row("M2-" + tag, "Forging " + tag, null, null, "EQUIPMENT", 200, "2024-02-10", "officer"),
				row("M3-" + tag, "Welding " + tag, null, null, null, 300, "2024-03-10", "officer"),
				row("合计", null, null, null, null, 600));
		JsonNode preview = upload("manager", "merged.xlsx", file, null).body();
		assertThat(preview.at("/counts/NEW").asInt()).as(preview.toString()).isEqualTo(3);
		assertThat(preview.at("/counts/ERROR").asInt()).isZero();
		assertThat(preview.get("rows")).hasSize(3);
		confirm(preview);
		for (String code : List.of("M1-", "M2-", "M3-")) {
			JsonNode p = get("manager", "/api/projects/" + idOf(code + tag)).body();
			assertThat(p.get("investor").asText()).isEqualTo("Hubei Group " + tag);
			assertThat(p.get("parkCode").asText()).isEqualTo("JS-IMP");
		}
		assertThat(get("manager", "/api/projects/" + idOf("M3-" + tag)).body().get("industryCode").asText())
			.isEqualTo("EQUIPMENT");
	}

	/**
	 * In a park of their own: A and B in production (538 and 550 days from first talk), C
	 * under construction, S signed (the month only), D dropped while talking. Every
	 * figure counts from the ledger's dates.
	 */
	@Test
	void theReportsCountImportedMilestonesAtTheirEffectiveDates() {
		String tag = tag();
		String park = newPark();
		byte[] file = xlsx(row(HEADER),
				row("A-" + tag, "A " + tag, "Investor", park, "EQUIPMENT", 100, 10, "供地", "2023-01-10", "2023-02-15",
						"2023-03-01", "2023-04-01", "2024-07-01", null, null, "已投产", null, "officer"),
				row("B-" + tag, "B " + tag, "Investor", park, "EQUIPMENT", 100, 10, "供地", LocalDate.of(2023, 3, 1),
						"2023/4/1", "2023.5.1", "2023年6月1日", "2024-09-01", null, null, "已投产", null, "officer"),
				row("C-" + tag, "C " + tag, "Investor", park, "EQUIPMENT", 100, 10, "供地", "2024-01-10", "2024-02-20",
						"2024-03-15", "2024-05-01", null, null, "2025-06-01", "在建", null, "officer"),
				row("S-" + tag, "S " + tag, "Investor", park, "EQUIPMENT", 100, 10, "供地", "2024-06-01", "2024年7月", null,
						null, null, null, null, "已签约", null, "officer"),
				row("D-" + tag, "D " + tag, "Investor", park, "EQUIPMENT", 100, 10, "供地", "2024-03-01", null, null,
						null, null, null, null, "终止", "2024-04-01", "officer", "went elsewhere"));
		JsonNode preview = upload("manager", "reports.xlsx", file, null).body();
		assertThat(preview.at("/counts/NEW").asInt()).as(preview.toString()).isEqualTo(5);
		confirm(preview);

		JsonNode ttp = get("manager", "/api/reports/time-to-production?parkCode=" + park).body();
		assertThat(ttp.get("projects").asInt()).isEqualTo(2);
		assertThat(ttp.at("/total/medianDays").asDouble()).isEqualTo(544.0);
		assertThat(ttp.at("/total/minDays").asInt()).isEqualTo(538);
		assertThat(ttp.at("/total/maxDays").asInt()).isEqualTo(550);
		assertThat(ttp.get("stages").findValuesAsText("medianDays")).containsExactly("33.5", "22.0", "31.0", "457.5");

		JsonNode signing = durations(park, "NEGOTIATION", "SIGNING");
		assertThat(signing.get("projects").asInt()).as("signed in flight count too").isEqualTo(4);
		assertThat(signing.get("medianDays").asDouble()).isEqualTo(33.5);
		assertThat(signing.get("minDays").asInt()).as("S: 2024-06-01 to 2024-07-01, the month's first").isEqualTo(30);
		assertThat(signing.get("maxDays").asInt()).isEqualTo(41);
		JsonNode building = durations(park, "SITE_SELECTION", "CONSTRUCTION");
		assertThat(building.get("projects").asInt()).isEqualTo(3);
		assertThat(building.get("medianDays").asDouble()).isEqualTo(31.0);

		WebSession.Page kpis = new WebSession(port).login("manager").get("/dashboard/kpis.csv?year=2024&park=" + park);
		assertThat(kpis.status()).isEqualTo(200);
		assertThat(Arrays.asList(kpis.body().substring(1).split("\r\n"))).contains("in Negotiation,0", "in Signing,1",
				"in Site selection,0", "in Construction,1", "in Production,2", "signed in 2024,2",
				"construction commenced in 2024,1", "production started in 2024,2");

		// C is long past its agreed production start: red, like any project behind plan
		JsonNode c = get("manager", "/api/projects/" + idOf("C-" + tag)).body();
		assertThat(c.get("health").asText()).isEqualTo("RED");
		assertThat(c.get("healthReason").asText()).contains("Behind plan");
	}

	/**
	 * The ledger says a signed project now has its land, and the officer records the same
	 * step at the same moment: exactly one of them applies, the other is refused with a
	 * 409, and an import that loses writes nothing at all, not even its other row's new
	 * project (listed first, so that it would be written before the conflict).
	 */
	@Test
	void anImportRacingAStepOnTheSameProjectAppliesOneOfThemWhole() throws Exception {
		// the step starts with the confirmation, or a little later, so that either may
		// take the project's lock first
		for (int stepDelay : new int[] { 0, 0, 50, 150, 400 }) {
			String tag = tag();
			LocalDate talk = today().minusDays(40);
			long id = createProject("officer", talk);
			reach("officer", id, "SIGNING", talk.plusDays(5));
			JsonNode project = get("manager", "/api/projects/" + id).body();
			LocalDate byLedger = talk.plusDays(20);
			LocalDate byOfficer = talk.plusDays(21);
			byte[] file = xlsx(row("项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "首谈日期", "签约日期", "供地日期", "招商专员"),
					row("NEW-" + tag, "New " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, talk.toString(), null, null,
							"officer"),
					row(project.get("code").asText(), project.get("name").asText(), project.get("investor").asText(),
							project.get("parkCode").asText(), project.get("industryCode").asText(),
							project.get("totalInvestmentWan").asText(), talk.toString(), talk.plusDays(5).toString(),
							byLedger.toString(), "officer"));
			String fileName = "race-" + tag + ".xlsx";
			JsonNode preview = upload("manager", fileName, file, null).body();
			assertThat(preview.at("/counts/NEW").asInt()).as(preview.toString()).isEqualTo(1);
			assertThat(preview.at("/counts/UPDATE").asInt()).isEqualTo(1);

			List<Response> answers = atOnce(
					() -> post("manager", "/api/imports/" + preview.get("id").asText() + "/confirm", null),
					() -> advance("officer", id, "SITE_SELECTION", byOfficer), stepDelay);

			Response confirm = answers.get(0);
			Response step = answers.get(1);
			assertThat(List.of(confirm.status(), step.status())).as(confirm.raw() + " / " + step.raw())
				.containsExactlyInAnyOrder(200, 409);
			Response refused = confirm.status() == 409 ? confirm : step;
			assertThat(refused.body().get("error").asText()).isEqualTo("conflict");
			boolean importWon = confirm.status() == 200;
			assertThat(count("SELECT COUNT(*) FROM project WHERE code = ?", "NEW-" + tag)).isEqualTo(importWon ? 1 : 0);
			assertThat(jdbc.sql("SELECT effective_on FROM milestone WHERE project_id = ? AND stage = 'SITE_SELECTION'")
				.param(id)
				.query(LocalDate.class)
				.list()).containsExactly(importWon ? byLedger : byOfficer);
			assertThat(count("SELECT COUNT(*) FROM milestone WHERE project_id = ? AND imported = TRUE", id))
				.isEqualTo(importWon ? 1 : 0);
			assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'LEDGER_IMPORTED' AND details LIKE ?",
					"%" + fileName + "%"))
				.isEqualTo(importWon ? 1 : 0);
			assertThat(get("manager", "/api/projects/" + id).body().get("stage").asText()).isEqualTo("SITE_SELECTION");
			assertThat(taskService.createTaskQuery()
				.processInstanceId(processInstanceOf(id))
				.list()
				.stream()
				.map(t -> t.getTaskDefinitionKey())
				.toList()).containsExactly("RecordNextMilestone_SITE_SELECTION");
		}
		assertAuditChainIntact();
	}

	/**
	 * Starts both requests at the same instant (the second after a delay) and waits for
	 * both answers.
	 */
	private List<Response> atOnce(Supplier<Response> first, Supplier<Response> second, int delayMillis)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		Future<Response> a = pool.submit(() -> {
			start.await();
			return first.get();
		});
		Future<Response> b = pool.submit(() -> {
			start.await();
			Thread.sleep(delayMillis);
			return second.get();
		});
		start.countDown();
		return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
	}

	private JsonNode durations(String park, String from, String to) {
		Response r = get("manager", "/api/reports/durations?from=" + from + "&to=" + to + "&parkCode=" + park);
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private JsonNode confirm(JsonNode preview) {
		Response r = post("manager", "/api/imports/" + preview.get("id").asText() + "/confirm", null);
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private long idOf(String code) {
		return jdbc.sql("SELECT id FROM project WHERE code = ?").param(code).query(Long.class).single();
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
