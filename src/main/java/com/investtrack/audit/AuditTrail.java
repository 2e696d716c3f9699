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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.investtrack.common.PageResult;

/**
 * Appends hash-chained entries and verifies the chain. Entries are written just before
 * their transaction commits, under a lock on the single head row, so they get gap-free
 * sequence numbers in commit order across every node sharing the database; taking that
 * lock last and holding it only for the commit keeps the one point every write passes
 * through short, and lets no transaction wait for another lock while it holds the head.
 */
@Service
public class AuditTrail {

	private static final String COLUMNS = "seq, at, actor, action, project_id, from_stage, to_stage, effective_on, "
			+ "decision, comment, details, prev_hash, hash";

	private static final String INSERT = "INSERT INTO audit_entry (" + COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int VERIFY_BATCH = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	/**
	 * A past event with the time it was recorded: what a bulk load of existing history
	 * brings.
	 */
	public record Recorded(Instant at, AuditEvent event) {
	}

	/**
	 * Appends past events in the given order with their own times, in JDBC batches: for
	 * loading history that happened elsewhere (the benchmark's data generator), not for
	 * events happening now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void importRecorded(List<Recorded> recorded) {
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.getKey();
		String prevHash = head.getValue();
		List<Object[]> rows = new ArrayList<>(recorded.size());
		for (Recorded r : recorded) {
			AuditEntry entry = chain(++seq, r.at(), r.event(), prevHash);
			rows.add(row(entry));
			prevHash = entry.hash();
		}
		batch.batchUpdate(INSERT, rows);
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, prevHash).update();
	}

	/**
	 * Appends within the caller's transaction: the entry commits with the change it
	 * records, or not at all. The entry is written just before the commit, after the
	 * engine has flushed its own statements, so the single head row that orders the chain
	 * stays locked only for the few statements of the append itself, not for the whole
	 * step.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(AuditEvent e) {
		PendingEntries pending = (PendingEntries) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new PendingEntries();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.events.add(e);
	}

	/** The transaction's events, written in order when it is about to commit. */
	private final class PendingEntries implements TransactionSynchronization {

		private final List<AuditEvent> events = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			write(events);
			events.clear();
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(AuditTrail.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(AuditTrail.this, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
		}

	}

	private void write(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.getKey();
		String prevHash = head.getValue();
		Instant at = Instant.now(clock);
		// one JDBC batch (one round trip with the MySQL driver's rewriting): a ledger
		// import appends tens of thousands of entries in one transaction
		List<Object[]> rows = new ArrayList<>(events.size());
		for (AuditEvent e : events) {
			AuditEntry entry = chain(++seq, at, e, prevHash);
			rows.add(row(entry));
			prevHash = entry.hash();
		}
		batch.batchUpdate(INSERT, rows);
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, prevHash).update();
	}

	/**
	 * The entry with its hash. Its time is kept to the whole second: the MySQL profile
	 * sends no fractional seconds (Camunda needs that), so a finer time would be stored
	 * differently from what was hashed and never verify.
	 */
	private static AuditEntry chain(long seq, Instant time, AuditEvent e, String prevHash) {
		Instant at = time.truncatedTo(ChronoUnit.SECONDS);
		var draft = new AuditEntry(seq, at, e.actor(), e.action().name(), e.projectId(), name(e.fromStage()),
				name(e.toStage()), e.effectiveOn(), e.decision(), truncate(e.comment(), 2000),
				truncate(e.details(), 4000), prevHash, null);
		return new AuditEntry(seq, at, draft.actor(), draft.action(), draft.projectId(), draft.fromStage(),
				draft.toStage(), draft.effectiveOn(), draft.decision(), draft.comment(), draft.details(), prevHash,
				hash(prevHash, draft.canonical()));
	}

	private static Object[] row(AuditEntry entry) {
		return new Object[] { entry.seq(), Timestamp.from(entry.at()), entry.actor(), entry.action(), entry.projectId(),
				entry.fromStage(), entry.toStage(),
				entry.effectiveOn() == null ? null : Date.valueOf(entry.effectiveOn()), entry.decision(),
				entry.comment(), entry.details(), entry.prevHash(), entry.hash() };
	}

	/**
	 * Appends in a transaction of its own: for events such as failed logins that have no
	 * change to ride on.
	 */
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
		var rows = jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
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
	 * Walks the whole chain in sequence order and re-computes every hash. Deleted rows
	 * show as a gap in the sequence, edited or swapped rows as a hash that does not
	 * match, a cut-off tail as a head that points past the last row, appended rows as
	 * rows past the head.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		String prevHash = "0".repeat(64);
		long expectedSeq = 1;
		long checked = 0;
		while (true) {
			List<AuditEntry> batch = jdbc
				.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT ?")
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
		long headSeq = head.getKey();
		if (headSeq < checked) {
			// rows appended behind the trail's back: the first one the head does not know
			// is the first bad entry
			return new Verification(false, checked, headSeq + 1);
		}
		if (headSeq > checked) {
			// the tail was cut off: the first missing entry is the first bad one
			return new Verification(false, checked, checked + 1);
		}
		if (!head.getValue().equals(prevHash)) {
			// the last row was replaced by one with a self-consistent hash
			return new Verification(false, checked, checked);
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
