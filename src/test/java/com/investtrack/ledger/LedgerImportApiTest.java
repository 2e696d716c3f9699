package com.investtrack.ledger;

import static com.investtrack.ledger.Workbooks.row;
import static com.investtrack.ledger.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ledger's import through the API, with workbooks built here as bureaus type them
 * (issue 11).
 */
class LedgerImportApiTest extends LedgerApiTestBase {

	private static final Object[] HEADER = { "项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "用地（亩）", "落地方式", "首谈日期",
			"签约日期", "供地日期", "开工日期", "投产日期", "约定开工", "约定投产", "项目状态", "终止日期", "招商专员", "备注" };

	@Test
	void previewFindsTheHeaderBelowTitleRowsReadsVariantsAndNamesEveryError() {
		String tag = tag();
		byte[] file = xlsx(row("荆门市招商项目台账（2025年）"), row("填报单位：市招商局", null, null, "单位：亿元"), row(),
				row("序号", "名称", "投资主体", "落户园区", "产业类别", "总投资(亿元)", "责任人", "包联领导", "约定开工", "自定义列"),
				row(1, "Valve plant " + tag, "Hubei Valves", "JS-IMP", "EQUIPMENT", 1.2, "officer", "leader",
						"2027-05-01"),
				row(2, "Pump plant " + tag, "Hubei Pumps", "ZX-CNC", "equipment", "5000万", "officer", null,
						"2025.13.01"),
				row(), row("合计", null, null, null, null, 6.2));
		Response r = upload("manager", "ledger.xlsx", file, null);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		JsonNode body = r.body();
		assertThat(body.get("id").asText()).isNotBlank();
		assertThat(body.at("/columns/名称").asText()).isEqualTo("name");
		assertThat(body.at("/columns/总投资(亿元)").asText()).isEqualTo("totalInvestment");
		assertThat(body.at("/columns/包联领导").asText()).isEqualTo("leader");
		assertThat(body.get("columns").has("自定义列")).as("unknown columns are listed").isTrue();
		assertThat(body.at("/columns/自定义列").isNull()).isTrue();
		assertThat(body.at("/counts/NEW").asInt()).isEqualTo(1);
		assertThat(body.at("/counts/ERROR").asInt()).isEqualTo(1);
		assertThat(body.get("rows")).hasSize(2);
		JsonNode bad = body.get("rows").get(1);
		assertThat(bad.get("row").asInt()).isEqualTo(6);
		assertThat(bad.get("action").asText()).isEqualTo("ERROR");
		assertThat(bad.at("/errors/0/column").asText()).isEqualTo("约定开工");
		assertThat(bad.at("/errors/0/message").asText()).contains("Row 6")
			.contains("约定开工")
			.contains("2025.13.01")
			.contains("not a date");
		assertThat(count("SELECT COUNT(*) FROM project WHERE name LIKE ?", "%" + tag)).as("nothing written").isZero();

		Response zh = upload("manager", "ledger.xlsx", file, "zh-CN");
		assertThat(zh.body().at("/rows/1/errors/0/message").asText()).isEqualTo("第6行「约定开工」: 2025.13.01 不是日期");
	}

