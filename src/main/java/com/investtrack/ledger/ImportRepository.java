package com.investtrack.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Previews waiting for their confirmation (ledger_import, V9). */
@Repository
class ImportRepository {

	/**
	 * A stored preview: the file, and the actions it showed, one letter per row (N, U, C
	 * for unchanged, E).
	 */
	record StoredImport(String id, String fileName, String sha256, byte[] content, String actions, String createdBy,
			Instant createdAt, Instant confirmedAt) {
	}

	private final JdbcClient jdbc;

	ImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredImport i) {
		jdbc.sql("""
				INSERT INTO ledger_import (id, file_name, sha256, content, actions, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(i.id(), i.fileName(), i.sha256(), i.content(), i.actions(), i.createdBy(),
					Timestamp.from(i.createdAt()))
			.update();
	}

	/**
	 * Reads the preview and locks it until commit, so that two confirmations of one
	 * preview run one after the other.
	 */
	Optional<StoredImport> lock(String id) {
		return jdbc.sql("""
				SELECT id, file_name, sha256, content, actions, created_by, created_at, confirmed_at
				FROM ledger_import WHERE id = ? FOR UPDATE""")
			.param(id)
			.query((rs, n) -> new StoredImport(rs.getString("id"), rs.getString("file_name"), rs.getString("sha256"),
					rs.getBytes("content"), rs.getString("actions"), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant()))
			.optional();
	}

	void confirmed(String id, String by, Instant at) {
		jdbc.sql("UPDATE ledger_import SET confirmed_at = ?, confirmed_by = ? WHERE id = ?")
			.params(Timestamp.from(at), by, id)
			.update();
	}

}
