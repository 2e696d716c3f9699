package com.investtrack.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.common.Stage;
import com.investtrack.project.ListCondition;
import com.investtrack.project.Outcome;

/** project_plan (one wide row per project) and plan_revision. */
@Repository
class PlanRepository {

	/** The stages that can have an agreed date: every milestone after the first talk. */
	static final List<Stage> PLANNED = List.of(Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION,
			Stage.PRODUCTION);

	private static final String COLUMNS;

	static {
		var columns = new StringBuilder("project_id, last_progress_on");
		for (Stage s : PLANNED) {
			columns.append(", ").append(column(s)).append(", ").append(baselineColumn(s));
		}
		COLUMNS = columns.toString();
	}

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The column of project_plan holding a milestone's agreed date (also used in list
	 * filters).
	 */
	static String column(Stage stage) {
		return stage.name().toLowerCase(Locale.ROOT) + "_on";
	}

	static String baselineColumn(Stage stage) {
		return "baseline_" + column(stage);
	}

	/** The new project's row, its first plan being its baseline. */
	void insert(long projectId, Map<Stage, LocalDate> agreed) {
		var sql = new StringBuilder("INSERT INTO project_plan (project_id");
		var values = new StringBuilder(") VALUES (:id");
		Map<String, Object> params = new HashMap<>();
		params.put("id", projectId);
		agreed.forEach((stage, date) -> {
			sql.append(", ").append(column(stage)).append(", ").append(baselineColumn(stage));
			values.append(", :").append(stage.name()).append(", :").append(stage.name());
			params.put(stage.name(), Date.valueOf(date));
		});
		jdbc.sql(sql.append(values).append(")").toString()).params(params).update();
	}

	Map<Long, Plan> find(Collection<Long> projectIds) {
		Map<Long, Plan> plans = new HashMap<>();
		if (projectIds.isEmpty()) {
			return plans;
		}
		jdbc.sql("SELECT " + COLUMNS + " FROM project_plan WHERE project_id IN (:ids)")
			.param("ids", projectIds)
			.query((rs, n) -> plans.put(rs.getLong("project_id"), map(rs)))
			.list();
		return plans;
	}

	/**
	 * A project of a list by light: what the list shows, what the rule reads, and its
	 * plan.
	 */
	record Lit(long projectId, String code, String name, String parkCode, String leader, Lights.Standing standing,
			Plan plan) {
	}

	/**
	 * The projects a criterion of {@link Lights#condition} selects (it joins project_plan
	 * as pl), by park and code, each with its plan, in one statement.
	 */
	List<Lit> lit(ListCondition condition) {
		return select(condition, "");
	}

	/** The first {@code limit} of {@link #lit(ListCondition)}, in its order. */
	List<Lit> lit(ListCondition condition, int limit) {
		return select(condition, " LIMIT " + limit);
	}

	private List<Lit> select(ListCondition condition, String limit) {
		StringBuilder columns = new StringBuilder("pl.project_id AS plan_of, pl.last_progress_on");
		for (Stage s : PLANNED) {
			columns.append(", pl.").append(column(s)).append(", pl.").append(baselineColumn(s));
		}
		return jdbc
			.sql("SELECT p.id, p.code, p.name, p.park_code, p.leader, p.stage, p.stage_entered_on, p.outcome,"
					+ " p.dropped_on, " + columns + " FROM project p" + condition.join() + " WHERE " + condition.where()
					+ " ORDER BY p.park_code, p.code" + limit)
			.params(condition.params())
			.query((rs, n) -> {
				Date dropped = rs.getDate("dropped_on");
				var standing = new Lights.Standing(Stage.valueOf(rs.getString("stage")),
						rs.getDate("stage_entered_on").toLocalDate(), Outcome.valueOf(rs.getString("outcome")),
						dropped == null ? null : dropped.toLocalDate());
				rs.getLong("plan_of");
				Plan plan = rs.wasNull() ? Plan.NONE : map(rs);
				return new Lit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("park_code"),
						rs.getString("leader"), standing, plan);
			})
			.list();
	}

	/** Writes the whole plan; the caller has locked the project. */
	void update(long projectId, Plan plan) {
		var sql = new StringBuilder("UPDATE project_plan SET last_progress_on = :progress");
		Map<String, Object> params = new HashMap<>();
		params.put("id", projectId);
		params.put("progress", date(plan.lastProgressOn()));
		for (Stage s : PLANNED) {
			sql.append(", ").append(column(s)).append(" = :a").append(s.ordinal());
			sql.append(", ").append(baselineColumn(s)).append(" = :b").append(s.ordinal());
			params.put("a" + s.ordinal(), date(plan.agreed().get(s)));
			params.put("b" + s.ordinal(), date(plan.baseline().get(s)));
		}
		jdbc.sql(sql.append(" WHERE project_id = :id").toString()).params(params).update();
	}

	/**
	 * Moves the latest progress day forward (never back: entries may be dated in the
	 * past).
	 */
	void progressOn(long projectId, LocalDate on) {
		jdbc.sql("""
				UPDATE project_plan SET last_progress_on = :on
				WHERE project_id = :id AND (last_progress_on IS NULL OR last_progress_on < :on)""")
			.param("on", Date.valueOf(on))
			.param("id", projectId)
			.update();
	}

	void insertRevision(long projectId, Instant at, String by, String reason, String changes) {
		jdbc.sql("""
				INSERT INTO plan_revision (project_id, revised_at, revised_by, reason, changes)
				VALUES (?, ?, ?, ?, ?)""").params(projectId, Timestamp.from(at), by, reason, changes).update();
	}

	List<PlanRevision> revisions(long projectId) {
		return jdbc.sql("""
				SELECT id, project_id, revised_at, revised_by, reason, changes FROM plan_revision
				WHERE project_id = ? ORDER BY id DESC""")
			.param(projectId)
			.query((rs, n) -> new PlanRevision(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	private static Plan map(ResultSet rs) throws SQLException {
		Map<Stage, LocalDate> agreed = new EnumMap<>(Stage.class);
		Map<Stage, LocalDate> baseline = new EnumMap<>(Stage.class);
		for (Stage s : PLANNED) {
			Date a = rs.getDate(column(s));
			Date b = rs.getDate(baselineColumn(s));
			if (a != null) {
				agreed.put(s, a.toLocalDate());
			}
			if (b != null) {
				baseline.put(s, b.toLocalDate());
			}
		}
		Date progress = rs.getDate("last_progress_on");
		return new Plan(agreed, baseline, progress == null ? null : progress.toLocalDate());
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

}
