package com.investtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * The published API description: signed-in users only, and every endpoint of the JSON API
 * in it with a summary and every error answer it can give. A new endpoint without a
 * description fails here.
 */
class ApiDescriptionApiTest extends ApiTestBase {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void onlySignedInUsersReadTheDescription() {
		assertError(get(null, "/v3/api-docs"), 401, "unauthorized");
		Response r = get("leader", "/v3/api-docs");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("info").get("title").asText()).isEqualTo("Investment project tracker API");
		assertThat(get("auditor", "/swagger-ui.html").status()).as("the Swagger UI page").isIn(200, 302);
		// static files are mapped to their own folders only (WebConfig): springdoc's own
		// mapping must still serve the UI and its scripts
		Response page = get("auditor", "/swagger-ui/index.html");
		assertThat(page.status()).as("the Swagger UI itself").isEqualTo(200);
		assertThat(page.raw()).contains("swagger-ui");
		assertThat(get("auditor", "/swagger-ui/swagger-ui-bundle.js").status()).as("its script").isEqualTo(200);
	}

	@Test
	void everyEndpointIsDescribedWithItsErrorAnswers() {
		JsonNode paths = get("officer", "/v3/api-docs").body().get("paths");
		List<String> undescribed = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("com.investtrack")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				info.getMethodsCondition().getMethods().forEach(m -> {
					JsonNode operation = paths.path(pattern).path(m.name().toLowerCase(Locale.ROOT));
					String key = m + " " + pattern;
					if (operation.isMissingNode() || operation.path("summary").asText().isBlank()) {
						undescribed.add(key);
						return;
					}
					JsonNode responses = operation.get("responses");
					List<String> errors = new ArrayList<>(List.of("400", "401", "403", "503"));
					if (pattern.contains("{")) {
						errors.add("404");
					}
					if (!m.name().equals("GET")) {
						errors.add("409");
					}
					for (String status : errors) {
						assertThat(responses.path(status)
							.path("content")
							.path("application/json")
							.path("schema")
							.path("$ref")
							.asText()).as("%s documents %s", key, status).isEqualTo("#/components/schemas/ApiError");
					}
					assertThat(responses.fieldNames()).toIterable()
						.as("%s documents a success answer", key)
						.anyMatch(s -> s.startsWith("2"));
					if (m.name().equals("POST")) {
						assertThat(operation.path("parameters").findValuesAsText("name")).as(key)
							.contains("Idempotency-Key");
					}
					// the caller is a handler argument taken from the credentials, never
					// something a client sends
					assertThat(operation.path("parameters").findValuesAsText("name")).as(key)
						.doesNotContain("user", "caller");
				});
			}
		});
		assertThat(undescribed).as("endpoints without a description (add @Operation(summary = ...))").isEmpty();
	}

}
