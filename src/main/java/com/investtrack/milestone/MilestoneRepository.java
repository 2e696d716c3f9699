package com.investtrack.milestone;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.calendar.WorkDaySql;
import com.investtrack.common.Stage;

@Repository
class MilestoneRepository {

	private static final String ORDINAL_OF_DAY = "(SELECT w." + WorkDaySql.ORDINAL + " FROM " + WorkDaySql.TABLE
			+ " w WHERE w." + WorkDaySql.DAY_NUM + " = ?)";

	private final JdbcClient jdbc;

	MilestoneRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the milestone and enters its day in the project's timeline row (created
	 * with the first milestone); the unique (project, stage) key makes a second insert of
	 * the same stage fail.
	 */
	public void insert(long projectId, Stage stage, LocalDate effectiveOn, Instant enteredAt, String enteredBy,
			String approvedBy, String comment) {
		jdbc.sql("""
				INSERT INTO milestone (project_id, stage, effective_on, entered_at, entered_by, approved_by, comment)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(projectId, stage.name(), Date.valueOf(effectiveOn), Timestamp.from(enteredAt), enteredBy,
					approvedBy, comment)
			.update();
		// the day's working-day ordinal goes in with it, read in the same statement
		if (stage == Stage.NEGOTIATION) {
			jdbc.sql("""
					INSERT INTO milestone_timeline (project_id, park_code, industry_code, asset_model,
					  contracted_investment_wan, negotiation_day, negotiation_wd)
					SELECT id, park_code, industry_code, asset_model, contracted_investment_wan, ?, %s
					FROM project WHERE id = ?""".formatted(ORDINAL_OF_DAY))
				.params(effectiveOn.toEpochDay(), effectiveOn.toEpochDay(), projectId)
				.update();
		}
		else {
			jdbc.sql("UPDATE milestone_timeline SET " + timelineColumn(stage) + " = ?, " + workDayColumn(stage) + " = "
					+ ORDINAL_OF_DAY + " WHERE project_id = ?")
				.params(effectiveOn.toEpochDay(), effectiveOn.toEpochDay(), projectId)
				.update();
		}
	}

	/**
	 * Rewrites the working-day ordinals of the milestones on or after a day, after the
	 * calendar changed from there on: one statement per stage, each touching only the
	 * rows whose milestone of that stage falls in the changed range.
	 */
	void refreshWorkDays(long fromDayNum) {
		for (Stage stage : Stage.values()) {
			String day = timelineColumn(stage);
			jdbc.sql("UPDATE milestone_timeline SET " + workDayColumn(stage) + " = (SELECT w." + WorkDaySql.ORDINAL
					+ " FROM " + WorkDaySql.TABLE + " w WHERE w." + WorkDaySql.DAY_NUM + " = milestone_timeline." + day
					+ ") WHERE " + day + " >= ?")
				.param(fromDayNum)
				.update();
		}
	}

	/**
	 * Marks a milestone as taken over from the bureau's ledger, and whether the ledger
	 * gave only its month.
	 */
	void markImported(long projectId, Stage stage, boolean approximate) {
		jdbc.sql("UPDATE milestone SET imported = TRUE, approximate = ? WHERE project_id = ? AND stage = ?")
			.params(approximate, projectId, stage.name())
			.update();
	}

	void updateTimelineFacts(long projectId, String parkCode, String industryCode, String assetModel,
			BigDecimal contractedInvestmentWan) {
		jdbc.sql("""
				UPDATE milestone_timeline SET park_code = ?, industry_code = ?, asset_model = ?,
				  contracted_investment_wan = ? WHERE project_id = ?""")
			.params(parkCode, industryCode, assetModel, contractedInvestmentWan, projectId)
			.update();
	}

	/**
	 * The milestone_timeline column holding the effective day (days since 1970-01-01) of
	 * a stage's milestone.
	 */
	public static String timelineColumn(Stage stage) {
		return stage.name().toLowerCase(Locale.ROOT) + "_day";
	}

	/**
	 * The milestone_timeline column holding the working-day ordinal of that day
	 * ({@link WorkDaySql#ORDINAL}): working days between two milestones are the
	 * difference of two such columns.
	 */
	public static String workDayColumn(Stage stage) {
		return stage.name().toLowerCase(Locale.ROOT) + "_wd";
	}

	public List<Milestone> forProject(long projectId) {
		return forProjects(List.of(projectId));
	}

	public List<Milestone> forProjects(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, project_id, stage, effective_on, entered_at, entered_by, approved_by, comment
				FROM milestone WHERE project_id IN (:ids) ORDER BY project_id, effective_on, id""")
			.param("ids", projectIds)
			.query((rs, n) -> new Milestone(rs.getLong("id"), rs.getLong("project_id"),
					Stage.valueOf(rs.getString("stage")), rs.getDate("effective_on").toLocalDate(),
					rs.getTimestamp("entered_at").toInstant(), rs.getString("entered_by"), rs.getString("approved_by"),
					rs.getString("comment")))
			.list();
	}

}
