package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.common.PageResult;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.Health;
import com.investtrack.project.ProjectFilter;
import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * Reading: reference data, one project with its stage durations, the filtered and paged
 * list, and the history.
 */
class ProjectQueryApiTest extends ApiTestBase {

	@Autowired
	ProjectViews views;

	@Test
	void parksAndIndustriesAreListedForEveryRole() {
		for (String user : List.of("officer", "manager", "auditor", "admin")) {
			Response parks = get(user, "/api/parks");
			assertThat(parks.status()).isEqualTo(200);
			assertThat(parks.body().isArray()).isTrue();
			assertThat(parks.body()).allSatisfy(
					p -> assertThat(ProjectCreateApiTest.fieldNames(p)).containsExactly("code", "name", "district"));
			assertThat(parks.body().findValuesAsText("code")).containsAll(TestData.PARKS).isSorted();

			Response industries = get(user, "/api/industries");
			assertThat(industries.status()).isEqualTo(200);
			assertThat(industries.body())
				.allSatisfy(i -> assertThat(ProjectCreateApiTest.fieldNames(i)).containsExactly("code", "name"));
			assertThat(industries.body().findValuesAsText("code")).containsAll(TestData.INDUSTRIES);
		}
		assertError(get(null, "/api/parks"), 401, "unauthorized");
		assertError(get(null, "/api/industries"), 401, "unauthorized");
	}

	@Test
	void unknownProjectIs404AndAMalformedIdIs400() {
		assertError(get("officer", "/api/projects/987654321"), 404, "not_found");
		assertError(get("officer", "/api/projects/987654321/history"), 404, "not_found");
		assertError(get("officer", "/api/projects/twelve"), 400, "invalid_input");
		assertError(get(null, "/api/projects/1"), 401, "unauthorized");
	}

	@Test
	void stagesLastFromTheirMilestoneToTheNextAndTheCurrentOneToToday() {
		LocalDate start = today().minusDays(40);
		long id = createProject("officer", start);
		walk("officer", id, today().minusDays(30), today().minusDays(12));

		JsonNode p = get("officer2", "/api/projects/" + id).body();
		assertThat(p.get("stage").asText()).isEqualTo("SITE_SELECTION");
		assertThat(p.get("daysInStage").asLong()).isEqualTo(12);
		JsonNode stages = p.get("stages");
		assertThat(stages).hasSize(3);
		assertSpan(stages.get(0), "NEGOTIATION", start, today().minusDays(30), 10);
		assertSpan(stages.get(1), "SIGNING", today().minusDays(30), today().minusDays(12), 18);
		assertSpan(stages.get(2), "SITE_SELECTION", today().minusDays(12), null, 12);
	}

	@Test
	void aProjectInProductionCountsItsProductionStageToToday() {
		LocalDate start = today().minusDays(300);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(10), start.plusDays(20), start.plusDays(50), today().minusDays(5));

