package com.investtrack.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.common.PageResult;

/**
 * Appends hash-chained entries and verifies the chain. Each append locks the single head row, so entries get gap-free
 * sequence numbers in commit order across every node sharing the database.
 */
@Service
public class AuditTrail {

	private static final String COLUMNS = "seq, at, actor, action, project_id, from_stage, to_stage, effective_on, "
			+ "decision, comment, details, prev_hash, hash";

	private static final int VERIFY_BATCH = 2000;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Appends within the caller's transaction: the entry commits with the change it records, or not at all. */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry append(AuditEvent e) {
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.getKey() + 1;
		// whole seconds: MySQL is connected with sendFractionalSeconds=false (Camunda needs it), so anything finer would
		// be cut off on insert and the stored entry would no longer match its hash
		Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
		var draft = new AuditEntry(seq, at, e.actor(), e.action().name(), e.projectId(), name(e.fromStage()),
				name(e.toStage()), e.effectiveOn(), e.decision(), truncate(e.comment(), 2000), truncate(e.details(), 4000),
				head.getValue(), null);
		String hash = hash(draft.prevHash(), draft.canonical());
		jdbc.sql("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(seq, Timestamp.from(at), draft.actor(), draft.action(), draft.projectId(), draft.fromStage(),
					draft.toStage(), draft.effectiveOn() == null ? null : Date.valueOf(draft.effectiveOn()),
					draft.decision(), draft.comment(), draft.details(), draft.prevHash(), hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
		return new AuditEntry(seq, at, draft.actor(), draft.action(), draft.projectId(), draft.fromStage(),
				draft.toStage(), draft.effectiveOn(), draft.decision(), draft.comment(), draft.details(), draft.prevHash(),
				hash);
	}

	/** Appends in a transaction of its own: for events such as failed logins that have no change to ride on. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void appendAlone(AuditEvent e) {
		append(e);
	}

	@Transactional(readOnly = true)
	public PageResult<AuditEntry> find(AuditFilter f, int page, int size) {
		var where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		ZoneId zone = clock.getZone();
		if (f.from() != null) {
			where.append(" AND at >= :from");
			params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
		}
		if (f.to() != null) {
			where.append(" AND at < :to");
			params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (f.actor() != null) {
			where.append(" AND actor = :actor");
			params.put("actor", f.actor());
		}
		if (f.projectId() != null) {
			where.append(" AND project_id = :project");
			params.put("project", f.projectId());
		}
		if (f.action() != null) {
			where.append(" AND action = :action");
			params.put("action", f.action());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where).params(params).query(Long.class).single();
		var rows = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(AuditTrail::map)
			.list();
		return new PageResult<>(rows, page, size, total);
	}

	/** Every entry about one project, oldest first: the project's history. */
	@Transactional(readOnly = true)
	public List<AuditEntry> forProject(long projectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE project_id = ? ORDER BY seq")
			.param(projectId)
			.query(AuditTrail::map)
			.list();
	}

	/**
	 * Walks the whole chain in sequence order and re-computes every hash. Deleted rows show as a gap in the sequence,
	 * edited or swapped rows as a hash that does not match, a cut-off tail as a head that points past the last row.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		String prevHash = "0".repeat(64);
		long expectedSeq = 1;
		long checked = 0;
		while (true) {
			List<AuditEntry> batch = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT ?")
				.params(expectedSeq, VERIFY_BATCH)
				.query(AuditTrail::map)
				.list();
			for (AuditEntry entry : batch) {
				if (entry.seq() != expectedSeq || !entry.prevHash().equals(prevHash)
						|| !entry.hash().equals(hash(prevHash, entry.canonical()))) {
					return new Verification(false, checked, Math.min(entry.seq(), expectedSeq));
				}
				prevHash = entry.hash();
				expectedSeq++;
				checked++;
			}
			if (batch.size() < VERIFY_BATCH) {
				break;
			}
		}
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		if (head.getKey() != checked || !head.getValue().equals(prevHash)) {
			return new Verification(false, checked, checked + 1);
		}
		return new Verification(true, checked, null);
	}

	static String hash(String prevHash, String canonical) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) '\n');
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static AuditEntry map(ResultSet rs, int n) throws SQLException {
		Date on = rs.getDate("effective_on");
		long project = rs.getLong("project_id");
		Long projectId = rs.wasNull() ? null : project;
		return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), projectId, rs.getString("from_stage"), rs.getString("to_stage"),
				on == null ? null : on.toLocalDate(), rs.getString("decision"), rs.getString("comment"),
				rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
