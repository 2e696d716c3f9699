package com.investtrack.project;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.investtrack.common.PageResult;
import com.investtrack.common.SqlConditions;
import com.investtrack.common.Stage;

/** Plain SQL over the project table; every list is paged and served by an index. */
@Repository
public class ProjectRepository {

	private static final String COLUMNS = "id, code, name, investor, industry_code, park_code, asset_model, "
			+ "investment_amount_yuan, land_area_m2, officer, stage, stage_entered_on, outcome, dropped_on, drop_reason, "
			+ "process_instance_id, created_at, created_by, version";

	private final JdbcClient jdbc;

	ProjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(NewProject p, String createdBy, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, investor, industry_code, park_code, asset_model, investment_amount_yuan,
				  land_area_m2, officer, stage, stage_entered_on, outcome, created_at, created_by, version)
				VALUES (:code, :name, :investor, :industry, :park, :asset, :amount, :land, :officer, 'NEGOTIATION',
				  :entered, 'ACTIVE', :now, :by, 0)""")
			.param("code", "TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20))
			.param("name", p.name())
			.param("investor", p.investor())
			.param("industry", p.industryCode())
			.param("park", p.parkCode())
			.param("asset", p.assetModel().name())
			.param("amount", p.investmentAmountYuan())
			.param("land", p.landAreaM2())
			.param("officer", p.officer())
			.param("entered", Date.valueOf(p.negotiationStartedOn()))
			.param("now", Timestamp.from(now))
			.param("by", createdBy)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("UPDATE project SET code = :code WHERE id = :id")
			.param("code", "P%d-%05d".formatted(p.negotiationStartedOn().getYear(), id))
			.param("id", id)
			.update();
		return id;
	}

	public Optional<Project> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = ?").param(id).query(this::map).optional();
	}

	/** Reads the project and locks its row until commit, so that two steps on one project run one after the other. */
	public Optional<Project> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
	}

	public List<Project> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id IN (:ids)").param("ids", ids).query(this::map).list();
	}

	public Optional<Project> findByProcessInstance(String processInstanceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE process_instance_id = ?")
			.param(processInstanceId)
			.query(this::map)
			.optional();
	}

	public List<Project> findByProcessInstances(Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE process_instance_id IN (:ids)")
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
		jdbc.sql("UPDATE project SET outcome = 'DROPPED', dropped_on = ?, drop_reason = ?, version = version + 1 WHERE id = ?")
			.params(Date.valueOf(droppedOn), reason, id)
			.update();
	}

	public void reassign(long id, String officer) {
		jdbc.sql("UPDATE project SET officer = ?, version = version + 1 WHERE id = ?").params(officer, id).update();
	}

	public void updateFacts(long id, ProjectFacts facts) {
		jdbc.sql("""
				UPDATE project SET name = :name, investor = :investor, industry_code = :industry, park_code = :park,
				  asset_model = :asset, investment_amount_yuan = :amount, land_area_m2 = :land, version = version + 1
				WHERE id = :id""")
			.param("name", facts.name())
			.param("investor", facts.investor())
			.param("industry", facts.industryCode())
			.param("park", facts.parkCode())
			.param("asset", facts.assetModel().name())
			.param("amount", facts.investmentAmountYuan())
			.param("land", facts.landAreaM2())
			.param("id", id)
			.update();
		// the reports' copy of the filter columns (see V4__performance.sql)
		jdbc.sql("UPDATE milestone_timeline SET park_code = ?, industry_code = ?, asset_model = ? WHERE project_id = ?")
			.params(facts.parkCode(), facts.industryCode(), facts.assetModel().name(), id)
			.update();
	}

	/**
	 * One page of projects matching the filter, newest first. A health filter arrives as, per stage, the entry dates
	 * on or before which an active project is at least yellow or red.
	 */
	public PageResult<Project> search(ProjectFilter f, HealthCutoffs cutoffs, int page, int size) {
		Map<String, Object> params = new LinkedHashMap<>();
		var conditions = new SqlConditions(params).equal("stage", "stage", f.stage())
			.equal("park_code", "park", f.parkCode())
			.equal("industry_code", "industry", f.industryCode())
			.equal("officer", "officer", f.officer())
			.equal("asset_model", "asset", f.assetModel())
			.equal("outcome", "outcome", f.outcome());
		if (f.text() != null) {
			conditions.add("(LOWER(name) LIKE :text OR LOWER(investor) LIKE :text OR LOWER(code) LIKE :text)");
			params.put("text", "%" + f.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (f.health() != null) {
			conditions.add(healthCondition(f.health(), cutoffs, params));
		}
		String where = " WHERE 1 = 1" + conditions;
		long total = jdbc.sql("SELECT COUNT(*) FROM project" + where).params(params).query(Long.class).single();
		var rows = jdbc.sql("SELECT " + COLUMNS + " FROM project" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
		return new PageResult<>(rows, page, size, total);
	}

	private static String healthCondition(Health health, HealthCutoffs cutoffs, Map<String, Object> params) {
		List<String> red = new ArrayList<>();
		List<String> yellow = new ArrayList<>();
		int i = 0;
		for (var e : cutoffs.byStage().entrySet()) {
			String s = "hs" + i;
			String y = "hy" + i;
			String r = "hr" + i++;
			params.put(s, e.getKey().name());
			params.put(y, Date.valueOf(e.getValue().yellowOnOrBefore()));
			params.put(r, Date.valueOf(e.getValue().redOnOrBefore()));
			red.add("(stage = :" + s + " AND stage_entered_on <= :" + r + ")");
			yellow.add("(stage = :" + s + " AND stage_entered_on <= :" + y + " AND stage_entered_on > :" + r + ")");
		}
		return switch (health) {
			case RED -> "outcome = 'ACTIVE' AND (" + String.join(" OR ", red) + ")";
			case YELLOW -> "outcome = 'ACTIVE' AND (" + String.join(" OR ", yellow) + ")";
			case GREEN -> "NOT (outcome = 'ACTIVE' AND (" + String.join(" OR ", red) + " OR " + String.join(" OR ", yellow) + "))";
		};
	}

	private Project map(ResultSet rs, int n) throws SQLException {
		return new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("investor"),
				rs.getString("industry_code"), rs.getString("park_code"), AssetModel.valueOf(rs.getString("asset_model")),
				rs.getBigDecimal("investment_amount_yuan"), rs.getBigDecimal("land_area_m2"), rs.getString("officer"),
				Stage.valueOf(rs.getString("stage")), rs.getDate("stage_entered_on").toLocalDate(),
				Outcome.valueOf(rs.getString("outcome")), toLocalDate(rs.getDate("dropped_on")), rs.getString("drop_reason"),
				rs.getString("process_instance_id"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getInt("version"));
	}

	private static LocalDate toLocalDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
