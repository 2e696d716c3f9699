package com.investtrack.approval;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.common.PageResult;
import com.investtrack.common.Stage;

@Repository
class ApprovalRepository {

	private static final String COLUMNS = "id, project_id, task_id, to_stage, effective_on, requested_by, "
			+ "requested_at, " + "request_comment, status, decided_by, decided_at, decision_comment";

	private final JdbcClient jdbc;

	ApprovalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApprovalRequest r) {
		jdbc.sql("""
				INSERT INTO approval_request (project_id, task_id, to_stage, effective_on, requested_by, requested_at,
				  request_comment, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
			.params(r.projectId(), r.taskId(), r.to().name(), Date.valueOf(r.effectiveOn()), r.requestedBy(),
					Timestamp.from(r.requestedAt()), r.requestComment())
			.update();
	}

	void decide(String taskId, ApprovalStatus status, String decidedBy, Instant at, String comment) {
		jdbc.sql("""
				UPDATE approval_request SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
				WHERE task_id = ? AND status = 'PENDING'""")
			.params(status.name(), decidedBy, Timestamp.from(at), comment, taskId)
			.update();
	}

	public Optional<ApprovalRequest> byTask(String taskId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM approval_request WHERE task_id = ?")
			.param(taskId)
			.query(ApprovalRepository::map)
			.optional();
	}

	public List<ApprovalRequest> byTasks(Collection<String> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM approval_request WHERE task_id IN (:ids)")
			.param("ids", taskIds)
			.query(ApprovalRepository::map)
			.list();
	}

	/**
	 * The pending request of each of these projects (there is at most one per project).
	 */
	public List<ApprovalRequest> pendingFor(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM approval_request WHERE status = 'PENDING' AND project_id IN (:ids)")
			.param("ids", projectIds)
			.query(ApprovalRepository::map)
			.list();
	}

	public long countPending() {
		return jdbc.sql("SELECT COUNT(*) FROM approval_request WHERE status = 'PENDING'").query(Long.class).single();
	}

	public List<ApprovalRequest> forProject(long projectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM approval_request WHERE project_id = ? ORDER BY id")
			.param(projectId)
			.query(ApprovalRepository::map)
			.list();
	}

	/** A requester's rejected requests, newest first: what an officer has to rework. */
	public PageResult<ApprovalRequest> rejectedFor(String requestedBy, int page, int size) {
		long total = jdbc.sql("SELECT COUNT(*) FROM approval_request WHERE requested_by = ? AND status = 'REJECTED'")
			.param(requestedBy)
			.query(Long.class)
			.single();
		var rows = jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM approval_request WHERE requested_by = ? AND status = 'REJECTED' ORDER BY id DESC LIMIT ? "
					+ "OFFSET ?")
			.params(requestedBy, size, (long) page * size)
			.query(ApprovalRepository::map)
			.list();
		return new PageResult<>(rows, page, size, total);
	}

	private static ApprovalRequest map(ResultSet rs, int n) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new ApprovalRequest(rs.getLong("id"), rs.getLong("project_id"), rs.getString("task_id"),
				Stage.valueOf(rs.getString("to_stage")), rs.getDate("effective_on").toLocalDate(),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
				rs.getString("request_comment"), ApprovalStatus.valueOf(rs.getString("status")),
				rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
				rs.getString("decision_comment"));
	}

}
