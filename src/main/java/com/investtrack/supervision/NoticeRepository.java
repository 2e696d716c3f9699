package com.investtrack.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** supervision_notice: one row per notice, the process instance's product-side state. */
@Repository
class NoticeRepository {

	private static final String COLUMNS = "id, project_id, owner, deadline, text, level, status, issued_by, issued_at, "
			+ "reply, replied_at, closed_by, closed_at, comment";

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long projectId, String owner, java.time.LocalDate deadline, String text, String processInstanceId,
			String by, Instant at) {
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO supervision_notice (project_id, owner, deadline, text, level, status, process_instance_id,
				  issued_by, issued_at) VALUES (?, ?, ?, ?, 'BLUE', 'OPEN', ?, ?, ?)""")
			.params(projectId, owner, Date.valueOf(deadline), text, processInstanceId, by, Timestamp.from(at))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Notice> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_notice WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	/**
	 * The notice, its row locked until the transaction ends: replies, closings and timers
	 * take turns.
	 */
	Optional<Notice> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_notice WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::map)
			.optional();
	}

	Optional<Long> idByProcessInstance(String processInstanceId) {
		return jdbc.sql("SELECT id FROM supervision_notice WHERE process_instance_id = ?")
			.param(processInstanceId)
			.query(Long.class)
			.optional();
	}

	Map<String, Notice> byProcessInstances(Collection<String> processInstanceIds) {
		Map<String, Notice> found = new HashMap<>();
		if (processInstanceIds.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT process_instance_id, " + COLUMNS
				+ " FROM supervision_notice WHERE process_instance_id IN (:ids)")
			.param("ids", processInstanceIds)
			.query((rs, n) -> found.put(rs.getString("process_instance_id"), map(rs, n)))
			.list();
		return found;
	}

	String processInstance(long id) {
		return jdbc.sql("SELECT process_instance_id FROM supervision_notice WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	List<Notice> search(Notice.Filter f, int limit) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (f.status() != null) {
			where.add("status = :status");
			params.put("status", f.status().name());
		}
		if (f.level() != null) {
			where.add("level = :level");
			params.put("level", f.level().name());
		}
		if (f.owner() != null) {
			where.add("owner = :owner");
			params.put("owner", f.owner());
		}
		if (f.projectId() != null) {
			where.add("project_id = :project");
			params.put("project", f.projectId());
		}
		params.put("limit", limit);
		String sql = "SELECT " + COLUMNS + " FROM supervision_notice"
				+ (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id DESC LIMIT :limit";
		return jdbc.sql(sql).params(params).query(this::map).list();
	}

	void raise(long id, NoticeLevel level) {
		jdbc.sql("UPDATE supervision_notice SET level = ? WHERE id = ?").params(level.name(), id).update();
	}

	void reply(long id, String reply, Instant at) {
		jdbc.sql("UPDATE supervision_notice SET status = 'REPLIED', reply = ?, replied_at = ? WHERE id = ?")
			.params(reply, Timestamp.from(at), id)
			.update();
	}

	void close(long id, String by, String comment, Instant at) {
		jdbc.sql("""
				UPDATE supervision_notice SET status = 'CLOSED', closed_by = ?, closed_at = ?, comment = ?
				WHERE id = ?""").params(by, Timestamp.from(at), comment, id).update();
	}

	void reopen(long id, String comment) {
		jdbc.sql("UPDATE supervision_notice SET status = 'OPEN', comment = ? WHERE id = ?")
			.params(comment, id)
			.update();
	}

	private Notice map(ResultSet rs, int n) throws SQLException {
		return new Notice(rs.getLong("id"), rs.getLong("project_id"), rs.getString("owner"),
				rs.getDate("deadline").toLocalDate(), rs.getString("text"), NoticeLevel.valueOf(rs.getString("level")),
				NoticeStatus.valueOf(rs.getString("status")), rs.getString("issued_by"),
				rs.getTimestamp("issued_at").toInstant(), rs.getString("reply"), instant(rs.getTimestamp("replied_at")),
				rs.getString("closed_by"), instant(rs.getTimestamp("closed_at")), rs.getString("comment"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
