package com.investtrack.milestone;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.common.Stage;

@Repository
class MilestoneRepository {

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
		if (stage == Stage.NEGOTIATION) {
			jdbc.sql("""
					INSERT INTO milestone_timeline (project_id, park_code, industry_code, asset_model, negotiation_day)
					SELECT id, park_code, industry_code, asset_model, ? FROM project WHERE id = ?""")
				.params(effectiveOn.toEpochDay(), projectId)
				.update();
		}
		else {
			jdbc.sql("UPDATE milestone_timeline SET " + timelineColumn(stage) + " = ? WHERE project_id = ?")
				.params(effectiveOn.toEpochDay(), projectId)
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

	void updateTimelineFacts(long projectId, String parkCode, String industryCode, String assetModel) {
		jdbc.sql("UPDATE milestone_timeline SET park_code = ?, industry_code = ?, asset_model = ? WHERE project_id = ?")
			.params(parkCode, industryCode, assetModel, projectId)
			.update();
	}

	/**
	 * The milestone_timeline column holding the effective day (days since 1970-01-01) of
	 * a stage's milestone.
	 */
	public static String timelineColumn(Stage stage) {
		return stage.name().toLowerCase(Locale.ROOT) + "_day";
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
