package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * The audit chain verifies after ordinary steps on every database. On MySQL the profile's
 * URL sends no fractional seconds, so an entry hashed with milliseconds was stored
 * without them and the chain never verified there.
 */
class AuditChainApiTest extends ApiTestBase {

	@Test
	void chainVerifiesAfterSteps() {
		long before = get("auditor", "/api/audit/verify").body().get("entries").asLong();
		long id = createProject("officer", today().minusDays(20));
		assertThat(advance("officer", id, "SIGNING", today().minusDays(10)).status()).isEqualTo(202);
		assertThat(decide("manager", id, "APPROVE", "fine").status()).isEqualTo(200);
		assertThat(advance("officer", id, "SITE_SELECTION", today()).status()).isEqualTo(200);

		JsonNode verification = get("auditor", "/api/audit/verify").body();

		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		// created, negotiation recorded, signing requested, approved and recorded, site
		// selection recorded
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ?", id)).isEqualTo(6);
		assertThat(verification.get("entries").asLong() - before).as("entries verified since the first check")
			.isEqualTo(6);
	}

}
