package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * The audit chain verifies after ordinary steps on every database. On MySQL the profile's URL sends no fractional
 * seconds, so an entry hashed with milliseconds was stored without them and the chain never verified there.
 */
class AuditChainApiTest extends ApiTestBase {

	@Test
	void chainVerifiesAfterSteps() {
		long id = createProject("officer", today().minusDays(20));
		assertThat(advance("officer", id, "SIGNING", today().minusDays(10)).status()).isEqualTo(202);
		assertThat(decide("manager", id, "APPROVE", "fine").status()).isEqualTo(200);
		assertThat(advance("officer", id, "SITE_SELECTION", today()).status()).isEqualTo(200);

		JsonNode verification = get("auditor", "/api/audit/verify").body();

		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(6);
	}

}
