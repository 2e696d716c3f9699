package com.investtrack.api;

import java.io.IOException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.investtrack.common.Stage;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.EvidenceRule;
import com.investtrack.supervision.EvidenceRules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@Tag(name = "Supervision", description = "Progress log, supervision notices, evidence files")
@RequestMapping("/api/evidence-rules")
class EvidenceRuleApiController {

	/** {@code required}: true or false. */
	record EvidenceRuleRequest(@NotNull @JsonDeserialize(using = StrictBoolean.class) Boolean required) {
	}

	/**
	 * A JSON true or false and nothing else: Jackson would read "true" or 1 as one, and a
	 * client sending those has a bug worth hearing about.
	 */
	static final class StrictBoolean extends JsonDeserializer<Boolean> {

		@Override
		public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.currentToken() != null && parser.currentToken().isBoolean()) {
				return parser.getBooleanValue();
			}
			return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
		}

	}

	private final EvidenceRules rules;

	EvidenceRuleApiController(EvidenceRules rules) {
		this.rules = rules;
	}

	@Operation(summary = "Which stages need an evidence file before a project steps into them (for signing and "
			+ "production: before their approval is requested)")
	@GetMapping
	List<EvidenceRule> all(CurrentUser user) {
		return rules.all(user);
	}

	@Operation(summary = "Require, or stop requiring, an evidence file of a stage before a project steps into it "
			+ "(administrators)")
	@PutMapping("/{stage}")
	EvidenceRule update(@PathVariable Stage stage, @Valid @RequestBody EvidenceRuleRequest r, CurrentUser user) {
		return rules.set(stage, r.required(), user);
	}

}
