package com.investtrack.ledger;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.ConflictException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.ledger.LedgerParser.ParsedLedger;
import com.investtrack.ledger.LedgerRow.RowError;
import com.investtrack.ledger.Vocabulary.Status;
import com.investtrack.lifecycle.LedgerTakeover;
import com.investtrack.lifecycle.LedgerTakeover.LedgerEntry;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.milestone.MilestoneDates;
import com.investtrack.plan.PlanService;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Identifiers;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectFilter;
import com.investtrack.project.ProjectService;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.security.UserAccount;
import com.investtrack.security.Accounts;

/**
 * The two steps of an import. The preview reads the file, matches each row to a project
 * (by ledger number, else by normalised name and investor) and says what confirming would
 * do, writing nothing but the preview itself. The confirmation reads the same file again,
 * refuses when any row's action changed since (409: the projects moved on), and applies
 * every row without errors in one transaction: a failure half-way leaves nothing.
 */
@Service
public class LedgerImports {

	/** What confirming would do with a row. */
	public enum Action {

		NEW, UPDATE, UNCHANGED, ERROR

	}

	/** The preview as the API answers it; rows name the sheet's row numbers. */
	public record Preview(String id, Map<String, String> columns, Map<Action, Integer> counts, List<PreviewRow> rows) {
	}

	/** One row: approximate lists the columns whose date gave only a month. */
	public record PreviewRow(int row, Action action, String code, String name, List<PreviewError> errors,
			List<String> approximate) {
	}

	public record PreviewError(String column, String message) {
	}

	public record Confirmation(int created, int updated, int unchanged, int skipped) {
	}

	/**
	 * A preview may be confirmed within this time: after it the projects have likely
	 * moved on.
	 */
	static final Duration VALIDITY = Duration.ofHours(1);

	private static final int PAGE = 500;

	/** The longest name or investor the record holds. */
	private static final int MAX_TEXT = 200;

	/**
	 * What one row would do: the project it matched (and where that stood), and the entry
	 * to apply.
	 */
	private record Planned(LedgerRow row, Action action, ProjectView project, LedgerEntry entry) {
	}

	private final ImportRepository imports;

	private final ProjectViews views;

	private final ProjectService projectService;

	private final LedgerTakeover takeover;

	private final ReferenceData reference;

	private final Accounts users;

