package com.investtrack.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.common.ConflictException;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.fulfilment.FulfilmentService;
import com.investtrack.security.CurrentUser;

/**
 * The project page's fulfilment forms (the pages over {@code POST
 * /api/projects/{id}/funds}, {@code /tax} and {@code PUT /capacity}): the service checks
 * who may record and what, and a refusal comes back as the message at the top of the
 * page, in its language.
 */
@Controller
class FulfilmentController {

	private final FulfilmentService fulfilment;

	private final DomainMessages messages;

	FulfilmentController(FulfilmentService fulfilment, DomainMessages messages) {
		this.fulfilment = fulfilment;
		this.messages = messages;
	}

	@PostMapping("/projects/{id}/funds")
	String funds(@PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String amountWan, RedirectAttributes flash, CurrentUser user) {
		return record(id, flash, () -> fulfilment.recordFunds(id, parse("month", month, YearMonth::parse),
				parse("amountWan", amountWan, BigDecimal::new), user));
	}

	@PostMapping("/projects/{id}/tax")
	String tax(@PathVariable long id, @RequestParam(required = false) String year,
			@RequestParam(required = false) String amountWan, RedirectAttributes flash, CurrentUser user) {
		return record(id, flash, () -> fulfilment.recordTax(id, parse("year", year, Integer::valueOf),
				parse("amountWan", amountWan, BigDecimal::new), user));
	}

	@PostMapping("/projects/{id}/capacity")
	String capacity(@PathVariable long id, @RequestParam(required = false) String on, RedirectAttributes flash,
			CurrentUser user) {
		return record(id, flash, () -> fulfilment.recordCapacity(id, parse("on", on, LocalDate::parse), user));
	}

	private String record(long id, RedirectAttributes flash, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute(FormActions.NOTICE, "fulfilment.recorded");
		}
		catch (InvalidInputException ex) {
			flash.addFlashAttribute(FormActions.PROBLEM, ex.fields()
				.entrySet()
				.stream()
				.map(e -> messages.text("fulfilment.field." + e.getKey()) + ": " + messages.translate(e.getValue()))
				.collect(Collectors.joining("; ")));
		}
		catch (ForbiddenException | ConflictException ex) {
			flash.addFlashAttribute(FormActions.PROBLEM, messages.translate(ex.getMessage()));
		}
		return "redirect:/projects/" + id + "#fulfilment";
	}

	/** A typed value, or a refusal naming its field. */
	private static <T> T parse(String field, String text, Function<String, T> parser) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		try {
			return parser.apply(text.strip());
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new InvalidInputException(field, "is not valid");
		}
	}

}
