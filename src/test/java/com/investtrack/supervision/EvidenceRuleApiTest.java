package com.investtrack.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * Evidence rules through the API: off by default, so a step needs no evidence; switched
 * on by an administrator (audited), a step into the stage without an evidence file of it
 * is refused naming {@code evidence} with nothing written, and goes through once the file
 * is there; only administrators switch rules; bad stages and values are refused naming
 * the field. The rules are global, so every test starts and ends with all of them off.
 */
class EvidenceRuleApiTest extends ApiTestBase {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final String SWITCHED_ON_BY_ADMIN = "SELECT COUNT(*) FROM audit_entry WHERE action = "
			+ "'EVIDENCE_RULE_CHANGED' AND actor = 'admin' AND to_stage = ? AND decision = 'REQUIRED'";

	@BeforeEach
	@AfterEach
	void rulesOff() {
		allEvidenceRulesOff();
	}

	@Test
	void withTheRuleOffAnApprovalIsRequestedWithoutEvidence() {
		long project = createProject("officer", today().minusDays(10));

		Response r = advance("officer", project, "SIGNING", today().minusDays(1));

		assertThat(r.status()).as(r.raw()).isEqualTo(202);
		assertThat(get("officer", "/api/projects/" + project).body().get("pendingApproval").get("to").asText())
			.isEqualTo("SIGNING");
	}

	@Test
	void withTheRuleOnTheRequestIsRefusedUntilAnEvidenceFileOfThatStageIsThere() {
		long project = createProject("officer", today().minusDays(10));
		Response on = rule("admin", "SIGNING", true);
		assertThat(on.status()).as(on.raw()).isEqualTo(200);
		assertThat(on.body().get("required").asBoolean()).isTrue();
		assertThat(on.body().get("changedBy").asText()).isEqualTo("admin");
		var before = stateOf(project);

		Response refused = advance("officer", project, "SIGNING", today().minusDays(1));

		assertThat(assertError(refused, 400, "invalid_input").get("evidence").asText()).contains("SIGNING");
		assertThat(stateOf(project)).isEqualTo(before);
		// evidence of another stage does not count
		assertThat(uploadEvidence("officer", project, "SITE_SELECTION", "land.pdf", PDF).status()).isEqualTo(201);
		assertThat(assertError(advance("officer", project, "SIGNING", today().minusDays(1)), 400, "invalid_input")
			.has("evidence")).isTrue();

		assertThat(uploadEvidence("officer", project, "SIGNING", "agreement.pdf", PDF).status()).isEqualTo(201);
		Response requested = advance("officer", project, "SIGNING", today().minusDays(1));

		assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
		assertThat(decide("manager", project, "APPROVE", "agreement seen").status()).isEqualTo(200);
	}

	@Test
	void aRuleOnAStageWithoutApprovalGuardsTheRecordingItself() {
		long project = createProject("officer", today().minusDays(30));
		reach("officer", project, "SIGNING", today().minusDays(20));
		rule("admin", "SITE_SELECTION", true);

		assertThat(
				assertError(advance("officer", project, "SITE_SELECTION", today().minusDays(5)), 400, "invalid_input")
					.has("evidence"))
			.isTrue();
		assertThat(get("officer", "/api/projects/" + project).body().get("stage").asText()).isEqualTo("SIGNING");

		uploadEvidence("manager", project, "SITE_SELECTION", "land-contract.pdf", PDF);
		assertThat(advance("officer", project, "SITE_SELECTION", today().minusDays(5)).status()).isEqualTo(200);
	}

	@Test
	void everySignedInUserReadsTheRulesAndAChangeIsAuditedOnce() {
		long entries = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'EVIDENCE_RULE_CHANGED'");
		long switchedOn = count(SWITCHED_ON_BY_ADMIN, "PRODUCTION");

		rule("admin", "PRODUCTION", true);
		rule("admin", "PRODUCTION", true);

		for (String user : new String[] { "officer", "leader", "auditor", "manager" }) {
			JsonNode rules = get(user, "/api/evidence-rules").body();
			assertThat(rules).hasSize(4);
			assertThat(rules.get(0).get("stage").asText()).isEqualTo("SIGNING");
			assertThat(rules.get(3).get("stage").asText()).isEqualTo("PRODUCTION");
			assertThat(rules.get(3).get("required").asBoolean()).isTrue();
			assertThat(rules.get(0).get("required").asBoolean()).isFalse();
		}
		assertThat(get(null, "/api/evidence-rules").status()).isEqualTo(401);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'EVIDENCE_RULE_CHANGED'"))
			.isEqualTo(entries + 1);
		assertThat(count(SWITCHED_ON_BY_ADMIN, "PRODUCTION")).isEqualTo(switchedOn + 1);
		assertAuditChainIntact();
	}

	@Test
	void onlyAdministratorsSwitchARule() {
		for (String user : new String[] { "officer", "manager", "auditor", "leader", "lead" }) {
			assertThat(rule(user, "SIGNING", true).status()).as(user).isEqualTo(403);
		}
		assertThat(rule(null, "SIGNING", true).status()).isEqualTo(401);
		assertThat(get("officer", "/api/evidence-rules").body().get(0).get("required").asBoolean()).isFalse();
	}

	@Test
	void badStagesAndValuesAreRefusedNamingTheField() {
		long entries = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'EVIDENCE_RULE_CHANGED'");

		assertThat(assertError(rule("admin", "NOT_A_STAGE", true), 400, "invalid_input").has("stage")).isTrue();
		// a project starts in negotiation: no step leads into it
		assertThat(assertError(rule("admin", "NEGOTIATION", true), 400, "invalid_input").has("stage")).isTrue();
		for (Object body : new Object[] { Map.of(), "{\"required\": null}", "{\"required\": \"yes\"}",
				"{\"required\": \"true\"}", "{\"required\": 1}", "{\"required\": [true]}" }) {
			Response r = put("admin", "/api/evidence-rules/SIGNING", body);
			assertThat(assertError(r, 400, "invalid_input").has("required")).as(String.valueOf(body)).isTrue();
		}
		assertThat(assertError(put("admin", "/api/evidence-rules/SIGNING", "{\"required\": true, \"x\": 1}"), 400,
				"invalid_input")
			.has("x")).isTrue();

		assertThat(get("officer", "/api/evidence-rules").body().get(0).get("required").asBoolean()).isFalse();
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'EVIDENCE_RULE_CHANGED'")).isEqualTo(entries);
	}

	private Response rule(String user, String stage, boolean required) {
		return put(user, "/api/evidence-rules/" + stage, Map.of("required", required));
	}

}
