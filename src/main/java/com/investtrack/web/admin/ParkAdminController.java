package com.investtrack.web.admin;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.common.ConflictException;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Role;
import com.investtrack.fulfilment.FulfilmentService;
import com.investtrack.fulfilment.ParkMinimum;
import com.investtrack.project.Park;
import com.investtrack.project.ParkService;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.web.DomainMessages;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The park page: administrators add parks and rename them (the page over
 * {@code /api/admin/parks}); auditors read the list. {@link ParkService} checks the role
 * again and audits every change. A refused change re-renders the page with the reason and
 * a 4xx status, the typed values kept.
 */
@Controller
@RequestMapping("/admin/parks")
class ParkAdminController {

	static final String VIEW = "admin/parks";

	/** What the new-park form held, shown again when it was refused. */
	record NewPark(String code, String name, String district) {
	}

	private final ParkService parks;

	private final ReferenceData reference;

	private final DomainMessages messages;

	private final AccessPolicy access;

	private final FulfilmentService fulfilment;

	ParkAdminController(ParkService parks, ReferenceData reference, DomainMessages messages, AccessPolicy access,
			FulfilmentService fulfilment) {
		this.fulfilment = fulfilment;
		this.access = access;
		this.parks = parks;
		this.reference = reference;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model, CurrentUser user) {
		return render(model, new NewPark("", "", ""), null, null, Map.of(), user);
	}

	@PostMapping
	String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String district, Model model, HttpServletResponse response,
			RedirectAttributes flash, CurrentUser user) {
		NewPark typed = new NewPark(code, name, district);
		return change(model, typed, null, response, flash, user, () -> {
			Park park = parks.create(new Park(code, name, district), user);
			return messages.text("admin.done.parkCreated", park.code());
		});
	}

	@PostMapping("/{code}")
	String rename(@PathVariable String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String district, Model model, HttpServletResponse response,
			RedirectAttributes flash, CurrentUser user) {
		return change(model, new NewPark("", "", ""), code, response, flash, user, () -> {
			parks.change(code, name, district, user);
			return messages.text("admin.done.parkChanged", code);
		});
	}

	/**
	 * The park's minimums for investment intensity and tax per 亩 (empty: none); the page
	 * over {@code PUT /api/admin/parks/{code}/minimums}.
	 */
	@PostMapping("/{code}/minimums")
	String minimums(@PathVariable String code, @RequestParam(required = false) String minIntensityWanPerMu,
			@RequestParam(required = false) String minTaxPerMuWan, Model model, HttpServletResponse response,
			RedirectAttributes flash, CurrentUser user) {
		return change(model, new NewPark("", "", ""), code, response, flash, user, () -> {
			fulfilment.setMinimums(new ParkMinimum(code, number("minIntensityWanPerMu", minIntensityWanPerMu),
					number("minTaxPerMuWan", minTaxPerMuWan)), user);
			return messages.text("admin.done.parkMinimums", code);
		});
	}

	private static BigDecimal number(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "must be a number");
		}
	}

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/**
	 * Applies a change and redirects back with its outcome, or re-renders the page with
	 * the reason it was refused.
	 */
	private String change(Model model, NewPark typed, String row, HttpServletResponse response,
			RedirectAttributes flash, CurrentUser user, Supplier<String> change) {
		try {
			flash.addFlashAttribute("message", change.get());
			return "redirect:/admin/parks";
		}
		catch (InvalidInputException ex) {
			Map<String, String> fields = ex.fields()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> messages.translate(e.getValue())));
			String reasons = fields.entrySet()
				.stream()
				.map(e -> (row == null ? "" : row + " · ") + messages.textOr("admin.field." + e.getKey(), e.getKey())
						+ ": " + e.getValue())
				.collect(Collectors.joining("; "));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return render(model, typed, row, reasons, row == null ? fields : Map.of(), user);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, typed, row, messages.translate(ex.getMessage()), Map.of(), user);
		}
	}

	private String render(Model model, NewPark form, String row, String error, Map<String, String> fieldErrors,
			CurrentUser user) {
		access.checkCanReadAdministration(user);
		model.addAttribute("parks", reference.parks());
		model.addAttribute("minimums",
				fulfilment.minimums().stream().collect(Collectors.toMap(ParkMinimum::parkCode, m -> m)));
		model.addAttribute("canEdit", user.has(Role.ADMIN));
		model.addAttribute("form", form);
		model.addAttribute("errorRow", row);
		model.addAttribute("error", error);
		model.addAttribute("fieldErrors", fieldErrors);
		return VIEW;
	}

}
