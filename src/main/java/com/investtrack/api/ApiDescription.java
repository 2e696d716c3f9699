package com.investtrack.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.investtrack.security.CurrentUser;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The JSON API's description (springdoc: {@code /v3/api-docs}, {@code /swagger-ui.html},
 * for signed-in users only). Every operation gets the error answers it can give, each an
 * {@link ApiError}, and every POST its Idempotency-Key header, from one place rather than
 * repeated on each endpoint: the rules behind them are the same everywhere
 * ({@link ApiExceptionHandler}, {@link IdempotentWrites}).
 */
@Configuration
class ApiDescription {

	private static final String ERROR_SCHEMA = "ApiError";

	static {
		// the caller is a handler argument resolved from the session or Basic
		// credentials, never a request parameter
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	@Bean
	OpenAPI apiInfo() {
		return new OpenAPI().info(new Info().title("Investment project tracker API")
			.version("1")
			.description("Projects from the first talk to production: their record, plan, steps, approvals, "
					+ "reports and audit trail. Dates are ISO yyyy-MM-dd, money in 万元, land in 亩. Every call "
					+ "needs a signed-in user: HTTP Basic for scripts, or the browser's session with its CSRF token."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	@Bean
	OpenApiCustomizer errorAnswers() {
		return api -> {
			Map<String, Schema> error = ModelConverters.getInstance().read(ApiError.class);
			error.forEach(api.getComponents()::addSchemas);
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				errors(path, method != PathItem.HttpMethod.GET)
					.forEach((status, meaning) -> operation.getResponses().putIfAbsent(status, errorAnswer(meaning)));
				if (method == PathItem.HttpMethod.POST) {
					idempotencyKey(operation);
				}
			}));
		};
	}

	private static ApiResponse errorAnswer(String meaning) {
		Schema<?> body = new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA);
		return new ApiResponse().description(meaning)
			.content(new Content().addMediaType("application/json", new MediaType().schema(body)));
	}

	/** The error answers an operation on {@code path} can give, by status. */
	private static Map<String, String> errors(String path, boolean write) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("400", "Bad input: fields names each wrong field with the reason; nothing was changed");
		errors.put("401", "Not signed in");
		errors.put("403",
				"The caller's role, ownership or the four-eyes rule does not allow it (the refusal is audited)");
		if (path.contains("{")) {
			errors.put("404", "No such resource");
		}
		if (write) {
			errors.put("409",
					"Conflicts with the resource's current state (e.g. the stage moved on); nothing was changed");
			errors.put("413", "The request body is too large");
			errors.put("422", "The Idempotency-Key was already used for a different request");
		}
		errors.put("429", "Too many failed logins: retry after the Retry-After header");
		errors.put("503", "The database is unavailable or the step kept losing to concurrent ones: retry after "
				+ "Retry-After (with the same Idempotency-Key)");
		return errors;
	}

	private static void idempotencyKey(Operation operation) {
		operation.addParametersItem(new HeaderParameter().name(IdempotentWrites.KEY_HEADER)
			.required(false)
			.description("Makes the POST safe to send again: a retry with the same key gets the first answer and "
					+ "changes nothing more (kept 24 hours, per user)")
			.schema(new StringSchema().maxLength(100)));
	}

}
