package com.investtrack.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * stall_review: one row per review; active_project_id is unique, so a project has at most
 * one active review.
 */
@Repository
class ReviewRepository {

	private static final String COLUMNS = "id, project_id, status, process_instance_id, reason, opened_at, "
			+ "acknowledged_at, acknowledged_by, comment, closed_at";

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long projectId, String processInstanceId, String reason, Instant at) {
		jdbc.sql("""
				INSERT INTO stall_review (project_id, active_project_id, status, process_instance_id, reason, opened_at)
				VALUES (?, ?, 'OPEN', ?, ?, ?)""")
			.params(projectId, projectId, processInstanceId, reason, Timestamp.from(at))
			.update();
	}

	Optional<StallReview> active(long projectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stall_review WHERE active_project_id = ?")
			.param(projectId)
			.query(this::map)
			.optional();
	}

	/** Project ids with an active (open or acknowledged) review. */
	List<Long> activeProjects() {
		return jdbc.sql("SELECT active_project_id FROM stall_review WHERE active_project_id IS NOT NULL")
			.query(Long.class)
			.list();
	}

	Optional<StallReview> byProcessInstance(String processInstanceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stall_review WHERE process_instance_id = ?")
			.param(processInstanceId)
			.query(this::map)
			.optional();
	}

	List<StallReview> byProcessInstances(Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM stall_review WHERE process_instance_id IN (:ids)")
			.param("ids", processInstanceIds)
			.query(this::map)
			.list();
	}

	List<StallReview> forProject(long projectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stall_review WHERE project_id = ? ORDER BY id DESC")
			.param(projectId)
			.query(this::map)
			.list();
	}

	long countOpen() {
		return jdbc.sql("SELECT COUNT(*) FROM stall_review WHERE status = 'OPEN'").query(Long.class).single();
	}

	void acknowledge(long id, String by, String comment, Instant at) {
		jdbc.sql("""
				UPDATE stall_review SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, comment = ?
				WHERE id = ?""").params(Timestamp.from(at), by, comment, id).update();
	}

	void close(long id, Instant at) {
		jdbc.sql("UPDATE stall_review SET status = 'CLOSED', active_project_id = NULL, closed_at = ? WHERE id = ?")
			.params(Timestamp.from(at), id)
			.update();
	}

	private StallReview map(ResultSet rs, int n) throws SQLException {
		return new StallReview(rs.getLong("id"), rs.getLong("project_id"), ReviewStatus.valueOf(rs.getString("status")),
				rs.getString("process_instance_id"), rs.getString("reason"), instant(rs.getTimestamp("opened_at")),
				instant(rs.getTimestamp("acknowledged_at")), rs.getString("acknowledged_by"), rs.getString("comment"),
				instant(rs.getTimestamp("closed_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
