package com.investtrack.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.investtrack.common.PageResult;
import com.investtrack.common.SqlConditions;
import com.investtrack.common.Stage;

/** Plain SQL over the project table; every list is paged and served by an index. */
@Repository
class ProjectRepository {

	private static final String COLUMNS = "p.id, p.code, p.name, p.investor, p.industry_code, p.park_code, "
			+ "p.asset_model, "
			+ "p.total_investment_wan, p.fixed_asset_investment_wan, p.contracted_investment_wan, p.land_mu, "
			+ "p.floor_area_m2, p.national_code, p.credit_code, p.project_type, p.channel, p.referrer, p.funds_origin, "
			+ "p.leader, p.key_level, p.officer, p.stage, p.stage_entered_on, p.outcome, p.dropped_on, p.drop_reason, "
			+ "p.process_instance_id, p.created_at, p.created_by, p.version";

	/**
	 * A text search first lists its matches (id, stage, outcome) in one scan, up to this
	 * many; when they fit, counts and pages come from that list instead of a COUNT and a
	 * page query each, which a {@code LIKE '%x%'} makes full scans of the table.
	 */
	static final int TEXT_SCAN_CAP = 2000;

	/** One project matching a text search, as much of it as the counts need. */
	private record Match(long id, Stage stage, Outcome outcome) {
	}

	private final JdbcClient jdbc;

	private final int textScanCap;

	@Autowired
	ProjectRepository(JdbcClient jdbc) {
		this(jdbc, TEXT_SCAN_CAP);
	}

	/** With another cap, for the tests that compare both ways of answering. */
	ProjectRepository(JdbcClient jdbc, int textScanCap) {
		this.jdbc = jdbc;
		this.textScanCap = textScanCap;
	}

	/**
	 * Inserts the project; without a ledger number it gets P{year}-{id}, which needs the
	 * generated id first.
	 */
	public long insert(NewProject p, String createdBy, Instant now) {
		var keys = new GeneratedKeyHolder();
		String code = p.code() != null ? p.code() : "TMP-" + UUID.randomUUID().toString().substring(0, 20);
		var statement = jdbc.sql("""
				INSERT INTO project (code, name, investor, industry_code, park_code, asset_model,
				  investment_amount_yuan,
				  land_area_m2, total_investment_wan, fixed_asset_investment_wan, contracted_investment_wan,
				    land_mu,
				  floor_area_m2, national_code, credit_code, project_type, channel, referrer, funds_origin, leader,
				  key_level, officer, stage, stage_entered_on, outcome, created_at, created_by, version)
				VALUES (:code, :name, :investor, :industry, :park, :asset, :amountYuan, :landM2, :totalWan,
				  :fixedWan,
				  :contractedWan, :landMu, :floorM2, :nationalCode, :creditCode, :projectType, :channel, :referrer,
				  :fundsOrigin, :leader, :keyLevel, :officer, 'NEGOTIATION', :entered, 'ACTIVE', :now, :by, 0)""")
			.param("code", code);
		factParams(statement, p.facts()).param("officer", p.officer())
			.param("entered", Date.valueOf(p.negotiationStartedOn()))
			.param("now", Timestamp.from(now))
			.param("by", createdBy)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		if (p.code() == null) {
			jdbc.sql("UPDATE project SET code = :code WHERE id = :id")
				.param("code", "P%d-%05d".formatted(p.negotiationStartedOn().getYear(), id))
				.param("id", id)
				.update();
		}
		return id;
	}

	/** The id of the project holding this ledger number, if any. */
	public Optional<Long> idByCode(String code) {
		return jdbc.sql("SELECT id FROM project WHERE code = ?").param(code).query(Long.class).optional();
	}

	public void changeCode(long id, String code) {
		jdbc.sql("UPDATE project SET code = ?, version = version + 1 WHERE id = ?").params(code, id).update();
	}

