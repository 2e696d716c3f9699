package com.investtrack.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.investtrack.common.Role;

/**
 * The engine's read-only view of the product's users (app_user) and groups (the roles).
 * The user base is small (the staff of one bureau), so queries read the matching rows and
 * apply the name filters, ordering and paging in memory. Users have no e-mail addresses
 * and there are no tenants: queries on those match nothing.
 */
class ProductIdentityProvider implements ReadOnlyIdentityProvider {

	static final String GROUP_TYPE = "WORKFLOW";

	private static final Map<Role, String> GROUP_NAMES = Map.of(Role.OFFICER, "Investment officers", Role.MANAGER,
			"Managers", Role.AUDITOR, "Auditors", Role.ADMIN, "Administrators", Role.LEADER, "Leaders in charge");

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	ProductIdentityProvider(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	// users

	@Override
	public User findUserById(String userId) {
		return createUserQuery(Context.getCommandContext()).userId(userId).singleResult();
	}

	@Override
	public UserQuery createUserQuery() {
		return new ProductUserQuery(true);
	}

	@Override
	public UserQuery createUserQuery(CommandContext commandContext) {
		return new ProductUserQuery(false);
	}

	@Override
	public NativeUserQuery createNativeUserQuery() {
		throw new BadUserRequestException(
				"Native user queries are not supported: users live in the application's tables");
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		if (userId == null || password == null) {
			return false;
		}
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE")
			.param(userId)
			.query(String.class)
			.optional()
			.filter(hash -> encoder.matches(password, hash))
			.isPresent();
	}

	List<User> findUsers(ProductUserQuery q) {
		if (q.getEmail() != null || q.getEmailLike() != null || q.getTenantId() != null
				|| q.isPotentialStarterQuery()) {
			return List.of();
		}
		var sql = new StringBuilder("SELECT u.username, u.display_name FROM app_user u WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (q.getId() != null) {
			sql.append(" AND u.username = :id");
			params.put("id", q.getId());
		}
		if (q.getIds() != null) {
			if (q.getIds().length == 0) {
				return List.of();
			}
			sql.append(" AND u.username IN (:ids)");
			params.put("ids", Arrays.asList(q.getIds()));
		}
		if (q.getGroupId() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.username = u.username AND r.role = :role)");
			params.put("role", q.getGroupId());
		}
		sql.append(" ORDER BY u.username");
		Predicate<UserEntity> names = matches(q.getFirstName(), q.getFirstNameLike(), UserEntity::getFirstName)
			.and(matches(q.getLastName(), q.getLastNameLike(), UserEntity::getLastName));
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			UserEntity user = new UserEntity(rs.getString(1));
			user.setFirstName(rs.getString(2));
			user.setLastName("");
			return user;
		}).list().stream().filter(names).map(User.class::cast).toList();
	}

	// groups

	@Override
	public Group findGroupById(String groupId) {
		return createGroupQuery(Context.getCommandContext()).groupId(groupId).singleResult();
	}

	@Override
	public GroupQuery createGroupQuery() {
		return new ProductGroupQuery(true);
	}

	@Override
	public GroupQuery createGroupQuery(CommandContext commandContext) {
		return new ProductGroupQuery(false);
	}

	List<Group> findGroups(ProductGroupQuery q) {
		if (q.getTenantId() != null || q.isPotentialStarterQuery()) {
			return List.of();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (q.getUserId() == null) {
			roles.addAll(EnumSet.allOf(Role.class));
		}
		else {
			jdbc.sql("SELECT role FROM app_user_role WHERE username = ?")
				.param(q.getUserId())
				.query(String.class)
				.list()
				.forEach(role -> roles.add(Role.valueOf(role)));
		}
		Stream<GroupEntity> groups = roles.stream().map(role -> {
			GroupEntity group = new GroupEntity(role.name());
			group.setName(GROUP_NAMES.get(role));
			group.setType(GROUP_TYPE);
			return group;
		});
		Set<String> ids = q.getIds() == null ? null : Set.of(q.getIds());
		return groups.filter(g -> q.getId() == null || q.getId().equals(g.getId()))
			.filter(g -> ids == null || ids.contains(g.getId()))
			.filter(g -> q.getType() == null || q.getType().equals(g.getType()))
			.filter(matches(q.getName(), q.getNameLike(), GroupEntity::getName))
			.sorted(Comparator.comparing(GroupEntity::getId))
			.map(Group.class::cast)
			.toList();
	}

	// tenants: none

	@Override
	public Tenant findTenantById(String tenantId) {
		return null;
	}

	@Override
	public TenantQuery createTenantQuery() {
		return new NoTenants(true);
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext commandContext) {
		return new NoTenants(false);
	}

	/**
	 * Exact value or SQL-style LIKE pattern (% and _) on one property; null criteria
	 * match everything.
	 */
	private static <T> Predicate<T> matches(String exact, String like, Function<T, String> property) {
		Pattern pattern = like == null ? null
				: Pattern.compile(Arrays.stream(like.split("((?<=[%_])|(?=[%_]))")).map(part -> switch (part) {
					case "%" -> ".*";
					case "_" -> ".";
					default -> Pattern.quote(part);
				}).collect(Collectors.joining()), Pattern.DOTALL);
		return item -> {
			String value = property.apply(item);
			return (exact == null || exact.equals(value))
					&& (pattern == null || (value != null && pattern.matcher(value).matches()));
		};
	}

	/**
	 * The requested page: from the engine's Page if it passes one, else from the query's
	 * own listPage() bounds.
	 */
	private static <T> List<T> page(List<T> all, Page page, ListQueryParameterObject query) {
		int first = page != null ? page.getFirstResult() : query.getFirstResult();
		int max = page != null ? page.getMaxResults() : query.getMaxResults();
		int from = Math.min(all.size(), Math.max(0, first));
		int to = (int) Math.min(all.size(), (long) from + Math.max(0, max));
		return new ArrayList<>(all.subList(from, to));
	}

	private static ProductIdentityProvider provider(CommandContext commandContext) {
		return (ProductIdentityProvider) commandContext.getReadOnlyIdentityProvider();
	}

	static final class ProductUserQuery extends UserQueryImpl {

		private static final long serialVersionUID = 1L;

		ProductUserQuery(boolean standalone) {
			super(standalone ? Context.getProcessEngineConfiguration().getCommandExecutorTxRequired() : null);
		}

		/**
		 * Candidate starters of a process: the model names none, so no user or group is
		 * one.
		 */
		boolean isPotentialStarterQuery() {
			return procDefId != null;
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return provider(commandContext).findUsers(this).size();
		}

		@Override
		public List<User> executeList(CommandContext commandContext, Page page) {
			return page(provider(commandContext).findUsers(this), page, this);
		}

	}

	static final class ProductGroupQuery extends GroupQueryImpl {

		private static final long serialVersionUID = 1L;

		ProductGroupQuery(boolean standalone) {
			super(standalone ? Context.getProcessEngineConfiguration().getCommandExecutorTxRequired() : null);
		}

		/**
		 * Candidate starters of a process: the model names none, so no user or group is
		 * one.
		 */
		boolean isPotentialStarterQuery() {
			return procDefId != null;
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return provider(commandContext).findGroups(this).size();
		}

		@Override
		public List<Group> executeList(CommandContext commandContext, Page page) {
			return page(provider(commandContext).findGroups(this), page, this);
		}

	}

	static final class NoTenants extends TenantQueryImpl {

		private static final long serialVersionUID = 1L;

		NoTenants(boolean standalone) {
			super(standalone ? Context.getProcessEngineConfiguration().getCommandExecutorTxRequired() : null);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return 0;
		}

		@Override
		public List<Tenant> executeList(CommandContext commandContext, Page page) {
			return List.of();
		}

	}

}
