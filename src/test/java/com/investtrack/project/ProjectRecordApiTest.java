package com.investtrack.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * The bureau's project record through the API: ledger number, 万元 and 亩 with the yuan and
 * m² figures older clients use, the codes and their checks, the classification fields,
 * the leader in charge and the list filters on them.
 */
class ProjectRecordApiTest extends ApiTestBase {

	/** Valid 统一社会信用代码 (their check characters computed per GB 32100-2015). */
	private static final String CREDIT_CODE = "91440300708461136T";

	private Map<String, Object> record(String park) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "JM-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("name", "掇刀区新能源电池项目 " + UUID.randomUUID().toString().substring(0, 6));
		body.put("investor", "湖北某某新能源科技有限公司");
		body.put("industryCode", "NEW_ENERGY");
		body.put("parkCode", park);
		body.put("assetModel", "HEAVY");
		body.put("totalInvestmentWan", 120000);
		body.put("fixedAssetInvestmentWan", 95000.5);
		body.put("contractedInvestmentWan", 110000);
		body.put("landMu", 300);
		body.put("nationalCode", "2025-420802-38-03-012345");
		body.put("creditCode", CREDIT_CODE);
		body.put("projectType", "EXPANSION");
		body.put("channel", "BUSINESS_REFERRAL");
		body.put("referrer", "Jingmen Chamber of Commerce in Shenzhen");
		body.put("fundsOrigin", "OUT_OF_PROVINCE");
		body.put("leader", "leader");
		body.put("keyLevel", "PROVINCE");
		body.put("officer", "officer");
		body.put("negotiationStartedOn", today().minusDays(10).toString());
		return body;
	}

	@Test
	void theWholeRecordIsStoredAndTheOlderFiguresDerived() {
		Map<String, Object> body = record(newPark());
		Response r = post("officer", "/api/projects", body);

		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		JsonNode p = r.body();
		assertThat(p.get("code").asText()).isEqualTo(body.get("code"));
		assertThat(p.get("totalInvestmentWan").decimalValue()).isEqualByComparingTo("120000");
		assertThat(p.get("investmentAmountYuan").decimalValue()).isEqualByComparingTo("1200000000");
		assertThat(p.get("fixedAssetInvestmentWan").decimalValue()).isEqualByComparingTo("95000.5");
		assertThat(p.get("contractedInvestmentWan").decimalValue()).isEqualByComparingTo("110000");
		assertThat(p.get("landMu").decimalValue()).isEqualByComparingTo("300");
		assertThat(p.get("landAreaM2").decimalValue()).isEqualByComparingTo("200000");
		assertThat(p.get("nationalCode").asText()).isEqualTo("2025-420802-38-03-012345");
		assertThat(p.get("creditCode").asText()).isEqualTo(CREDIT_CODE);
		assertThat(p.get("projectType").asText()).isEqualTo("EXPANSION");
		assertThat(p.get("channel").asText()).isEqualTo("BUSINESS_REFERRAL");
		assertThat(p.get("referrer").asText()).isEqualTo("Jingmen Chamber of Commerce in Shenzhen");
		assertThat(p.get("fundsOrigin").asText()).isEqualTo("OUT_OF_PROVINCE");
		assertThat(p.get("leader").asText()).isEqualTo("leader");
		assertThat(p.get("keyLevel").asText()).isEqualTo("PROVINCE");
		assertThat(get("leader", "/api/projects/" + p.get("id").asLong()).body()).isEqualTo(p);
	}

	@Test
	void anOlderClientSendingYuanAndSquareMetresStillWorksAndItsEditKeepsWhatItDoesNotKnow() {
		Map<String, Object> older = new LinkedHashMap<>();
		older.put("name", "Legacy client project " + UUID.randomUUID().toString().substring(0, 6));
		older.put("investor", "Old API Ltd");
		older.put("industryCode", "EQUIPMENT");
		older.put("parkCode", "JS-IMP");
		older.put("assetModel", "HEAVY");
		older.put("investmentAmountYuan", 123456789.12);
		older.put("landAreaM2", 1234.56);
		Response created = post("officer", "/api/projects", older);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		assertThat(created.body().get("totalInvestmentWan").decimalValue()).isEqualByComparingTo("12345.678912");
		assertThat(created.body().get("investmentAmountYuan").decimalValue()).isEqualByComparingTo("123456789.12");
		assertThat(created.body().get("landAreaM2").decimalValue()).isEqualByComparingTo("1234.56");
		assertThat(created.body().get("keyLevel").asText()).isEqualTo("NONE");

		Map<String, Object> fuller = new LinkedHashMap<>(older);
		fuller.remove("investmentAmountYuan");
		fuller.remove("landAreaM2");
		fuller.put("totalInvestmentWan", 12345.678912);
		fuller.put("fixedAssetInvestmentWan", 9000);
		fuller.put("leader", "leader");
		assertThat(put("manager", "/api/projects/" + id, fuller).status()).isEqualTo(200);

		older.put("investor", "Old API Holdings");
		Response edited = put("officer", "/api/projects/" + id, older);
		assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
		assertThat(edited.body().get("investor").asText()).isEqualTo("Old API Holdings");
		assertThat(edited.body().get("fixedAssetInvestmentWan").decimalValue()).isEqualByComparingTo("9000");
		assertThat(edited.body().get("leader").asText()).isEqualTo("leader");
		assertThat(edited.body().get("landAreaM2").decimalValue()).isEqualByComparingTo("1234.56");
	}

	@Test
	void theLedgerNumberIsTheBureausOwnAndOnlyManagersChangeIt() {
		Map<String, Object> body = record("JS-IMP");
		long id = post("officer", "/api/projects", body).body().get("id").asLong();

		Map<String, Object> again = record("JS-IMP");
		again.put("code", body.get("code"));
		var state = stateOf(id);
		long projects = count("SELECT COUNT(*) FROM project");
		JsonNode fields = assertError(post("officer", "/api/projects", again), 400, "invalid_input");
		assertThat(fields.get("code").asText()).contains("already");
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);

		Map<String, Object> edit = record("JS-IMP");
		edit.remove("officer");
		edit.remove("negotiationStartedOn");
		edit.put("code", "JM-NEW-" + id);
		assertError(put("officer", "/api/projects/" + id, edit), 403, "forbidden");
		assertThat(stateOf(id)).isEqualTo(state);
		Response changed = put("manager", "/api/projects/" + id, edit);
		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
		assertThat(changed.body().get("code").asText()).isEqualTo("JM-NEW-" + id);
		assertThat(get("officer", "/api/projects?q=JM-NEW-" + id).body().get("totalElements").asLong()).isEqualTo(1);

		Map<String, Object> assigned = record("JS-IMP");
		assigned.remove("code");
		Response auto = post("officer", "/api/projects", assigned);
		assertThat(auto.body().get("code").asText()).matches("P\\d{4}-\\d{5,}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "creditCode|911100001000176433|GB 32100", "creditCode|91110000100017643|GB 32100",
					"nationalCode|2025-42080-38-03-012345|2024-420802", "totalInvestmentWan|0|greater than 0",
					"totalInvestmentWan|-5|greater than 0", "totalInvestmentWan|10000000001|at most",
					"fixedAssetInvestmentWan|0|greater than 0", "contractedInvestmentWan|20000000000|at most",
					"leader|officer|LEADER role", "leader|nobody|LEADER role", "code|has space|letters",
					"landMu|-1|0" })
	void badFieldsAreRefusedByNameAndNothingIsWritten(String field, String value, String reason) {
		Map<String, Object> body = record("JS-IMP");
		body.put(field, value);
		long projects = count("SELECT COUNT(*) FROM project");
		long audit = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PROJECT_CREATED'");

		JsonNode fields = assertError(post("officer", "/api/projects", body), 400, "invalid_input");

		assertThat(fields.has(field)).as("names %s in %s", field, fields).isTrue();
		assertThat(fields.get(field).asText()).containsIgnoringCase(reason);
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PROJECT_CREATED'")).isEqualTo(audit);
	}

	@ParameterizedTest
	@CsvSource({ "projectType,NEWBUILD", "channel,TV", "fundsOrigin,MARS", "keyLevel,NATIONAL" })
	void unknownEnumValuesAreRefusedByName(String field, String value) {
		Map<String, Object> body = record("JS-IMP");
		body.put(field, value);
		long projects = count("SELECT COUNT(*) FROM project");
		JsonNode fields = assertError(post("officer", "/api/projects", body), 400, "invalid_input");
		assertThat(fields.has(field)).as("names %s in %s", field, fields).isTrue();
		assertThat(count("SELECT COUNT(*) FROM project")).isEqualTo(projects);
	}

	@Test
	void yuanAndWanThatDisagreeAreRefused() {
		Map<String, Object> body = record("JS-IMP");
		body.put("investmentAmountYuan", 1);
		JsonNode fields = assertError(post("officer", "/api/projects", body), 400, "invalid_input");
		assertThat(fields.get("investmentAmountYuan").asText()).contains("does not match");
	}

	@Test
	void aPutCannotMoveTheOfficerTheFirstTalkOrThePlan() {
		long id = createProject("officer", today().minusDays(3));
		var state = stateOf(id);
		Map<String, Object> edit = record("JS-IMP");
		edit.put("plan", Map.of("SIGNING", today().plusDays(30).toString()));
		JsonNode fields = assertError(put("officer", "/api/projects/" + id, edit), 400, "invalid_input");
		assertThat(fields.fieldNames()).toIterable().contains("officer", "negotiationStartedOn", "plan");
		assertThat(stateOf(id)).isEqualTo(state);
	}

	@Test
	void listsFilterByLeaderKeyLevelTypeAndChannel() {
		String park = newPark();
		Map<String, Object> led = record(park);
		long ledId = post("officer", "/api/projects", led).body().get("id").asLong();
		Map<String, Object> other = record(park);
		other.put("leader", null);
		other.put("keyLevel", "NONE");
		other.put("projectType", "NEW");
		other.put("channel", "EXPO");
		long otherId = post("officer", "/api/projects", other).body().get("id").asLong();

		assertThat(ids("/api/projects?parkCode=" + park + "&leader=leader")).containsExactly(ledId);
		assertThat(ids("/api/projects?parkCode=" + park + "&keyLevel=PROVINCE")).containsExactly(ledId);
		assertThat(ids("/api/projects?parkCode=" + park + "&projectType=NEW")).containsExactly(otherId);
		assertThat(ids("/api/projects?parkCode=" + park + "&channel=EXPO")).containsExactly(otherId);
		assertError(get("leader", "/api/projects?keyLevel=NATIONAL"), 400, "invalid_input");
	}

	@Test
	void aLeaderReadsButChangesNothing() {
		long id = post("officer", "/api/projects", record("JS-IMP")).body().get("id").asLong();
		var state = stateOf(id);
		assertThat(get("leader", "/api/projects/" + id).status()).isEqualTo(200);
		assertThat(advance("leader", id, "SIGNING", today()).status()).isEqualTo(403);
		assertThat(put("leader", "/api/projects/" + id + "/plan",
				Map.of("dates", Map.of("SIGNING", today().toString()), "reason", "x"))
			.status()).isEqualTo(403);
		assertThat(post("leader", "/api/projects", record("JS-IMP")).status()).isEqualTo(403);
		assertThat(stateOf(id)).isEqualTo(state);
	}

	private java.util.List<Long> ids(String path) {
		Response r = get("leader", path);
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		var ids = new java.util.ArrayList<Long>();
		r.body().get("content").forEach(p -> ids.add(p.get("id").asLong()));
		return ids;
	}

}