	@Test
	void confirmReadsUnitsAndCreatesInFlightProjectsAtTheirStageWithBackdatedMilestones() {
		String tag = tag();
		byte[] file = xlsx(row(HEADER),
				row("S-" + tag, "Signed " + tag, "Investor A", "JS-IMP", "EQUIPMENT", "1.2亿", "30", "供地", "2024-01-10",
						"2024/2/5", null, null, null, "2025年6月1日", "2026.6.1", "已签约", null, "officer"),
				row("C-" + tag, "Building " + tag, "Investor B", "ZX-CNC", "CHEMICAL", "5000万", "6666.67㎡", "供地",
						LocalDate.of(2023, 3, 1), "2023.4.2", "2023年5月", "20230710", null, null, "2026-12-31", "在建",
						null, "officer"),
				row("P-" + tag, "Producing " + tag, "Investor C", "SY-GF", "AGRI_FOOD", "3,000", null, "租赁厂房",
						"2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01", "2023-04-01", null, null, "已投产", null,
						"officer"),
				row("D-" + tag, "Dropped " + tag, "Investor D", "QJL-EA", "HEALTH", 800, null, null, "2024-05-01", null,
						null, null, null, null, null, "终止", "2024-06-01", "officer", "Investor chose another city"));
		JsonNode preview = upload("manager", "in-flight.xlsx", file, null).body();
		assertThat(preview.at("/counts/NEW").asInt()).as(preview.toString()).isEqualTo(4);
		assertThat(preview.at("/rows/1/approximate/0").asText()).isEqualTo("供地日期");

		// the audit entries this confirmation writes, whatever earlier runs left on the
		// same database
		long auditBefore = count("SELECT COALESCE(MAX(seq), 0) FROM audit_entry");
		Response confirmed = post("manager", "/api/imports/" + preview.get("id").asText() + "/confirm", null);
		assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
		assertThat(confirmed.body().get("created").asInt()).isEqualTo(4);

		long signed = idOf("S-" + tag);
		JsonNode s = get("manager", "/api/projects/" + signed).body();
		assertThat(s.get("stage").asText()).isEqualTo("SIGNING");
		assertThat(s.get("stageEnteredOn").asText()).isEqualTo("2024-02-05");
		assertThat(new BigDecimal(s.get("totalInvestmentWan").asText())).isEqualByComparingTo("12000");
		assertThat(s.at("/plan/CONSTRUCTION").asText()).isEqualTo("2025-06-01");
		assertThat(openTask(signed)).isEqualTo("RecordNextMilestone_SIGNING");

		long building = idOf("C-" + tag);
		JsonNode c = get("manager", "/api/projects/" + building).body();
		assertThat(c.get("stage").asText()).isEqualTo("CONSTRUCTION");
		assertThat(new BigDecimal(c.get("landMu").asText())).isEqualByComparingTo("10.000005");
		assertThat(openTask(building)).isEqualTo("RecordNextMilestone_CONSTRUCTION");
		assertThat(count("SELECT COUNT(*) FROM milestone WHERE project_id = ? AND imported = TRUE", building))
			.isEqualTo(4);
		assertThat(jdbc.sql("SELECT effective_on FROM milestone WHERE project_id = ? AND stage = 'SITE_SELECTION'")
			.param(building)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2023, 5, 1));
		assertThat(count("SELECT COUNT(*) FROM milestone WHERE project_id = ? AND approximate = TRUE", building))
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM approval_request WHERE project_id = ?", building))
			.as("no approval tasks for past steps")
			.isZero();
		// the engine goes on from there like for any project: the officer asks for
		// acceptance
		assertThat(advance("officer", building, "PRODUCTION", today()).status()).isEqualTo(202);

