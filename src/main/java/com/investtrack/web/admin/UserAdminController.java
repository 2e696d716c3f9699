package com.investtrack.web.admin;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import com.investtrack.security.CurrentUser;
import com.investtrack.security.UserAdminService;
import com.investtrack.web.DomainMessages;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The user administration page: administrators create users, set roles, disable and
 * re-enable accounts and reset passwords; auditors see the same list without the forms.
 * Every change goes through {@link UserAdminService}, which checks the role again and
 * audits it. A refused change re-renders the page with the reason and a 4xx status.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	static final String VIEW = "admin/users";

	static final String REDIRECT = "redirect:/admin/users";

	/** The create form; a record, so that nothing but these four fields can be bound. */
	record CreateForm(String username, String displayName, String password, Set<Role> roles) {

		static CreateForm empty() {
			return new CreateForm("", "", "", EnumSet.noneOf(Role.class));
		}

	}

	private final UserAdminService admin;

	private final DomainMessages messages;

	UserAdminController(UserAdminService admin, DomainMessages messages) {
		this.admin = admin;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model, CurrentUser user) {
		return render(model, CreateForm.empty(), null, Map.of(), user);
	}

	@PostMapping
	String create(@ModelAttribute("form") CreateForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes flash, CurrentUser user) {
		if (binding.hasErrors()) {
			return refused(model, form, response, HttpStatus.BAD_REQUEST, messages.text("admin.badFields"), Map.of(),
					user);
		}
		return change(model, form, response, flash, user, () -> {
			admin.create(new UserAdminService.NewUser(form.username(), form.displayName(),
					form.roles() == null ? Set.of() : form.roles(), form.password()), user);
			return messages.text("admin.done.created", form.username().strip());
		});
	}

	@PostMapping("/{username}/roles")
	String roles(@PathVariable String username, @RequestParam(name = "roles", required = false) Set<Role> roles,
			Model model, HttpServletResponse response, RedirectAttributes flash, CurrentUser user) {
		return change(model, CreateForm.empty(), response, flash, user, () -> {
			admin.setRoles(username, roles == null ? Set.of() : roles, user);
			return messages.text("admin.done.roles", username);
		});
	}

	@PostMapping("/{username}/disable")
	String disable(@PathVariable String username, Model model, HttpServletResponse response, RedirectAttributes flash,
			CurrentUser user) {
		return change(model, CreateForm.empty(), response, flash, user, () -> {
			admin.disable(username, user);
			return messages.text("admin.done.disabled", username);
		});
	}

	@PostMapping("/{username}/enable")
	String enable(@PathVariable String username, Model model, HttpServletResponse response, RedirectAttributes flash,
			CurrentUser user) {
		return change(model, CreateForm.empty(), response, flash, user, () -> {
			admin.enable(username, user);
			return messages.text("admin.done.enabled", username);
		});
	}

	@PostMapping("/{username}/password")
	String password(@PathVariable String username, @RequestParam(name = "password", required = false) String password,
			Model model, HttpServletResponse response, RedirectAttributes flash, CurrentUser user) {
		return change(model, CreateForm.empty(), response, flash, user, () -> {
			admin.resetPassword(username, password, user);
			return messages.text("admin.done.password", username);
		});
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
	private String change(Model model, CreateForm form, HttpServletResponse response, RedirectAttributes flash,
			CurrentUser user, Supplier<String> change) {
		try {
			flash.addFlashAttribute("message", change.get());
			return REDIRECT;
		}
		catch (InvalidInputException ex) {
			// next to the field on the create form; above the list for the row forms (one
			// field each)
			Map<String, String> fields = ex.fields()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> messages.translate(e.getValue())));
			String reasons = fields.entrySet()
				.stream()
				.map(e -> messages.textOr("admin.field." + e.getKey(), e.getKey()) + ": " + e.getValue())
				.collect(Collectors.joining("; "));
			return refused(model, form, response, HttpStatus.BAD_REQUEST, reasons, fields, user);
		}
		catch (ConflictException ex) {
			return refused(model, form, response, HttpStatus.CONFLICT, messages.translate(ex.getMessage()), Map.of(),
					user);
		}
	}

	private String refused(Model model, CreateForm form, HttpServletResponse response, HttpStatus status, String reason,
			Map<String, String> fieldErrors, CurrentUser user) {
		response.setStatus(status.value());
		return render(model, new CreateForm(form.username(), form.displayName(), "", form.roles()), reason, fieldErrors,
				user);
	}

	private String render(Model model, CreateForm form, String error, Map<String, String> fieldErrors,
			CurrentUser user) {
		model.addAttribute("users", admin.list(user));
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("canEdit", user.has(Role.ADMIN));
		model.addAttribute("me", user.username());
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("fieldErrors", fieldErrors);
		return VIEW;
	}

}