		JsonNode p = get("officer", "/api/projects/" + id).body();
		assertThat(p.get("outcome").asText()).isEqualTo("IN_PRODUCTION");
		assertThat(p.get("health").asText()).isEqualTo("GREEN");
		assertSpan(p.get("stages").get(3), "CONSTRUCTION", start.plusDays(50), today().minusDays(5), 245);
		assertSpan(p.get("stages").get(4), "PRODUCTION", today().minusDays(5), null, 5);
	}

	private static void assertSpan(JsonNode span, String stage, LocalDate entered, LocalDate left, long days) {
		assertThat(span.get("stage").asText()).isEqualTo(stage);
		assertThat(span.get("enteredOn").asText()).isEqualTo(entered.toString());
		if (left == null) {
			assertThat(span.get("leftOn").isNull()).isTrue();
		}
		else {
			assertThat(span.get("leftOn").asText()).isEqualTo(left.toString());
		}
		assertThat(span.get("days").asLong()).isEqualTo(days);
	}

	@Test
	void theListFiltersByEveryCriterionAndPages() {
		String park = newPark();
		LocalDate today = today();
		long green = createProject("officer", today.minusDays(5), park, "EQUIPMENT", "HEAVY");
		long yellow = createProject("officer", today.minusDays(70), park, "EQUIPMENT", "HEAVY");
		long red = createProject("officer2", today.minusDays(100), park, "EQUIPMENT", "HEAVY");
		long signing = createProject("officer", today.minusDays(20), park, "HEALTH", "HEAVY");
		walk("officer", signing, today.minusDays(10));
		long light = createProject("officer2", today.minusDays(3), park, "ELECTRONICS", "LIGHT");
		long dropped = createProject("officer", today.minusDays(200), park, "EQUIPMENT", "HEAVY");
		assertThat(post("officer", "/api/projects/" + dropped + "/drop",
				Map.of("effectiveOn", today.toString(), "reason", "gone"))
			.status()).isEqualTo(200);
		String base = "/api/projects?parkCode=" + park;

		assertThat(ids(base)).containsExactly(dropped, light, signing, red, yellow, green);
		assertThat(ids(base + "&stage=SIGNING")).containsExactly(signing);
		assertThat(ids(base + "&stage=NEGOTIATION&officer=officer2")).containsExactly(light, red);
		assertThat(ids(base + "&industryCode=HEALTH")).containsExactly(signing);
		assertThat(ids(base + "&industryCode=EQUIPMENT&officer=officer")).containsExactly(dropped, yellow, green);
		assertThat(ids(base + "&assetModel=LIGHT")).containsExactly(light);
		assertThat(ids(base + "&outcome=DROPPED")).containsExactly(dropped);
		assertThat(ids(base + "&outcome=ACTIVE&stage=NEGOTIATION")).containsExactly(light, red, yellow, green);
		assertThat(ids(base + "&health=RED")).containsExactly(red);
		assertThat(ids(base + "&health=YELLOW")).containsExactly(yellow);
		assertThat(ids(base + "&health=GREEN")).containsExactly(dropped, light, signing, green);
		// the dashboard's lists: each light's first page and total, all counted in one
		// scan
		List<PageResult<ProjectView>> byLight = views.firstPagesByHealth(
				new ProjectFilter(null, park, null, null, Health.RED, null, null, null, null, null, null, null),
				List.of(Health.RED, Health.YELLOW, Health.GREEN), 3);
		assertThat(byLight).extracting(PageResult::totalElements).containsExactly(1L, 1L, 4L);
		assertThat(byLight.get(0).content()).extracting(ProjectView::id).containsExactly(red);
		assertThat(byLight.get(1).content()).extracting(ProjectView::id).containsExactly(yellow);
		assertThat(byLight.get(2).content()).extracting(ProjectView::id).containsExactly(dropped, light, signing);
		assertThat(byLight.get(2).content()).extracting(ProjectView::health).containsOnly(Health.GREEN);
		String name = get("officer", "/api/projects/" + light).body().get("name").asText();
		assertThat(ids(base + "&q=" + name.substring(name.length() - 8).toUpperCase())).containsExactly(light);
		assertThat(ids("/api/projects?officer=officer2&parkCode=" + park + "&health=RED&stage=NEGOTIATION"))
			.containsExactly(red);
		assertThat(ids(base + "&stage=PRODUCTION")).isEmpty();
		assertThat(ids("/api/projects?parkCode=NO-SUCH-PARK")).isEmpty();

		for (JsonNode p : get("officer", base).body().get("content")) {
			long id = p.get("id").asLong();
			String expected = id == red ? "RED" : id == yellow ? "YELLOW" : "GREEN";
			assertThat(p.get("health").asText()).as("health of %s", id).isEqualTo(expected);
		}

		JsonNode page0 = get("auditor", base + "&size=4").body();
		assertThat(ProjectCreateApiTest.fieldNames(page0)).containsExactly("content", "page", "size", "totalElements");
		assertThat(page0.get("page").asInt()).isZero();
		assertThat(page0.get("size").asInt()).isEqualTo(4);
		assertThat(page0.get("totalElements").asLong()).isEqualTo(6);
		assertThat(page0.get("content")).hasSize(4);
		JsonNode page1 = get("auditor", base + "&size=4&page=1").body();
		assertThat(page1.get("page").asInt()).isEqualTo(1);
		assertThat(page1.get("content").findValues("id")).extracting(JsonNode::asLong).containsExactly(yellow, green);
		assertThat(get("auditor", base + "&size=4&page=5").body().get("content")).isEmpty();
		assertThat(get("officer", "/api/projects").body().get("size").asInt()).isEqualTo(20);
	}

	@Test
	void badListParametersAre400() {
		Map<String, String> bad = Map.of("stage=MARS", "stage", "health=PURPLE", "health", "assetModel=MEDIUM",
				"assetModel", "outcome=LOST", "outcome", "page=-1", "page", "page=x", "page", "size=0", "size",
				"size=201", "size", "parkCode=" + "P".repeat(33), "parkCode", "q=" + "q".repeat(101), "q");
		bad.forEach((query, field) -> {
			JsonNode fields = assertError(get("officer", "/api/projects?" + query), 400, "invalid_input");
			assertThat(fields.has(field)).as("%s names %s: %s", query, field, fields).isTrue();
		});
	}

	@Test
	void historyListsEveryStepWithWhoWhenAndWhy() {
		LocalDate start = today().minusDays(50);
		long id = createProject("officer", start);
		assertThat(post("officer", "/api/projects/" + id + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", start.plusDays(7).toString(), "comment", "please sign"))
			.status()).isEqualTo(202);
		assertThat(decide("manager", id, "REJECT", "intensity too low").status()).isEqualTo(200);
		assertThat(advance("officer", id, "SIGNING", start.plusDays(9)).status()).isEqualTo(202);
		assertThat(decide("manager2", id, "APPROVE", "ok now").status()).isEqualTo(200);
		assertThat(post("officer", "/api/projects/" + id + "/drop",
				Map.of("effectiveOn", start.plusDays(11).toString(), "reason", "investor left"))
			.status()).isEqualTo(200);

		Instant before = Instant.now().minusSeconds(120);
		Response r = get("auditor", "/api/projects/" + id + "/history");
		assertThat(r.status()).isEqualTo(200);
		JsonNode h = r.body();
		assertThat(h).allSatisfy(e -> {
			assertThat(ProjectCreateApiTest.fieldNames(e)).containsExactly("at", "effectiveOn", "actor", "action",
					"fromStage", "toStage", "decision", "comment", "details");
			assertThat(Instant.parse(e.get("at").asText())).isAfter(before);
		});
		assertThat(h.findValuesAsText("at").stream().map(Instant::parse).toList()).isSorted();
		List<String> rows = new ArrayList<>();
		h.forEach(e -> rows.add(String.join("|", text(e, "effectiveOn"), text(e, "actor"), text(e, "action"),
				text(e, "fromStage"), text(e, "toStage"), text(e, "decision"), text(e, "comment"))));
		assertThat(rows).containsExactly("-|officer|PROJECT_CREATED|-|-|-|-",
				start + "|officer|MILESTONE_RECORDED|-|NEGOTIATION|-|-",
				start.plusDays(7) + "|officer|APPROVAL_REQUESTED|NEGOTIATION|SIGNING|-|please sign",
				start.plusDays(7) + "|manager|REJECTED|NEGOTIATION|SIGNING|REJECT|intensity too low",
				start.plusDays(9) + "|officer|APPROVAL_REQUESTED|NEGOTIATION|SIGNING|-|-",
				start.plusDays(9) + "|manager2|APPROVED|NEGOTIATION|SIGNING|APPROVE|ok now",
				start.plusDays(9) + "|manager2|MILESTONE_RECORDED|NEGOTIATION|SIGNING|-|-",
				start.plusDays(11) + "|officer|PROJECT_DROPPED|SIGNING|-|-|investor left");
		assertThat(h.get(6).get("details").asText()).isEqualTo("entered by officer, approved by manager2");
		assertThat(h.get(0).get("details").asText()).contains("officer=officer");
	}

	private static String text(JsonNode e, String field) {
		return e.get(field).isNull() ? "-" : e.get(field).asText();
	}

	private List<Long> ids(String path) {
		Response r = get("officer", path);
		assertThat(r.status()).as("%s: %s", path, r.raw()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		r.body().get("content").forEach(p -> ids.add(p.get("id").asLong()));
		return ids;
	}

}