		long producing = idOf("P-" + tag);
		JsonNode p = get("manager", "/api/projects/" + producing).body();
		assertThat(p.get("outcome").asText()).isEqualTo("IN_PRODUCTION");
		assertThat(p.get("assetModel").asText()).isEqualTo("LIGHT");
		assertThat(new BigDecimal(p.get("totalInvestmentWan").asText())).isEqualByComparingTo("3000");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceOf(producing)).count())
			.as("the instance of a project in production has ended")
			.isZero();

		long dropped = idOf("D-" + tag);
		JsonNode d = get("manager", "/api/projects/" + dropped).body();
		assertThat(d.get("outcome").asText()).isEqualTo("DROPPED");
		assertThat(d.get("droppedOn").asText()).isEqualTo("2024-06-01");
		assertThat(d.get("dropReason").asText()).isEqualTo("Investor chose another city");
		assertAuditChainIntact();
		assertThat(count(
				"SELECT COUNT(*) FROM audit_entry WHERE seq > ? AND action = 'LEDGER_IMPORTED' " + "AND details LIKE ?",
				auditBefore, "%in-flight.xlsx%created=4%"))
			.isEqualTo(1);

		// the same file again: nothing to do
		JsonNode again = upload("manager", "in-flight.xlsx", file, null).body();
		assertThat(again.at("/counts/UNCHANGED").asInt()).as(again.toString()).isEqualTo(4);
		Response second = post("manager", "/api/imports/" + again.get("id").asText() + "/confirm", null);
		assertThat(second.body().get("unchanged").asInt()).isEqualTo(4);
	}

	@Test
	void anUpdateChangesFactsAndPlanAndAddsTheMilestonesReachedSince() {
		String tag = tag();
		byte[] before = xlsx(row(HEADER), row("U-" + tag, "Upgrade " + tag, "Investor U", "JS-IMP", "EQUIPMENT", 900,
				null, null, "2024-01-10", null, null, null, null, null, null, "在谈", null, "officer"));
		confirm(upload("manager", "a.xlsx", before, null));
		long id = idOf("U-" + tag);
		byte[] after = xlsx(row(HEADER),
				row("U-" + tag, "Upgrade " + tag, "Investor U", "JS-IMP", "EQUIPMENT", 1100, null, null, "2024-01-10",
						"2024-03-01", "2024-04-01", null, null, "2025-01-01", null, "已供地", null, "officer2"));
		JsonNode preview = upload("admin", "b.xlsx", after, null).body();
		assertThat(preview.at("/counts/UPDATE").asInt()).as(preview.toString()).isEqualTo(1);
		assertThat(confirm(preview).get("updated").asInt()).isEqualTo(1);
		JsonNode p = get("manager", "/api/projects/" + id).body();
		assertThat(p.get("stage").asText()).isEqualTo("SITE_SELECTION");
		assertThat(p.get("officer").asText()).isEqualTo("officer2");
		assertThat(new BigDecimal(p.get("totalInvestmentWan").asText())).isEqualByComparingTo("1100");
		assertThat(p.at("/plan/CONSTRUCTION").asText()).isEqualTo("2025-01-01");
		assertThat(openTask(id)).isEqualTo("RecordNextMilestone_SITE_SELECTION");

		// a ledger that would move it back is an error
		JsonNode back = upload("manager", "a.xlsx", before, null).body();
		assertThat(back.at("/rows/0/action").asText()).isEqualTo("ERROR");
	}

	@Test
	void aPreviewIsConfirmedOnceWithinAnHourAndNothingIsWrittenWhenItsRowsChangedSince() {
		String tag = tag();
		byte[] file = xlsx(row(HEADER),
				row("A-" + tag, "First " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10"),
				row("B-" + tag, "Second " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10"));
		JsonNode once = upload("manager", "x.xlsx", file, null).body();
		confirm(once);
		assertError(post("manager", "/api/imports/" + once.get("id").asText() + "/confirm", null), 409, "conflict");

		byte[] other = xlsx(row(HEADER),
				row("E-" + tag, "Early " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10"));
		JsonNode stale = upload("manager", "y.xlsx", other, null).body();
		jdbc.sql("UPDATE ledger_import SET created_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3700)), stale.get("id").asText())
			.update();
		assertError(post("manager", "/api/imports/" + stale.get("id").asText() + "/confirm", null), 409, "conflict");
		assertThat(count("SELECT COUNT(*) FROM project WHERE code = ?", "E-" + tag)).isZero();

		// the second row's project appears between preview and confirmation: nothing at
		// all is written
		byte[] two = xlsx(row(HEADER),
				row("F-" + tag, "Fresh " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10"),
				row("G-" + tag, "Gone " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10"));
		JsonNode preview = upload("manager", "z.xlsx", two, null).body();
		Map<String, Object> body = newProject("officer", LocalDate.of(2024, 1, 10));
		body.put("code", "G-" + tag);
		assertThat(post("manager", "/api/projects", body).status()).isEqualTo(201);
		long auditBefore = count("SELECT COUNT(*) FROM audit_entry");
		assertError(post("manager", "/api/imports/" + preview.get("id").asText() + "/confirm", null), 409, "conflict");
		assertThat(count("SELECT COUNT(*) FROM project WHERE code = ?", "F-" + tag)).isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_entry")).isEqualTo(auditBefore);
	}

	@Test
	void onlyManagersAndAdministratorsImport() {
		byte[] file = xlsx(row(HEADER), row("X-" + tag(), "Any " + tag(), "Investor", "JS-IMP", "EQUIPMENT", 100));
		assertError(upload("officer", "x.xlsx", file, null), 403, "forbidden");
		assertError(upload("auditor", "x.xlsx", file, null), 403, "forbidden");
		JsonNode preview = upload("manager", "x.xlsx", file, null).body();
		assertError(post("officer", "/api/imports/" + preview.get("id").asText() + "/confirm", null), 403, "forbidden");
		assertThat(upload(null, "x.xlsx", file, null).status()).isEqualTo(401);
	}

	@Test
	void badFilesAreRefusedWithAClearMessage() {
		byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes();
		assertThat(assertError(upload("manager", "ledger.xlsx", pdf, null), 400, "invalid_input").get("file").asText())
			.contains(".xlsx");
		byte[] noHeader = xlsx(row("just", "some", "text"), row(1, 2, 3));
		assertThat(assertError(upload("manager", "n.xlsx", noHeader, null), 400, "invalid_input").get("file").asText())
			.contains("header");
		byte[] empty = xlsx();
		assertError(upload("manager", "e.xlsx", empty, null), 400, "invalid_input");
		assertError(upload("manager", "e.xlsx", new byte[0], null), 400, "invalid_input");
		Response notMultipart = post("manager", "/api/imports", Map.of("file", "x"));
		assertThat(notMultipart.status()).isBetween(400, 415);
	}

	@Test
	void aFileOverTwentyMegabytesIsRefusedWith413() {
		byte[] big = new byte[20 * 1024 * 1024 + 512 * 1024];
		assertError(upload("manager", "big.xlsx", big, null), 413, "payload_too_large");
		byte[] huge = new byte[22 * 1024 * 1024];
		assertError(upload("manager", "huge.xlsx", huge, null), 413, "payload_too_large");
	}

	@Test
	void rowsTheRecordCannotHoldAreErrorsInThePreview() {
		String tag = tag();
		byte[] file = xlsx(row(HEADER),
				row("bad code!", "Code " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10", null,
						null, null, null, null, null, null, null, "officer"),
				row("L-" + tag, "x".repeat(201), "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10", null,
						null, null, null, null, null, null, null, "officer"),
				row("K-" + tag, "Skipped " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10",
						null, "2024-03-01", null, null, null, null, null, null, "officer"),
				row("M-" + tag, "Wrong status " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null, "2024-01-10",
						"2024-02-01", null, null, null, null, null, "在建", null, "officer"),
				row("N-" + tag, "Future " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, null, null,
						today().plusDays(5).toString(), null, null, null, null, null, null, null, null, "nobody"));
		JsonNode preview = upload("manager", "bad.xlsx", file, null).body();
		assertThat(preview.at("/counts/ERROR").asInt()).as(preview.toString()).isEqualTo(5);
		assertThat(preview.at("/rows/0/errors/0/column").asText()).isEqualTo("项目编号");
		assertThat(preview.at("/rows/1/errors/0/message").asText()).contains("longer than 200");
		assertThat(preview.at("/rows/2/errors/0/column").asText()).isEqualTo("签约日期");
		assertThat(preview.at("/rows/3/errors/0/message").asText()).contains("在建").contains("已签约");
		assertThat(preview.at("/rows/4/errors").toString()).contains("nobody is not an active investment officer");
		Response confirmed = post("manager", "/api/imports/" + preview.get("id").asText() + "/confirm", null);
		assertThat(confirmed.body().get("skipped").asInt()).isEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM project WHERE code LIKE ?", "%-" + tag)).isZero();
	}

	@Test
	void aCsvLedgerInGb18030IsReadLikeAWorkbook() {
		String tag = tag();
		String csv = "项目编号,项目名称,投资方,所在园区,所属产业,总投资（万元）,招商专员,签约日期\r\n" + "CSV-" + tag + ",\"Csv, \"\"quoted\"\" " + tag
				+ "\",投资方甲,JS-IMP,EQUIPMENT,\"1,200\",officer,2024年3月\r\n";
		JsonNode preview = upload("manager", "台账.csv", csv.getBytes(java.nio.charset.Charset.forName("GB18030")), null)
			.body();
		assertThat(preview.at("/counts/NEW").asInt()).as(preview.toString()).isEqualTo(1);
		assertThat(preview.at("/rows/0/name").asText()).isEqualTo("Csv, \"quoted\" " + tag);
		assertThat(preview.at("/rows/0/approximate/0").asText()).isEqualTo("签约日期");
		confirm(preview);
		JsonNode p = get("manager", "/api/projects/" + idOf("CSV-" + tag)).body();
		assertThat(p.get("investor").asText()).isEqualTo("投资方甲");
		assertThat(new BigDecimal(p.get("totalInvestmentWan").asText())).isEqualByComparingTo("1200");
		assertThat(p.get("stage").asText()).isEqualTo("SIGNING");
	}

	private JsonNode confirm(Response preview) {
		assertThat(preview.status()).as(preview.raw()).isEqualTo(201);
		return confirm(preview.body());
	}

	private JsonNode confirm(JsonNode preview) {
		Response r = post("manager", "/api/imports/" + preview.get("id").asText() + "/confirm", null);
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private long idOf(String code) {
		return jdbc.sql("SELECT id FROM project WHERE code = ?").param(code).query(Long.class).single();
	}

	private String openTask(long projectId) {
		List<String> keys = new ArrayList<>();
		taskService.createTaskQuery()
			.processInstanceId(processInstanceOf(projectId))
			.list()
			.forEach(t -> keys.add(t.getTaskDefinitionKey()));
		assertThat(keys).hasSize(1);
		return keys.get(0);
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
