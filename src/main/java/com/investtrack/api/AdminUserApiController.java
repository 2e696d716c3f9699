package com.investtrack.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.common.Role;
import com.investtrack.security.CurrentUser;
import com.investtrack.security.UserAccount;
import com.investtrack.security.UserAdminService;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** User accounts: administrators change them, auditors may read them. */
@RestController
@Tag(name = "Users", description = "User accounts and roles (administration)")
@RequestMapping("/api/admin/users")
@Validated
class AdminUserApiController {

	static final String USERNAME = "^[a-z][a-z0-9_-]{1,31}$";

	record CreateUser(@NotBlank @Size(max = 32) String username, @NotBlank @Size(max = 200) String displayName,
			@NotEmpty @Size(max = 4) Set<Role> roles, @NotBlank @Size(max = 200) String password) {
	}

	record Roles(@NotEmpty @Size(max = 4) Set<Role> roles) {
	}

	record Password(@NotBlank @Size(max = 200) String password) {
	}

	private final UserAdminService admin;

	AdminUserApiController(UserAdminService admin) {
		this.admin = admin;
	}

	@Operation(summary = "List user accounts with their roles (administrators, auditors)")
	@GetMapping
	List<UserAccount> list(CurrentUser user) {
		return admin.list(user);
	}

	@Operation(summary = "One user account (administrators, auditors)")
	@GetMapping("/{username}")
	UserAccount get(@PathVariable @Pattern(regexp = USERNAME) String username, CurrentUser user) {
		return admin.get(username, user);
	}

	@Operation(summary = "Create a user account with roles and a first password (administrators)")
	@PostMapping
	ResponseEntity<UserAccount> create(@Valid @RequestBody CreateUser r, CurrentUser user) {
		UserAccount created = admin
			.create(new UserAdminService.NewUser(r.username(), r.displayName(), r.roles(), r.password()), user);
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
	}

	@Operation(summary = "Replace a user's roles (administrators)")
	@PutMapping("/{username}/roles")
	UserAccount roles(@PathVariable @Pattern(regexp = USERNAME) String username, @Valid @RequestBody Roles r,
			CurrentUser user) {
		return admin.setRoles(username, r.roles(), user);
	}

	@Operation(summary = "Disable an account and end its sessions (administrators)")
	@PostMapping("/{username}/disable")
	UserAccount disable(@PathVariable @Pattern(regexp = USERNAME) String username, CurrentUser user) {
		return admin.disable(username, user);
	}

	@Operation(summary = "Enable an account again (administrators)")
	@PostMapping("/{username}/enable")
	UserAccount enable(@PathVariable @Pattern(regexp = USERNAME) String username, CurrentUser user) {
		return admin.enable(username, user);
	}

	@Operation(summary = "Reset a user's password (administrators)")
	@PutMapping("/{username}/password")
	ResponseEntity<Void> password(@PathVariable @Pattern(regexp = USERNAME) String username,
			@Valid @RequestBody Password r, CurrentUser user) {
		admin.resetPassword(username, r.password(), user);
		return ResponseEntity.noContent().build();
	}

}
