package com.investtrack.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.ConflictException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Role;

/**
 * User administration: accounts, roles, disabling and password resets, for administrators
 * only (auditors may read the list). Every change is audited in its own transaction and
 * ends the user's open sessions. An administrator cannot lock themselves out: they may
 * neither disable their own account nor drop their own ADMIN role.
 */
@Service
public class UserAdminService {

	/**
	 * Lower-case, so that a case-insensitive database collation cannot make two names
	 * one.
	 */
	static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9_-]{1,31}$");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	/** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
	private static final int MAX_PASSWORD_BYTES = 72;

	public record NewUser(String username, String displayName, Set<Role> roles, String password) {
	}

	private final UserRepository users;

	private final PasswordEncoder encoder;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	private final int minPasswordLength;

	UserAdminService(UserRepository users, PasswordEncoder encoder, AccessPolicy access, AuditTrail audit, Clock clock,
			@Value("${app.security.password.min-length:12}") int minPasswordLength) {
		this.users = users;
		this.encoder = encoder;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.minPasswordLength = minPasswordLength;
	}

	@Transactional(readOnly = true)
	public List<UserAccount> list(CurrentUser actor) {
		checkCanRead(actor);
		return users.all();
	}

	@Transactional(readOnly = true)
	public UserAccount get(String username, CurrentUser actor) {
		checkCanRead(actor);
		return users.find(username).orElseThrow(() -> new NotFoundException("No user " + username));
	}

	@Transactional
	public UserAccount create(NewUser u, CurrentUser actor) {
		access.checkAdmin(actor);
		return createChecked(u, actor.username());
	}

	/**
	 * Creates the first administrator of an empty installation (see {@link FirstAdmin});
	 * answers false, changing nothing, once any user exists.
	 */
	@Transactional
	boolean createFirstAdmin(String username, String password) {
		if (users.count() > 0) {
			return false;
		}
		createChecked(new NewUser(username, "Administrator", EnumSet.of(Role.ADMIN), password), CurrentUser.SYSTEM);
		return true;
	}

	@Transactional
	public UserAccount setRoles(String username, Set<Role> roles, CurrentUser actor) {
		access.checkAdmin(actor);
		UserAccount before = lock(username);
		Set<Role> after = checkRoles(roles);
		if (actor.username().equals(username) && !after.contains(Role.ADMIN)) {
			throw new ConflictException("You cannot remove your own ADMIN role; ask another administrator");
		}
		if (after.equals(before.roles())) {
			return before;
		}
		users.setRoles(username, after);
		audit.append(AuditEvent.of(actor.username(), AuditAction.USER_ROLES_CHANGED, null)
			.details("user: " + username + "; roles: " + names(before.roles()) + " -> " + names(after)));
		return users.find(username).orElseThrow();
	}

	@Transactional
	public UserAccount disable(String username, CurrentUser actor) {
		access.checkAdmin(actor);
		if (actor.username().equals(username)) {
			throw new ConflictException("You cannot disable your own account");
		}
		return setEnabled(lock(username), false, actor);
	}

	@Transactional
	public UserAccount enable(String username, CurrentUser actor) {
		access.checkAdmin(actor);
		return setEnabled(lock(username), true, actor);
	}

	@Transactional
	public void resetPassword(String username, String password, CurrentUser actor) {
		access.checkAdmin(actor);
		lock(username);
		checkPassword(username, password);
		users.setPasswordHash(username, encoder.encode(password));
		audit.append(AuditEvent.of(actor.username(), AuditAction.PASSWORD_RESET, null).details("user: " + username));
	}

	private UserAccount createChecked(NewUser u, String actor) {
		String username = u.username() == null ? "" : u.username().strip();
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidInputException("username",
					"must be 2 to 32 characters: lower-case letters, digits, '-' or '_', starting with a letter");
		}
		String displayName = u.displayName() == null ? "" : u.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > 200 || CONTROL.matcher(displayName).find()) {
			throw new InvalidInputException("displayName",
					"is required, at most 200 characters, no control characters");
		}
		Set<Role> roles = checkRoles(u.roles());
		checkPassword(username, u.password());
		if (users.exists(username)) {
			throw new ConflictException("A user named " + username + " already exists");
		}
		users.insert(username, displayName, encoder.encode(u.password()), roles, Instant.now(clock));
		audit.append(AuditEvent.of(actor, AuditAction.USER_CREATED, null)
			.details("user: " + username + "; name: " + displayName + "; roles: " + names(roles)));
		return users.find(username).orElseThrow();
	}

	private UserAccount setEnabled(UserAccount account, boolean enabled, CurrentUser actor) {
		if (account.enabled() == enabled) {
			return account;
		}
		users.setEnabled(account.username(), enabled);
		audit.append(
				AuditEvent.of(actor.username(), enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, null)
					.details("user: " + account.username()));
		return users.find(account.username()).orElseThrow();
	}

	private UserAccount lock(String username) {
		return users.lock(username).orElseThrow(() -> new NotFoundException("No user " + username));
	}

	private static Set<Role> checkRoles(Set<Role> roles) {
		if (roles == null || roles.isEmpty() || roles.contains(null)) {
			throw new InvalidInputException("roles", "must name at least one of " + names(EnumSet.allOf(Role.class)));
		}
		return EnumSet.copyOf(roles);
	}

	private void checkPassword(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < minPasswordLength) {
			throw new InvalidInputException("password", "must be at least " + minPasswordLength + " characters long");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new InvalidInputException("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes long");
		}
		if (password.isBlank() || password.strip().equalsIgnoreCase(username)) {
			throw new InvalidInputException("password", "must not be blank or the username");
		}
	}

	private void checkCanRead(CurrentUser actor) {
		access.checkCanReadAdministration(actor);
	}

	private static String names(Set<Role> roles) {
		return roles.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).toString();
	}

}