	public Optional<Project> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.id = ?").param(id).query(this::map).optional();
	}

	/**
	 * Reads the project and locks its row until commit, so that two steps on one project
	 * run one after the other.
	 */
	public Optional<Project> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.id = ? FOR UPDATE")
			.param(id)
			.query(this::map)
			.optional();
	}

	public List<Project> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.id IN (:ids)")
			.param("ids", ids)
			.query(this::map)
			.list();
	}

	public Optional<Project> findByProcessInstance(String processInstanceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.process_instance_id = ?")
			.param(processInstanceId)
			.query(this::map)
			.optional();
	}

	public List<Project> findByProcessInstances(Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.process_instance_id IN (:ids)")
			.param("ids", processInstanceIds)
			.query(this::map)
			.list();
	}

	public void setProcessInstance(long id, String processInstanceId) {
		jdbc.sql("UPDATE project SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
	}

	public void moveToStage(long id, Stage stage, LocalDate enteredOn) {
		jdbc.sql("""
				UPDATE project SET stage = :stage, stage_entered_on = :on, version = version + 1,
				  outcome = CASE WHEN :stage = 'PRODUCTION' THEN 'IN_PRODUCTION' ELSE outcome END
				WHERE id = :id""")
			.param("stage", stage.name())
			.param("on", Date.valueOf(enteredOn))
			.param("id", id)
			.update();
	}

	public void markDropped(long id, LocalDate droppedOn, String reason) {
		jdbc.sql("UPDATE project SET outcome = 'DROPPED', dropped_on = ?, drop_reason = ?, version = version + 1 "
				+ "WHERE id = ?")
			.params(Date.valueOf(droppedOn), reason, id)
			.update();
	}

	public void reassign(long id, String officer) {
		jdbc.sql("UPDATE project SET officer = ?, version = version + 1 WHERE id = ?").params(officer, id).update();
	}

	public void updateFacts(long id, ProjectFacts facts) {
		factParams(jdbc.sql("""
				UPDATE project SET name = :name, investor = :investor, industry_code = :industry, park_code = :park,
				  asset_model = :asset, investment_amount_yuan = :amountYuan, land_area_m2 = :landM2,
				  total_investment_wan = :totalWan, fixed_asset_investment_wan = :fixedWan,
				  contracted_investment_wan = :contractedWan, land_mu = :landMu, floor_area_m2 = :floorM2,
				  national_code = :nationalCode, credit_code = :creditCode, project_type = :projectType,
				  channel = :channel, referrer = :referrer, funds_origin = :fundsOrigin, leader = :leader,
				  key_level = :keyLevel, version = version + 1
				WHERE id = :id"""), facts).param("id", id).update();
	}

	private static JdbcClient.StatementSpec factParams(JdbcClient.StatementSpec statement, ProjectFacts f) {
		return statement.param("name", f.name())
			.param("investor", f.investor())
			.param("industry", f.industryCode())
			.param("park", f.parkCode())
			.param("asset", f.assetModel().name())
			.param("amountYuan", f.investmentAmountYuan())
			.param("landM2", f.landAreaM2())
			.param("totalWan", f.totalInvestmentWan())
			.param("fixedWan", f.fixedAssetInvestmentWan())
			.param("contractedWan", f.contractedInvestmentWan())
			.param("landMu", f.landMu())
			.param("floorM2", f.floorAreaM2())
			.param("nationalCode", f.nationalCode())
			.param("creditCode", f.creditCode())
			.param("projectType", name(f.projectType()))
			.param("channel", name(f.channel()))
			.param("referrer", f.referrer())
			.param("fundsOrigin", name(f.fundsOrigin()))
			.param("leader", f.leader())
			.param("keyLevel", f.keyLevel() == null ? KeyLevel.NONE.name() : f.keyLevel().name());
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	/**
	 * The ids of every project meeting a criterion another module computes (e.g. every
	 * red project).
	 */
	public List<Long> ids(ListCondition condition) {
		return jdbc
			.sql("SELECT p.id FROM project p" + condition.join() + " WHERE " + condition.where() + " ORDER BY p.id")
			.params(condition.params())
			.query(Long.class)
			.list();
	}

	/**
	 * One page of projects matching the filter, newest first; {@code extra} adds a
	 * criterion another module computes.
	 */
	public PageResult<Project> search(ProjectFilter f, ListCondition extra, int page, int size) {
		if (f.text() != null) {
			List<Match> matches = textMatches(f, extra, List.of(f));
			if (matches != null) {
				long from = Math.min((long) page * size, matches.size());
				List<Match> shown = matches.subList((int) from, (int) Math.min(from + size, matches.size()));
				return new PageResult<>(byId(shown), page, size, matches.size());
			}
		}
		return countAndPage(f, extra, page, size);
	}

	/**
	 * The first page of each filter, as {@link #search} gives it, for filters that differ
	 * in stage and outcome only (the board's columns). With a text, one scan finds the
	 * matches of them all and one query reads their cards, where column by column each
	 * would scan the table twice; above the cap, or with filters differing otherwise,
	 * each is searched on its own.
	 */
	public List<PageResult<Project>> firstPages(List<ProjectFilter> filters, ListCondition extra, int size) {
		ProjectFilter common = filters.isEmpty() ? null : anyStageAndOutcome(filters.get(0));
		if (common != null && common.text() != null
				&& filters.stream().allMatch(f -> anyStageAndOutcome(f).equals(common))) {
			List<Match> matches = textMatches(common, extra, filters);
			if (matches != null) {
				List<List<Match>> each = filters.stream()
					.map(f -> matches.stream()
						.filter(m -> (f.stage() == null || m.stage() == f.stage())
								&& (f.outcome() == null || m.outcome() == f.outcome()))
						.toList())
					.toList();
				Map<Long, Project> cards = new HashMap<>();
				findAll(each.stream().flatMap(l -> l.stream().limit(size)).map(Match::id).distinct().toList())
					.forEach(p -> cards.put(p.id(), p));
				return each.stream()
					.map(l -> new PageResult<>(
							l.stream().limit(size).map(m -> cards.get(m.id())).filter(Objects::nonNull).toList(), 0,
							size, (long) l.size()))
					.toList();
			}
		}
		return filters.stream().map(f -> search(f, extra, 0, size)).toList();
	}

	private static ProjectFilter anyStageAndOutcome(ProjectFilter f) {
		return new ProjectFilter(null, f.parkCode(), f.industryCode(), f.officer(), f.health(), f.assetModel(), null,
				f.text(), f.leader(), f.keyLevel(), f.projectType(), f.channel());
	}

	/**
	 * Every project matching {@code f} and one of {@code wanted} (by its stage and
	 * outcome, null meaning any), newest first, in one scan that reads the ids and what
	 * tells the wanted apart; null if there are more than the cap.
	 */
	private List<Match> textMatches(ProjectFilter f, ListCondition extra, List<ProjectFilter> wanted) {
		Map<String, Object> params = new LinkedHashMap<>();
		// before the LIKE: the database tests conditions in order, and rows of no wanted
		// stage or outcome (the dropped, on the current board) are then spared it
		var conditions = new SqlConditions(params);
		if (wanted.stream().allMatch(w -> w.stage() != null)) {
			conditions.add("p.stage IN (:scanStages)");
			params.put("scanStages", wanted.stream().map(w -> w.stage().name()).distinct().toList());
		}
		if (wanted.stream().allMatch(w -> w.outcome() != null)) {
			conditions.add("p.outcome IN (:scanOutcomes)");
			params.put("scanOutcomes", wanted.stream().map(w -> w.outcome().name()).distinct().toList());
		}
		String fromWhere = fromWhere(f, extra, params, conditions.toString());
		List<Match> found = jdbc.sql("SELECT p.id, p.stage, p.outcome" + fromWhere + " ORDER BY p.id DESC LIMIT :limit")
			.params(params)
			.param("limit", textScanCap + 1)
			.query((rs, n) -> new Match(rs.getLong("id"), Stage.valueOf(rs.getString("stage")),
					Outcome.valueOf(rs.getString("outcome"))))
			.list();
		return found.size() > textScanCap ? null : found;
	}

	/** These projects read by primary key, in the order given. */
	private List<Project> byId(List<Match> matches) {
		Map<Long, Project> read = new HashMap<>();
		findAll(matches.stream().map(Match::id).toList()).forEach(p -> read.put(p.id(), p));
		return matches.stream().map(m -> read.get(m.id())).filter(Objects::nonNull).toList();
	}

	/**
	 * The first page of the projects matching {@code f} and each of {@code conditions}
	 * (another module's criteria over one join, e.g. the lights of several colours),
	 * newest first, with every total counted in one scan: each page on its own would
	 * count the table again. The conditions must agree on every parameter they share.
	 */
	public List<PageResult<Project>> firstPagesEach(ProjectFilter f, List<ListCondition> conditions, int size) {
		if (conditions.isEmpty()) {
			return List.of();
		}
		String join = conditions.get(0).join();
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sums = new StringBuilder();
		for (ListCondition c : conditions) {
			if (!c.join().equals(join)) {
				throw new IllegalArgumentException("Conditions counted together must share their join");
			}
			c.params().forEach((name, value) -> {
				Object before = params.putIfAbsent(name, value);
				if (before != null && !before.equals(value)) {
					throw new IllegalArgumentException("Conditions counted together disagree on :" + name);
				}
			});
			sums.append(sums.isEmpty() ? "" : ", ")
				.append("SUM(CASE WHEN ")
				.append(c.where())
				.append(" THEN 1 ELSE 0 END)");
		}
		String fromWhere = fromWhere(f, new ListCondition(join, "1 = 1", Map.of()), params, "");
		long[] totals = jdbc.sql("SELECT " + sums + fromWhere).params(params).query((rs, n) -> {
			long[] t = new long[conditions.size()];
			for (int i = 0; i < t.length; i++) {
				// a SUM over no rows is NULL, which reads as 0
				t[i] = rs.getLong(i + 1);
			}
			return t;
		}).single();
		List<PageResult<Project>> pages = new ArrayList<>(conditions.size());
		for (int i = 0; i < conditions.size(); i++) {
			Map<String, Object> pageParams = new LinkedHashMap<>();
			String where = fromWhere(f, conditions.get(i), pageParams, "");
			// newest first, so the scan of the primary key stops at the page's last match
			List<Project> rows = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY p.id DESC LIMIT :limit")
				.params(pageParams)
				.param("limit", size)
				.query(this::map)
				.list();
			pages.add(new PageResult<>(rows, 0, size, totals[i]));
		}
		return pages;
	}

	/**
	 * A COUNT and one page, each a query of its own: how a search is answered otherwise.
	 */
	PageResult<Project> countAndPage(ProjectFilter f, ListCondition extra, int page, int size) {
		Map<String, Object> params = new LinkedHashMap<>();
		String fromWhere = fromWhere(f, extra, params, "");
		long total = jdbc.sql("SELECT COUNT(*)" + fromWhere).params(params).query(Long.class).single();
		var rows = jdbc.sql("SELECT " + COLUMNS + fromWhere + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
		return new PageResult<>(rows, page, size, total);
	}

	/**
	 * The next {@code size} projects matching the filter, newest first, after the one
	 * with id {@code beforeId} (null: from the newest). For reading every match in
	 * batches (exports): each batch starts at its place in the primary key, where an
	 * offset would read and skip every row before it (at 100,000 projects the last pages
	 * of an export read the whole table each) and no total is counted.
	 */
	public List<Project> searchBefore(ProjectFilter f, ListCondition extra, Long beforeId, int size) {
		Map<String, Object> params = new LinkedHashMap<>();
		String fromWhere = fromWhere(f, extra, params, "");
		if (beforeId != null) {
			fromWhere += " AND p.id < :before";
			params.put("before", beforeId);
		}
		return jdbc.sql("SELECT " + COLUMNS + fromWhere + " ORDER BY p.id DESC LIMIT :limit")
			.params(params)
			.param("limit", size)
			.query(this::map)
			.list();
	}

	/**
	 * {@code before}: further conditions (each starting with {@code " AND "}), put ahead
	 * of the text's LIKE.
	 */
	private static String fromWhere(ProjectFilter f, ListCondition extra, Map<String, Object> params, String before) {
		var conditions = new SqlConditions(params).equal("p.stage", "stage", f.stage())
			.equal("p.park_code", "park", f.parkCode())
			.equal("p.industry_code", "industry", f.industryCode())
			.equal("p.officer", "officer", f.officer())
			.equal("p.asset_model", "asset", f.assetModel())
			.equal("p.outcome", "outcome", f.outcome())
			.equal("p.leader", "leader", f.leader())
			.equal("p.key_level", "keyLevel", f.keyLevel())
			.equal("p.project_type", "projectType", f.projectType())
			.equal("p.channel", "channel", f.channel());
		if (!before.isEmpty()) {
			conditions.add(before.substring(" AND ".length()));
		}
		if (f.text() != null) {
			conditions.add("(LOWER(p.name) LIKE :text OR LOWER(p.investor) LIKE :text OR LOWER(p.code) LIKE :text)");
			params.put("text",
					"%" + f.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		String from = " FROM project p";
		if (extra != null) {
			from += extra.join();
			conditions.add(extra.where());
			params.putAll(extra.params());
		}
		return from + " WHERE 1 = 1" + conditions;
	}

	private Project map(ResultSet rs, int n) throws SQLException {
		var facts = new ProjectFacts(rs.getString("name"), rs.getString("investor"), rs.getString("industry_code"),
				rs.getString("park_code"), AssetModel.valueOf(rs.getString("asset_model")),
				plain(rs.getBigDecimal("total_investment_wan")), plain(rs.getBigDecimal("fixed_asset_investment_wan")),
				plain(rs.getBigDecimal("contracted_investment_wan")), plain(rs.getBigDecimal("land_mu")),
				plain(rs.getBigDecimal("floor_area_m2")), rs.getString("national_code"), rs.getString("credit_code"),
				valueOf(ProjectType.class, rs.getString("project_type")),
				valueOf(Channel.class, rs.getString("channel")), rs.getString("referrer"),
				valueOf(FundsOrigin.class, rs.getString("funds_origin")), rs.getString("leader"),
				KeyLevel.valueOf(rs.getString("key_level")));
		return new Project(rs.getLong("id"), rs.getString("code"), facts, rs.getString("officer"),
				Stage.valueOf(rs.getString("stage")), rs.getDate("stage_entered_on").toLocalDate(),
				Outcome.valueOf(rs.getString("outcome")), toLocalDate(rs.getDate("dropped_on")),
				rs.getString("drop_reason"), rs.getString("process_instance_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("version"));
	}

	/** Amounts as entered: 1200 万元 reads back as 1200, not 1200.0000. */
	private static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static LocalDate toLocalDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
