package com.investtrack.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.investtrack.common.Stage;

/** evidence_file and evidence_chunk: a file's facts, and its bytes in numbered chunks. */
@Repository
class EvidenceRepository {

	private static final String COLUMNS = "id, project_id, stage, name, content_type, size_bytes, sha256, uploaded_by, "
			+ "uploaded_at";

	private final JdbcClient jdbc;

	EvidenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long projectId, Stage stage, String name, String contentType, String by, Instant at) {
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO evidence_file (project_id, stage, name, content_type, size_bytes, sha256, uploaded_by,
				  uploaded_at) VALUES (?, ?, ?, ?, 0, '', ?, ?)""")
			.params(projectId, stage.name(), name, contentType, by, Timestamp.from(at))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void insertChunk(long id, int seq, byte[] data) {
		jdbc.sql("INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES (?, ?, ?)").params(id, seq, data).update();
	}

	void finish(long id, long size, String sha256) {
		jdbc.sql("UPDATE evidence_file SET size_bytes = ?, sha256 = ? WHERE id = ?").params(size, sha256, id).update();
	}

	Optional<EvidenceFile> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_file WHERE id = ?").param(id).query(this::map).optional();
	}

	List<EvidenceFile> forProject(long projectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_file WHERE project_id = ? ORDER BY id DESC")
			.param(projectId)
			.query(this::map)
			.list();
	}

	/** Writes the file's bytes to {@code out}, one chunk read at a time. */
	void copy(long id, OutputStream out) throws IOException {
		int chunks = jdbc.sql("SELECT COUNT(*) FROM evidence_chunk WHERE evidence_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		for (int seq = 0; seq < chunks; seq++) {
			byte[] data = jdbc.sql("SELECT data FROM evidence_chunk WHERE evidence_id = ? AND seq = ?")
				.params(id, seq)
				.query((rs, n) -> rs.getBytes(1))
				.single();
			out.write(data);
		}
	}

	private EvidenceFile map(ResultSet rs, int n) throws SQLException {
		return new EvidenceFile(rs.getLong("id"), rs.getLong("project_id"), Stage.valueOf(rs.getString("stage")),
				rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
	}

}
