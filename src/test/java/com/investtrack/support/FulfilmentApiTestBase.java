package com.investtrack.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * API tests of fulfilment and the bulletin: projects with the ledger's money and land
 * (万元, 亩) and agreed dates, in parks and districts of the test's own.
 */
public abstract class FulfilmentApiTestBase extends ApiTestBase {

	/** A project's facts for {@link #project}: money in 万元, land in 亩, agreed dates. */
	protected record Facts(String park, String assetModel, Number contractedWan, Number fixedAssetWan, Number landMu,
			Map<String, String> plan, String leader) {

		public static Facts of(String park, Number contractedWan) {
			return new Facts(park, "HEAVY", contractedWan, null, null, Map.of(), null);
		}

		public Facts fixedAsset(Number wan, Number mu) {
			return new Facts(park, assetModel, contractedWan, wan, mu, plan, leader);
		}

		public Facts asset(String model) {
			return new Facts(park, model, contractedWan, fixedAssetWan, landMu, plan, leader);
		}

		public Facts agreed(String stage, LocalDate on) {
			Map<String, String> dates = new LinkedHashMap<>(plan);
			dates.put(stage, on.toString());
			return new Facts(park, assetModel, contractedWan, fixedAssetWan, landMu, dates, leader);
		}

		public Facts leader(String username) {
			return new Facts(park, assetModel, contractedWan, fixedAssetWan, landMu, plan, username);
		}

	}

	/**
	 * Creates the project as "officer" with its first talk on {@code firstTalk}; its id.
	 */
	protected long project(Facts f, LocalDate firstTalk) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Fulfilment project " + UUID.randomUUID().toString().substring(0, 8));
		body.put("investor", "Test investor");
		body.put("industryCode", "EQUIPMENT");
		body.put("parkCode", f.park());
		body.put("assetModel", f.assetModel());
		body.put("totalInvestmentWan", f.contractedWan() == null ? 1000 : f.contractedWan());
		body.put("contractedInvestmentWan", f.contractedWan());
		body.put("fixedAssetInvestmentWan", f.fixedAssetWan());
		body.put("landMu", f.landMu());
		body.put("officer", "officer");
		body.put("leader", f.leader());
		body.put("negotiationStartedOn", firstTalk.toString());
		if (!f.plan().isEmpty()) {
			body.put("plan", f.plan());
		}
		Response r = post("officer", "/api/projects", body);
		if (r.status() != 201) {
			throw new AssertionError("create failed: " + r.status() + " " + r.raw());
		}
		return r.body().get("id").asLong();
	}

	/** A park of the test's own in a district of its own; its code. */
	protected String parkInDistrict(String district) {
		String code = "F-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)")
			.params(code, "Park " + code, district)
			.update();
		return code;
	}

	protected static String uniqueDistrict() {
		return "District " + UUID.randomUUID().toString().substring(0, 8);
	}

}
