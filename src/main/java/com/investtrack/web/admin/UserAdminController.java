package com.investtrack.web.admin;

import java.io.IOException;
import java.util.EnumSet;
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
import com.investtrack.security.CurrentUsers;
import com.investtrack.security.SecurityAudit;
import com.investtrack.security.UserAdminService;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The user administration page: administrators create users, set roles, disable and re-enable accounts and reset
 * passwords; auditors see the same list without the forms. Every change goes through {@link UserAdminService}, which
 * checks the role again and audits it. A refused change re-renders the page with the reason and a 4xx status.
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

	private final SecurityAudit securityAudit;

	UserAdminController(UserAdminService admin, SecurityAudit securityAudit) {
		this.admin = admin;
		this.securityAudit = securityAudit;
	}

	@GetMapping
	String list(Model model) {
		return render(model, CreateForm.empty(), null);
	}

	@PostMapping
	String create(@ModelAttribute("form") CreateForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		if (binding.hasErrors()) {
			return refused(model, form, response, HttpStatus.BAD_REQUEST, "Some fields have a value that is not allowed");
		}
		return change(model, form, response, flash, () -> {
			admin.create(new UserAdminService.NewUser(form.username(), form.displayName(),
					form.roles() == null ? Set.of() : form.roles(), form.password()), CurrentUsers.current());
			return "User " + form.username().strip() + " created";
		});
	}

	@PostMapping("/{username}/roles")
	String roles(@PathVariable String username, @RequestParam(name = "roles", required = false) Set<Role> roles,
			Model model, HttpServletResponse response, RedirectAttributes flash) {
		return change(model, CreateForm.empty(), response, flash, () -> {
			var account = admin.setRoles(username, roles == null ? Set.of() : roles, CurrentUsers.current());
			return "Roles of " + username + ": "
					+ account.roles().stream().map(Enum::name).collect(Collectors.joining(", "));
		});
	}

	@PostMapping("/{username}/disable")
	String disable(@PathVariable String username, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		return change(model, CreateForm.empty(), response, flash, () -> {
			admin.disable(username, CurrentUsers.current());
			return "Account " + username + " disabled; its sessions have ended";
		});
	}

	@PostMapping("/{username}/enable")
	String enable(@PathVariable String username, Model model, HttpServletResponse response, RedirectAttributes flash) {
		return change(model, CreateForm.empty(), response, flash, () -> {
			admin.enable(username, CurrentUsers.current());
			return "Account " + username + " enabled";
		});
	}

	@PostMapping("/{username}/password")
	String password(@PathVariable String username, @RequestParam(name = "password", required = false) String password,
			Model model, HttpServletResponse response, RedirectAttributes flash) {
		return change(model, CreateForm.empty(), response, flash, () -> {
			admin.resetPassword(username, password, CurrentUsers.current());
			return "Password of " + username + " reset; its sessions have ended";
		});
	}

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(ForbiddenException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		securityAudit.accessDenied(request, ex.getMessage());
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/** Applies a change and redirects back with its outcome, or re-renders the page with the reason it was refused. */
	private String change(Model model, CreateForm form, HttpServletResponse response, RedirectAttributes flash,
			Supplier<String> change) {
		try {
			flash.addFlashAttribute("message", change.get());
			return REDIRECT;
		}
		catch (InvalidInputException ex) {
			String reasons = ex.fields()
				.entrySet()
				.stream()
				.map(e -> e.getKey() + " " + e.getValue())
				.collect(Collectors.joining("; "));
			return refused(model, form, response, HttpStatus.BAD_REQUEST, reasons);
		}
		catch (ConflictException ex) {
			return refused(model, form, response, HttpStatus.CONFLICT, ex.getMessage());
		}
	}

	private String refused(Model model, CreateForm form, HttpServletResponse response, HttpStatus status,
			String reason) {
		response.setStatus(status.value());
		return render(model, new CreateForm(form.username(), form.displayName(), "", form.roles()), reason);
	}

	private String render(Model model, CreateForm form, String error) {
		CurrentUser user = CurrentUsers.current();
		model.addAttribute("users", admin.list(user));
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("canEdit", user.has(Role.ADMIN));
		model.addAttribute("me", user.username());
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return VIEW;
	}

}
