package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;

/**
 * The board beyond a screenful: a column shows its count and its first cards with a link
 * to all of them, the stage's own list is paged, and the filters (park, officer, "my
 * projects", health, dropped, leader, key level, type, channel) narrow every column; a
 * leader opens it on the projects they lead; the CSV lists the ledger's columns.
 */
class BoardPagesTest extends WebTestBase {

	@Test
	void aLongColumnOpensIntoAPagedList() {
		String park = newPark();
		for (int i = 0; i < BoardController.LIST_PAGE + 5; i++) {
			createProject(i % 2 == 0 ? "officer" : "officer2", park, "HEALTH", "LIGHT", today().minusDays(i),
					unique("Clinic " + i));
		}
		WebSession manager = session("manager");
		String board = manager.get("/?park=" + park).body();
		String column = column(board, "NEGOTIATION");
		assertThat(column).contains("data-count=\"55\"");
		assertThat(count(column, "class=\"project-card")).isEqualTo(BoardController.COLUMN_CARDS);
		assertThat(column).contains("Show all 55").contains("href=\"/?park=" + park + "&amp;stage=NEGOTIATION\"");
		assertThat(column(board, "SIGNING")).contains("data-count=\"0\"").contains("None here.");

		String first = manager.get("/?park=" + park + "&stage=NEGOTIATION").body();
		assertThat(count(first, "<tr data-project=")).isEqualTo(BoardController.LIST_PAGE);
		assertThat(first).contains("Page 1 of 2 (55 in all)").contains("rel=\"next\"");
		String second = manager.get("/?park=" + park + "&stage=NEGOTIATION&page=1").body();
		assertThat(count(second, "<tr data-project=")).isEqualTo(5);
		assertThat(second).contains("Page 2 of 2").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

		String mine = session("officer").get("/?park=" + park + "&mine=true").body();
		assertThat(column(mine, "NEGOTIATION")).contains("data-count=\"28\"");
		String theirs = manager.get("/?park=" + park + "&officer=officer2").body();
		assertThat(column(theirs, "NEGOTIATION")).contains("data-count=\"27\"");
	}

