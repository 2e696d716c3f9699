package com.investtrack.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** progress_entry: one row per entry. */
@Repository
class ProgressRepository {

	private final JdbcClient jdbc;

	ProgressRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long projectId, ProgressEntry.New e, String by, Instant at) {
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO progress_entry (project_id, progress_on, progress, problems, next_steps, recorded_by,
				  recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(projectId, java.sql.Date.valueOf(e.on()), e.progress(), e.problems(), e.nextSteps(), by,
					Timestamp.from(at))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Newest first: by the day it is dated, then by when it was written. */
	List<ProgressEntry> forProject(long projectId) {
		return jdbc.sql("""
				SELECT id, project_id, progress_on, progress, problems, next_steps, recorded_by, recorded_at
				FROM progress_entry WHERE project_id = ? ORDER BY progress_on DESC, id DESC""")
			.param(projectId)
			.query(this::map)
			.list();
	}

	private ProgressEntry map(ResultSet rs, int n) throws SQLException {
		return new ProgressEntry(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

}
