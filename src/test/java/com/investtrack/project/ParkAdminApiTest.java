package com.investtrack.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.investtrack.support.ApiTestBase;

/**
 * Administrators add and rename parks; each change is audited; codes are checked and
 * never reused.
 */
class ParkAdminApiTest extends ApiTestBase {

	@Test
	void anAdministratorAddsAndRenamesAPark() {
		String code = "PK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Response created = post("admin", "/api/admin/parks",
				Map.of("code", code, "name", "Jingmen Hydrogen Park", "district", "Duodao"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(get("officer", "/api/parks").raw()).contains(code).contains("Jingmen Hydrogen Park");
		assertThat(
				post("admin", "/api/admin/parks", Map.of("code", code, "name", "Again", "district", "Duodao")).status())
			.isEqualTo(409);

		Response renamed = put("admin", "/api/admin/parks/" + code,
				Map.of("name", "Jingmen Hydrogen Energy Park", "district", "Dongbao"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().get("name").asText()).isEqualTo("Jingmen Hydrogen Energy Park");

		var audit = jdbc
			.sql("SELECT action, details FROM audit_entry WHERE actor = 'admin' AND details LIKE ? ORDER BY seq")
			.param("park: " + code + ";%")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
		assertThat(audit).containsExactly(
				"PARK_CREATED park: " + code + "; name: Jingmen Hydrogen Park; district: Duodao",
				"PARK_CHANGED park: " + code
						+ "; name: Jingmen Hydrogen Park -> Jingmen Hydrogen Energy Park; district: Duodao -> Dongbao");
		assertThat(put("admin", "/api/admin/parks/NO-SUCH-PARK", Map.of("name", "x", "district", "y")).status())
			.isEqualTo(404);
	}

}