	private final MilestoneDates dates;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	LedgerImports(ImportRepository imports, ProjectViews views, ProjectService projectService, LedgerTakeover takeover,
			ReferenceData reference, Accounts users, MilestoneDates dates, AccessPolicy access, AuditTrail audit,
			MessageSource messages, Clock clock) {
		this.imports = imports;
		this.views = views;
		this.projectService = projectService;
		this.takeover = takeover;
		this.reference = reference;
		this.users = users;
		this.dates = dates;
		this.access = access;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional
	public Preview preview(String fileName, byte[] content, CurrentUser user) {
		access.checkCanImport(user);
		ParsedLedger ledger = LedgerParser.parse(SheetReader.read(content, fileName), references());
		List<Planned> planned = plan(ledger, fileName);
		String id = UUID.randomUUID().toString();
		StringBuilder actions = new StringBuilder();
		planned.forEach(p -> actions.append(p.action().name().charAt(p.action() == Action.UNCHANGED ? 2 : 0)));
		imports.insert(new ImportRepository.StoredImport(id, name(fileName), sha256(content), content,
				actions.toString(), user.username(), Instant.now(clock), null));
		Map<Action, Integer> counts = new EnumMap<>(Action.class);
		for (Action a : Action.values()) {
			counts.put(a, 0);
		}
		List<PreviewRow> rows = new ArrayList<>();
		for (Planned p : planned) {
			counts.merge(p.action(), 1, Integer::sum);
			rows.add(new PreviewRow(p.row().row(), p.action(), p.row().text(LedgerColumn.CODE),
					p.row().text(LedgerColumn.NAME),
					p.row()
						.errors()
						.stream()
						.map(e -> new PreviewError(e.column(), message(p.row().row(), e)))
						.toList(),
					p.row().approximate().stream().map(s -> ledger.header(reachedColumn(s))).toList()));
		}
		return new Preview(id, ledger.columns(), counts, rows);
	}

	@Transactional
	public Confirmation confirm(String id, CurrentUser user) {
		access.checkCanImport(user);
		ImportRepository.StoredImport stored = imports.lock(id)
			.orElseThrow(() -> new NotFoundException("No import preview " + id));
		if (stored.confirmedAt() != null) {
			throw new ConflictException("This preview was confirmed already, at " + stored.confirmedAt());
		}
		if (stored.createdAt().plus(VALIDITY).isBefore(Instant.now(clock))) {
			throw new ConflictException("This preview is older than an hour: upload the file again");
		}
		ParsedLedger ledger = LedgerParser.parse(SheetReader.read(stored.content(), stored.fileName()), references());
		List<Planned> planned = plan(ledger, stored.fileName());
		StringBuilder actions = new StringBuilder();
		planned.forEach(p -> actions.append(p.action().name().charAt(p.action() == Action.UNCHANGED ? 2 : 0)));
		if (!actions.toString().equals(stored.actions())) {
			throw new ConflictException("The projects changed since the preview; upload the file again");
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		int skipped = 0;
		for (Planned p : planned) {
			switch (p.action()) {
				case NEW -> {
					takeover.create(p.entry(), user.username());
					created++;
				}
				case UPDATE -> {
					takeover.update(p.project().id(), p.project().stage(), p.project().outcome(), p.entry(),
							user.username());
					updated++;
				}
				case UNCHANGED -> unchanged++;
				case ERROR -> skipped++;
			}
		}
		imports.confirmed(id, user.username(), Instant.now(clock));
		audit.append(AuditEvent.of(user.username(), AuditAction.LEDGER_IMPORTED, null)
			.details("file=" + stored.fileName() + "; sha256=" + stored.sha256() + "; created=" + created + "; updated="
					+ updated + "; unchanged=" + unchanged + "; skipped=" + skipped));
		return new Confirmation(created, updated, unchanged, skipped);
	}

	/**
	 * Matches and checks every row; a row with any problem is an ERROR and its problems
	 * are added to it.
	 */
	private List<Planned> plan(ParsedLedger ledger, String fileName) {
		Map<String, ProjectView> byCode = new HashMap<>();
		Map<String, ProjectView> byName = new HashMap<>();
		for (int page = 0;; page++) {
			var found = views.search(ProjectFilter.none(), page, PAGE);
			found.content().forEach(v -> {
				byCode.put(v.code(), v);
				byName.putIfAbsent(nameKey(v.name(), v.investor()), v);
			});
			if ((long) (page + 1) * PAGE >= found.totalElements()) {
				break;
			}
		}
		Map<String, Integer> codesSeen = new HashMap<>();
		Map<String, Integer> namesSeen = new HashMap<>();
		Map<Long, Integer> projectsSeen = new HashMap<>();
		List<Planned> planned = new ArrayList<>();
		String source = "imported from the ledger " + name(fileName);
		for (LedgerRow row : ledger.rows()) {
			String code = row.text(LedgerColumn.CODE);
			String nameKey = nameKey(row.text(LedgerColumn.NAME), row.text(LedgerColumn.INVESTOR));
			ProjectView project = Optional.ofNullable(code).map(byCode::get).orElseGet(() -> byName.get(nameKey));
			Integer earlier = code != null ? codesSeen.putIfAbsent(code, row.row()) : null;
			Integer earlierName = namesSeen.putIfAbsent(nameKey, row.row());
			Integer earlierProject = project == null ? null : projectsSeen.putIfAbsent(project.id(), row.row());
			Integer duplicate = earlier != null ? earlier : earlierName != null ? earlierName : earlierProject;
			if (duplicate != null) {
				error(row, ledger.header(LedgerColumn.NAME), "duplicate", row.text(LedgerColumn.NAME),
						duplicate.toString());
			}
			LedgerEntry entry = row.errors().isEmpty() ? entry(ledger, row, project, source) : null;
			Action action;
			if (!row.errors().isEmpty()) {
				action = Action.ERROR;
			}
			else if (project == null) {
				action = Action.NEW;
			}
			else {
				action = unchanged(project, entry) ? Action.UNCHANGED : Action.UPDATE;
			}
			planned.add(new Planned(row, action, project, entry));
		}
		return planned;
	}

	/**
	 * Checks a row and builds what applying it would write; adds its problems to the row
	 * (then null).
	 */
	private LedgerEntry entry(ParsedLedger ledger, LedgerRow row, ProjectView project, String source) {
		String name = row.text(LedgerColumn.NAME);
		String investor = row.text(LedgerColumn.INVESTOR);
		if (name == null) {
			error(row, ledger.header(LedgerColumn.NAME), "required", "");
		}
		if (investor == null) {
			error(row, ledger.header(LedgerColumn.INVESTOR), "required", "");
		}
		for (LedgerColumn column : new LedgerColumn[] { LedgerColumn.NAME, LedgerColumn.INVESTOR }) {
			String text = row.text(column);
			if (text != null && text.length() > MAX_TEXT) {
				error(row, ledger.header(column), "tooLong", text.substring(0, 20) + "…", String.valueOf(MAX_TEXT));
			}
		}
		String code = row.text(LedgerColumn.CODE);
		if (code != null && !Identifiers.LEDGER_CODE.matcher(code).matches()) {
			error(row, ledger.header(LedgerColumn.CODE), "code", code);
		}
		ProjectFacts facts = facts(ledger, row, project);
		String officer = ledger.has(LedgerColumn.OFFICER) && row.get(LedgerColumn.OFFICER) != null
				? row.text(LedgerColumn.OFFICER) : project == null ? null : project.officer();
		if (officer == null) {
			error(row, ledger.header(LedgerColumn.OFFICER), "required", "");
		}
		projectService.problems(facts)
			.forEach((field, reason) -> error(row, ledger.header(columnOf(field)), "fact",
					Objects.toString(valueOf(row, columnOf(field)), ""), reason));
		Map<Stage, LocalDate> reached = reached(ledger, row);
		LocalDate droppedOn = row.get(LedgerColumn.DROPPED_ON);
		Status status = row.get(LedgerColumn.STATUS);
		Stage stage = reached.keySet().stream().reduce((a, b) -> b).orElse(Stage.NEGOTIATION);
		if (status == Status.DROPPED && droppedOn == null) {
			error(row, ledger.header(LedgerColumn.DROPPED_ON), "required", "");
		}
		if (droppedOn != null && status != null && status != Status.DROPPED) {
			error(row, ledger.header(LedgerColumn.STATUS), "statusMismatch", word(status), word(stage));
		}
		if (status != null && status != Status.DROPPED && status.stage().orElseThrow() != stage) {
			error(row, ledger.header(LedgerColumn.STATUS), "statusMismatch", word(status), word(stage));
		}
		if (droppedOn != null) {
			if (!stage.droppable()) {
				error(row, ledger.header(LedgerColumn.DROPPED_ON), "dropTooLate", droppedOn.toString());
			}
			checkDate(ledger, row, LedgerColumn.DROPPED_ON, droppedOn, reached.get(stage));
		}
		Map<Stage, LocalDate> agreed = new EnumMap<>(Stage.class);
		for (LedgerColumn column : LedgerColumn.values()) {
			if (column.agreed().isPresent() && ledger.has(column)) {
				agreed.put(column.agreed().get(), row.get(column));
			}
		}
		Map<Stage, LocalDate> plan = new EnumMap<>(Stage.class);
		if (project != null) {
			plan.putAll(project.plan());
		}
		agreed.forEach((s, d) -> {
			if (d == null) {
				plan.remove(s);
			}
			else {
				plan.put(s, d);
			}
		});
		PlanService.problems(plan, reached).forEach((field, reason) -> {
			LedgerColumn column = agreedColumn(Stage.valueOf(field.substring(field.indexOf('.') + 1)));
			error(row, ledger.header(column), "fact", Objects.toString(row.get(column), ""), reason);
		});
		if (project != null) {
			compare(ledger, row, project, reached, droppedOn);
		}
		if (!row.errors().isEmpty()) {
			return null;
		}
		String reason = droppedOn == null ? null : Optional.ofNullable(row.text(LedgerColumn.REMARK)).orElse(source);
		return new LedgerEntry(row.text(LedgerColumn.CODE), facts, officer, reached, row.approximate(), agreed,
				droppedOn, reason, source);
	}

	/**
	 * The milestones the row gives, checked: none missing before the last, in order, none
	 * in the future.
	 */
	private Map<Stage, LocalDate> reached(ParsedLedger ledger, LedgerRow row) {
		Map<Stage, LocalDate> reached = new EnumMap<>(Stage.class);
		for (Stage s : Stage.values()) {
			LocalDate on = row.get(reachedColumn(s));
			if (on != null) {
				reached.put(s, on);
			}
		}
		if (!reached.containsKey(Stage.NEGOTIATION)) {
			// a ledger without the first talk: the earliest milestone it gives, or today
			// for a project still talking
			LocalDate first = reached.values().stream().min(LocalDate::compareTo).orElse(dates.today());
			reached.put(Stage.NEGOTIATION, first);
		}
		Stage last = reached.keySet().stream().reduce((a, b) -> b).orElseThrow();
		LocalDate previous = null;
		for (Stage s : Stage.values()) {
			if (s.ordinal() > last.ordinal()) {
				break;
			}
			LocalDate on = reached.get(s);
			if (on == null) {
				error(row, ledger.header(reachedColumn(s)), "missingMilestone", "", ledger.header(reachedColumn(last)));
				continue;
			}
			checkDate(ledger, row, reachedColumn(s), on, previous);
			previous = on;
		}
		return reached;
	}

	private void checkDate(ParsedLedger ledger, LedgerRow row, LedgerColumn column, LocalDate on, LocalDate previous) {
		if (on.isAfter(dates.today())) {
			error(row, ledger.header(column), "future", on.toString());
		}
		else if (previous != null && on.isBefore(previous)) {
			error(row, ledger.header(column), "order", on.toString(), previous.toString());
		}
	}

	/**
	 * A known project: the row may not move it back, change a recorded date, or move it
	 * while it waits.
	 */
	private void compare(ParsedLedger ledger, LedgerRow row, ProjectView project, Map<Stage, LocalDate> reached,
			LocalDate droppedOn) {
		String status = ledger.header(LedgerColumn.STATUS);
		Stage last = reached.keySet().stream().reduce((a, b) -> b).orElseThrow();
		if (last.ordinal() < project.stage().ordinal()) {
			error(row, status, "backwards", word(last), word(project.stage()));
			return;
		}
		for (ProjectView.StageSpan span : project.stages()) {
			LocalDate on = reached.get(span.stage());
			boolean sameMonth = on != null && row.approximate().contains(span.stage())
					&& on.withDayOfMonth(1).equals(span.enteredOn().withDayOfMonth(1));
			if (on != null && !on.equals(span.enteredOn()) && !sameMonth) {
				error(row, ledger.header(reachedColumn(span.stage())), "dateChanged", on.toString(),
						span.enteredOn().toString());
			}
		}
		boolean moves = last.ordinal() > project.stage().ordinal() || droppedOn != null;
		if (project.outcome() == Outcome.DROPPED) {
			if (droppedOn == null || moves && last != project.stage()) {
				error(row, status, "dropped", word(Status.DROPPED));
			}
			return;
		}
		if (moves && project.outcome() != Outcome.ACTIVE) {
			error(row, status, "backwards", word(last), word(project.stage()));
		}
		else if (moves && project.pendingApproval() != null) {
			error(row, status, "pending", word(project.pendingApproval().to()));
		}
	}

	/**
	 * Whether applying the entry would change nothing: facts, officer, milestones, drop
	 * and the plan's dates.
	 */
	private static boolean unchanged(ProjectView p, LedgerEntry e) {
		if (!same(facts(p), e.facts()) || !e.officer().equals(p.officer())
				|| (e.code() != null && !e.code().equals(p.code()))) {
			return false;
		}
		Stage last = e.reached().keySet().stream().reduce((a, b) -> b).orElseThrow();
		if (last != p.stage() || (e.droppedOn() != null) != (p.outcome() == Outcome.DROPPED)) {
			return false;
		}
		for (var agreed : e.agreed().entrySet()) {
			if (!Objects.equals(agreed.getValue(), p.plan().get(agreed.getKey()))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The row's facts over the project's (for the columns the sheet has), or over the
	 * defaults of a new project.
	 */
	private static ProjectFacts facts(ParsedLedger ledger, LedgerRow row, ProjectView project) {
		ProjectFacts base = project != null ? facts(project)
				: new ProjectFacts(null, null, null, null, AssetModel.HEAVY, null, null, null, null, null, null, null,
						null, null, null, null, null, KeyLevel.NONE);
		Map<LedgerColumn, Object> v = new EnumMap<>(LedgerColumn.class);
		for (LedgerColumn column : LedgerColumn.values()) {
			if (ledger.has(column)) {
				v.put(column, row.values().get(column));
			}
		}
		return new ProjectFacts(pick(v, LedgerColumn.NAME, base.name()),
				pick(v, LedgerColumn.INVESTOR, base.investor()), pick(v, LedgerColumn.INDUSTRY, base.industryCode()),
				pick(v, LedgerColumn.PARK, base.parkCode()),
				Optional.<AssetModel>ofNullable(pick(v, LedgerColumn.ASSET_MODEL, base.assetModel()))
					.orElse(AssetModel.HEAVY),
				pick(v, LedgerColumn.TOTAL_INVESTMENT, base.totalInvestmentWan()),
				pick(v, LedgerColumn.FIXED_ASSET_INVESTMENT, base.fixedAssetInvestmentWan()),
				pick(v, LedgerColumn.CONTRACTED_INVESTMENT, base.contractedInvestmentWan()),
				pick(v, LedgerColumn.LAND, base.landMu()), base.floorAreaM2(), base.nationalCode(), base.creditCode(),
				pick(v, LedgerColumn.PROJECT_TYPE, base.projectType()), pick(v, LedgerColumn.CHANNEL, base.channel()),
				base.referrer(), base.fundsOrigin(), pick(v, LedgerColumn.LEADER, base.leader()), base.keyLevel());
	}

	@SuppressWarnings("unchecked")
	private static <T> T pick(Map<LedgerColumn, Object> values, LedgerColumn column, T otherwise) {
		return values.containsKey(column) ? (T) values.get(column) : otherwise;
	}

	static ProjectFacts facts(ProjectView p) {
		return new ProjectFacts(p.name(), p.investor(), p.industryCode(), p.parkCode(), p.assetModel(),
				p.totalInvestmentWan(), p.fixedAssetInvestmentWan(), p.contractedInvestmentWan(), p.landMu(),
				p.floorAreaM2(), p.nationalCode(), p.creditCode(), p.projectType(), p.channel(), p.referrer(),
				p.fundsOrigin(), p.leader(), p.keyLevel());
	}

	/** Facts compared as the trail compares them: amounts without trailing zeros. */
	private static boolean same(ProjectFacts a, ProjectFacts b) {
		return Objects.equals(plain(a), plain(b));
	}

	private static ProjectFacts plain(ProjectFacts f) {
		return new ProjectFacts(f.name(), f.investor(), f.industryCode(), f.parkCode(), f.assetModel(),
				strip(f.totalInvestmentWan()), strip(f.fixedAssetInvestmentWan()), strip(f.contractedInvestmentWan()),
				strip(f.landMu()), strip(f.floorAreaM2()), f.nationalCode(), f.creditCode(), f.projectType(),
				f.channel(), f.referrer(), f.fundsOrigin(), f.leader(),
				f.keyLevel() == null ? KeyLevel.NONE : f.keyLevel());
	}

	private static BigDecimal strip(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}

	private LedgerParser.References references() {
		Map<String, String> parks = new HashMap<>();
		reference.parks().forEach(p -> {
			parks.putIfAbsent(Text.key(p.name()), p.code());
			parks.put(Text.key(p.code()), p.code());
		});
		Map<String, String> industries = new HashMap<>();
		reference.industries().forEach(i -> {
			industries.putIfAbsent(Text.key(i.name()), i.code());
			industries.put(Text.key(i.code()), i.code());
		});
		Map<String, String> officers = new HashMap<>();
		Map<String, String> leaders = new HashMap<>();
		for (UserAccount u : users.all()) {
			if (!u.enabled()) {
				continue;
			}
			Map<String, String> target = u.roles().contains(Role.OFFICER) ? officers : null;
			if (target != null) {
				target.putIfAbsent(Text.key(u.displayName()), u.username());
				target.put(Text.key(u.username()), u.username());
			}
			if (u.roles().contains(Role.LEADER)) {
				leaders.putIfAbsent(Text.key(u.displayName()), u.username());
				leaders.put(Text.key(u.username()), u.username());
			}
		}
		return new LedgerParser.References() {

			@Override
			public Optional<String> park(String typed) {
				return Optional.ofNullable(parks.get(Text.key(typed)));
			}

			@Override
			public Optional<String> industry(String typed) {
				return Optional.ofNullable(industries.get(Text.key(typed)));
			}

			@Override
			public Optional<String> officer(String typed) {
				return Optional.ofNullable(officers.get(Text.key(typed)));
			}

			@Override
			public Optional<String> leader(String typed) {
				return Optional.ofNullable(leaders.get(Text.key(typed)));
			}

		};
	}

	/** The problem in the caller's language: "第12行「约定开工」: 2025.13.01 不是日期". */
	private String message(int rowNumber, RowError e) {
		var locale = LocaleContextHolder.getLocale();
		Object[] args = new Object[3 + e.more().length];
		args[0] = String.valueOf(rowNumber);
		args[1] = e.column();
		args[2] = e.value();
		System.arraycopy(e.more(), 0, args, 3, e.more().length);
		return messages.getMessage("ledger.error.row", args, locale) + " "
				+ messages.getMessage("ledger.error." + e.key(), args, locale);
	}

	private static void error(LedgerRow row, String column, String key, String value, Object... more) {
		row.errors().add(new RowError(column, key, value, more));
	}

	private static Object valueOf(LedgerRow row, LedgerColumn column) {
		return column == null ? null : row.values().get(column);
	}

	private static LedgerColumn columnOf(String field) {
		return switch (field) {
			case "industryCode" -> LedgerColumn.INDUSTRY;
			case "parkCode" -> LedgerColumn.PARK;
			case "totalInvestmentWan" -> LedgerColumn.TOTAL_INVESTMENT;
			case "fixedAssetInvestmentWan" -> LedgerColumn.FIXED_ASSET_INVESTMENT;
			case "contractedInvestmentWan" -> LedgerColumn.CONTRACTED_INVESTMENT;
			case "landMu" -> LedgerColumn.LAND;
			case "leader" -> LedgerColumn.LEADER;
			default -> LedgerColumn.NAME;
		};
	}

	static LedgerColumn reachedColumn(Stage stage) {
		return switch (stage) {
			case NEGOTIATION -> LedgerColumn.NEGOTIATION_ON;
			case SIGNING -> LedgerColumn.SIGNING_ON;
			case SITE_SELECTION -> LedgerColumn.SITE_SELECTION_ON;
			case CONSTRUCTION -> LedgerColumn.CONSTRUCTION_ON;
			case PRODUCTION -> LedgerColumn.PRODUCTION_ON;
		};
	}

	static LedgerColumn agreedColumn(Stage stage) {
		return switch (stage) {
			case SIGNING -> LedgerColumn.AGREED_SIGNING;
			case SITE_SELECTION -> LedgerColumn.AGREED_SITE_SELECTION;
			case CONSTRUCTION -> LedgerColumn.AGREED_CONSTRUCTION;
			default -> LedgerColumn.AGREED_PRODUCTION;
		};
	}

	private static String word(Status status) {
		return Vocabulary.word(Vocabulary.STATUS, status);
	}

	private static String word(Stage stage) {
		return word(Status.valueOf(stage.name()));
	}

	private static String nameKey(String name, String investor) {
		return Text.key(name) + "\u0000" + Text.key(investor);
	}

	private static String name(String fileName) {
		String n = fileName == null || fileName.isBlank() ? "ledger.xlsx" : fileName.strip();
		return n.length() > 200 ? n.substring(0, 200) : n;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
