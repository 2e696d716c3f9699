package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * GET /api/audit and /api/audit/verify: the trail for auditors and managers, and the
 * check that nothing was altered.
 */
class AuditApiTest extends ApiTestBase {

	@Test
	void theTrailIsFilteredAndPagedNewestFirst() {
		LocalDate start = today().minusDays(20);
		long id = createProject("officer", start);
		walk("officer", id, start.plusDays(2));
		String base = "/api/audit?projectId=" + id;

		JsonNode all = get("auditor", base).body();
		assertThat(ProjectCreateApiTest.fieldNames(all)).containsExactly("content", "page", "size", "totalElements");
		assertThat(all.get("size").asInt()).isEqualTo(50);
		assertThat(all.get("content").findValuesAsText("action")).containsExactly("MILESTONE_RECORDED", "APPROVED",
				"APPROVAL_REQUESTED", "MILESTONE_RECORDED", "PROJECT_CREATED");
		JsonNode approved = all.get("content").get(1);
		assertThat(ProjectCreateApiTest.fieldNames(approved)).containsExactly("seq", "at", "actor", "action",
				"projectId", "fromStage", "toStage", "effectiveOn", "decision", "comment", "details", "prevHash",
				"hash");
		assertThat(approved.get("actor").asText()).isEqualTo("manager");
		assertThat(approved.get("projectId").asLong()).isEqualTo(id);
		assertThat(approved.get("fromStage").asText()).isEqualTo("NEGOTIATION");
		assertThat(approved.get("toStage").asText()).isEqualTo("SIGNING");
		assertThat(approved.get("effectiveOn").asText()).isEqualTo(start.plusDays(2).toString());
		assertThat(approved.get("decision").asText()).isEqualTo("APPROVE");
		assertThat(approved.get("comment").asText()).isEqualTo("approved in test");
		assertThat(approved.get("details").asText()).isEqualTo("requested by officer");
		assertThat(approved.get("hash").asText()).hasSize(64).isNotEqualTo(approved.get("prevHash").asText());
		assertThat(all.get("content").get(0).get("prevHash").asText()).isEqualTo(approved.get("hash").asText());
		List<Long> seqs = all.get("content").findValues("seq").stream().map(JsonNode::asLong).toList();
		assertThat(seqs).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		assertThat(get("manager", base + "&actor=manager").body().get("content").findValuesAsText("action"))
			.containsExactly("MILESTONE_RECORDED", "APPROVED");
		assertThat(get("auditor", base + "&action=APPROVAL_REQUESTED").body().get("totalElements").asLong())
			.isEqualTo(1);
		String today = today().toString();
		assertThat(get("auditor", base + "&from=" + today + "&to=" + today).body().get("totalElements").asLong())
			.isEqualTo(5);
		assertThat(get("auditor", base + "&from=" + today().plusDays(1)).body().get("totalElements").asLong()).isZero();
		assertThat(get("auditor", base + "&to=" + today().minusDays(1)).body().get("totalElements").asLong()).isZero();
		JsonNode page = get("auditor", base + "&size=2&page=2").body();
		assertThat(page.get("content").findValuesAsText("action")).containsExactly("PROJECT_CREATED");
		assertThat(page.get("totalElements").asLong()).isEqualTo(5);
		assertThat(get("auditor", "/api/audit?projectId=987654321").body().get("content")).isEmpty();
	}

	@Test
	void onlyAuditorsAndManagersReadTheTrail() {
		for (String user : List.of("officer", "officer2", "admin")) {
			assertError(get(user, "/api/audit"), 403, "forbidden");
			assertError(get(user, "/api/audit/verify"), 403, "forbidden");
		}
		assertError(get(null, "/api/audit"), 401, "unauthorized");
		assertError(get(null, "/api/audit/verify"), 401, "unauthorized");
		assertThat(get("lead", "/api/audit?size=1").status()).isEqualTo(200);
	}

	@Test
	void badAuditParametersAre400() {
		Map<String, String> bad = Map.of("from=yesterday", "from", "to=2024-02-30", "to", "projectId=abc", "projectId",
				"page=-1", "page", "size=0", "size", "size=501", "size", "actor=" + "a".repeat(65), "actor",
				"action=" + "A".repeat(41), "action");
		bad.forEach((query, field) -> {
			JsonNode fields = assertError(get("auditor", "/api/audit?" + query), 400, "invalid_input");
			assertThat(fields.has(field)).as("%s names %s: %s", query, field, fields).isTrue();
		});
	}

	@Test
	void verificationWalksTheWholeChainAndFindsAnAlteredEntry() {
		long id = createProject("officer", today());
		Response ok = get("auditor", "/api/audit/verify");
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ProjectCreateApiTest.fieldNames(ok.body())).containsExactly("valid", "entries", "firstBadEntry");
		assertThat(ok.body().get("valid").asBoolean()).isTrue();
		assertThat(ok.body().get("entries").asLong()).isEqualTo(count("SELECT COUNT(*) FROM audit_entry"));
		assertThat(ok.body().get("firstBadEntry").isNull()).isTrue();

		long seq = count("SELECT MIN(seq) FROM audit_entry WHERE project_id = ?", id);
		String details = jdbc.sql("SELECT details FROM audit_entry WHERE seq = ?")
			.param(seq)
			.query(String.class)
			.single();
		try {
			jdbc.sql("UPDATE audit_entry SET details = ? WHERE seq = ?")
				.params(details.replace("officer=officer", "officer=officer2"), seq)
				.update();
			JsonNode bad = get("manager", "/api/audit/verify").body();
			assertThat(bad.get("valid").asBoolean()).isFalse();
			assertThat(bad.get("firstBadEntry").asLong()).isEqualTo(seq);
			assertThat(bad.get("entries").asLong()).isEqualTo(seq - 1);
		}
		finally {
			jdbc.sql("UPDATE audit_entry SET details = ? WHERE seq = ?").params(details, seq).update();
		}
		assertThat(get("auditor", "/api/audit/verify").body().get("valid").asBoolean()).isTrue();
	}

}