	@Test
	void aTextSearchShowsInEachColumnWhatThatColumnsOwnSearchFinds() {
		String park = newPark();
		String token = unique("Qz").replace(" ", "");
		List<Long> matching = new ArrayList<>();
		for (int i = 0; i < BoardController.COLUMN_CARDS + 3; i++) {
			matching.add(createProject(i % 2 == 0 ? "officer" : "officer2", park, "HEALTH", "LIGHT",
					today().minusDays(40 + i), "Plant " + token.toLowerCase() + " " + i));
		}
		long other = createProject("officer", park, "HEALTH", "LIGHT", today().minusDays(5), unique("Plain"));
		walk("officer", matching.get(0), today().minusDays(2));
		assertThat(post("officer", "/api/projects/" + matching.get(2) + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "went elsewhere"))
			.status()).isEqualTo(200);
		WebSession manager = session("manager");
		for (String filters : List.of("", "&officer=officer2", "&status=DROPPED")) {
			String board = manager.get("/?park=" + park + "&q=" + token + filters).body();
			assertThat(board).doesNotContain("data-project=\"" + other + "\"");
			for (String stage : List.of("NEGOTIATION", "SIGNING", "SITE_SELECTION")) {
				String outcome = filters.contains("DROPPED") ? "DROPPED" : "ACTIVE";
				String api = "/api/projects?parkCode=" + park + "&q=" + token + "&stage=" + stage + "&outcome="
						+ outcome + "&size=" + BoardController.COLUMN_CARDS + filters.replace("&status=DROPPED", "");
				var expected = get("manager", api).body();
				List<String> cards = new ArrayList<>();
				expected.get("content").forEach(p -> cards.add("data-project=\"" + p.get("id").asLong() + "\""));
				String column = column(board, stage);
				assertThat(column).as(filters + " " + stage)
					.contains("data-count=\"" + expected.get("totalElements").asLong() + "\"");
				assertThat(Pattern.compile("data-project=\"\\d+\"").matcher(column).results().map(r -> r.group()))
					.as(filters + " " + stage)
					.containsExactlyElementsOf(cards);
			}
		}
		String board = manager.get("/?park=" + park + "&q=" + token).body();
		assertThat(column(board, "NEGOTIATION")).contains("data-count=\"" + (matching.size() - 2) + "\"");
		assertThat(column(board, "SIGNING")).contains("data-project=\"" + matching.get(0) + "\"");
	}

	@Test
	void healthAndDroppedFiltersNarrowTheBoard() {
		String park = newPark();
		long red = createProject("officer", park, "HEALTH", "LIGHT", today().minusDays(redNegotiationDays()),
				unique("Old talks"));
		long green = createProject("officer", park, "HEALTH", "LIGHT", today().minusDays(3), unique("New talks"));
		long dropped = createProject("officer", park, "HEALTH", "LIGHT", today().minusDays(30), unique("Lost talks"));
		assertThat(post("officer", "/api/projects/" + dropped + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "went elsewhere"))
			.status()).isEqualTo(200);
		WebSession officer = session("officer");

		String redOnly = officer.get("/?park=" + park + "&health=RED").body();
		assertThat(redOnly).contains("data-project=\"" + red + "\"").doesNotContain("data-project=\"" + green + "\"");
		String current = officer.get("/?park=" + park).body();
		assertThat(current).contains("data-project=\"" + red + "\"")
			.contains("data-project=\"" + green + "\"")
			.doesNotContain("data-project=\"" + dropped + "\"");
		String droppedOnly = officer.get("/?park=" + park + "&status=DROPPED").body();
		assertThat(droppedOnly).contains("data-project=\"" + dropped + "\"")
			.contains("Dropped in Negotiation")
			.doesNotContain("data-project=\"" + red + "\"");
		// a value that does not parse is ignored rather than failing the page
		assertThat(officer.get("/?park=" + park + "&health=PURPLE&page=x").status()).isEqualTo(200);
	}

	@Test
	void theRecordsFiltersNarrowTheBoardAndEachRowSaysWhyItsLightIsWhatItIs() {
		String park = newPark();
		long led = createRecord(park, unique("Led plant"), "leader", "CITY", "UPGRADE", "EXPO",
				Map.of("SIGNING", today().minusDays(40).toString()));
		long other = createRecord(park, unique("Plain plant"), null, "NONE", "NEW", "ONLINE", Map.of());
		WebSession manager = session("manager");
		for (String criterion : List.of("leader=leader", "keyLevel=CITY", "projectType=UPGRADE", "channel=EXPO")) {
			String board = manager.get("/?park=" + park + "&" + criterion).body();
			assertThat(column(board, "NEGOTIATION")).as(criterion)
				.contains("data-project=\"" + led + "\"")
				.doesNotContain("data-project=\"" + other + "\"");
			assertThat(board).as(criterion).contains("Clear filters");
		}
		// forty days past the agreed signing: red, and the list says so on the row
		String list = manager.get("/?park=" + park + "&stage=NEGOTIATION").body();
		Matcher row = Pattern.compile("<tr data-project=\"" + led + "\".*?</tr>", Pattern.DOTALL).matcher(list);
		assertThat(row.find()).isTrue();
		assertThat(row.group()).contains("data-health=\"RED\"").contains("data-health-reason").contains("Behind plan");
		assertThat(column(manager.get("/?park=" + park).body(), "NEGOTIATION")).contains("data-health-reason");
	}

	@Test
	void aLeaderOpensTheBoardOnTheProjectsTheyLeadAndChangesNothing() {
		String park = newPark();
		long led = createRecord(park, unique("Led plant"), "leader", "PROVINCE", "NEW", "FUND", Map.of());
		long other = createRecord(park, unique("Plain plant"), null, "NONE", "NEW", "FUND", Map.of());
		WebSession leader = session("leader");
		String board = leader.get("/").body();
		assertThat(board).contains("Only projects I lead").containsPattern("name=\"mine\" value=\"true\" checked");
		long expected = get("leader", "/api/projects?leader=leader&stage=NEGOTIATION&outcome=ACTIVE&size=1").body()
			.get("totalElements")
			.asLong();
		assertThat(column(board, "NEGOTIATION")).contains("data-count=\"" + expected + "\"");
		String mine = leader.get("/?park=" + park + "&mine=true").body();
		assertThat(column(mine, "NEGOTIATION")).contains("data-project=\"" + led + "\"")
			.doesNotContain("data-project=\"" + other + "\"");
		// unticked, the leader sees every project; "clear filters" too
		assertThat(column(leader.get("/?park=" + park).body(), "NEGOTIATION")).contains("data-count=\"2\"");
		assertThat(board).contains("href=\"/?mine=false\"");
		assertThat(leader.get("/?mine=false").body()).doesNotContainPattern("name=\"mine\" value=\"true\" checked");
		// read-only: the page offers no form, and a form sent anyway is refused
		String page = leader.get("/projects/" + led).body();
		assertThat(page).contains("id=\"plan\"")
			.doesNotContain("id=\"next-milestone\"")
			.doesNotContain("id=\"edit\"")
			.doesNotContain("id=\"revise-plan\"");
		assertThat(leader
			.post("/projects/" + led + "/plan",
					Map.of("dates.SIGNING", today().plusDays(9).toString(), "reason", "leader tries"))
			.status()).isEqualTo(403);
		assertThat(board).doesNotContain("href=\"/projects/new\"");
	}

	@Test
	void theCsvHasTheLedgersColumnsUnderTheBoardsFilter() {
		String park = newPark();
		LocalDate agreed = today().minusDays(45);
		long led = createRecord(park, unique("Export plant"), "leader", "CITY", "RELOCATION", "BUSINESS_REFERRAL",
				Map.of("SIGNING", agreed.toString(), "CONSTRUCTION", today().plusDays(200).toString()));
		createRecord(park, unique("Other plant"), null, "NONE", "NEW", "ONLINE", Map.of());
		String code = get("manager", "/api/projects/" + led).body().get("code").asText();
		var csv = session("manager").get("/board.csv?park=" + park + "&leader=leader");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).isEqualTo("\uFEFFProject number,Project,Investor,Park,Industry,Stage,Status,Officer,"
				+ "Leader in charge,Key project,Project type,Channel,Funds from,\"Total investment (10,000 yuan)\","
				+ "\"Fixed-asset investment (10,000 yuan)\",\"Contracted investment (10,000 yuan)\",Land (mu),"
				+ "Floor area (m²),Agreed signing,Agreed site selection,Agreed construction start,"
				+ "Agreed production start,Health,Why this light,Days late");
		assertThat(lines[1]).startsWith(code + ",Export plant ")
			.contains(",Negotiation,Active,officer,leader,City key project,Relocation,Business referral,Within Hubei,"
					+ "12000,9000,10000,75,," + agreed + ",," + today().plusDays(200) + ",,Stalled,")
			.contains("Behind plan")
			.endsWith(",45");
		// in Chinese, the headers and labels of the bureau's ledger
		String chinese = session("manager").header("Accept-Language", "zh-CN")
			.get("/board.csv?park=" + park + "&leader=leader")
			.body();
		assertThat(chinese).contains("项目编号", "总投资（万元）", "用地（亩）", "约定开工", "包保领导", "迁建", "以商招商", "红灯");
	}

	/**
	 * A project in negotiation since 60 days ago with the given record fields, created by
	 * officer through the API.
	 */
	private long createRecord(String park, String name, String leader, String keyLevel, String type, String channel,
			Map<String, String> plan) {
		Map<String, Object> body = newProject("officer", today().minusDays(60));
		body.remove("investmentAmountYuan");
		body.remove("landAreaM2");
		body.put("parkCode", park);
		body.put("name", name);
		body.put("totalInvestmentWan", 12000);
		body.put("fixedAssetInvestmentWan", 9000);
		body.put("contractedInvestmentWan", 10000);
		body.put("landMu", 75);
		body.put("leader", leader);
		body.put("keyLevel", keyLevel);
		body.put("projectType", type);
		body.put("channel", channel);
		body.put("fundsOrigin", "IN_PROVINCE");
		body.put("plan", plan);
		Response r = post("officer", "/api/projects", body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asLong();
	}

	/** The HTML of one board column. */
	private static String column(String board, String stage) {
		Matcher m = Pattern
			.compile("<section class=\"column\" data-stage=\"" + stage + "\".*?</section>", Pattern.DOTALL)
			.matcher(board);
		assertThat(m.find()).as("column " + stage).isTrue();
		return m.group();
	}

	private static int count(String html, String fragment) {
		return html.split(Pattern.quote(fragment), -1).length - 1;
	}

}
