package com.investtrack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedCaseInsensitiveMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;

/**
 * Whoever edits, deletes, inserts or reorders audit rows directly in the database is
 * caught by GET /api/audit/verify, which names the first entry that no longer fits. Each
 * test tampers with fresh entries at the end of the trail and puts the rows back
 * afterwards, so the trail stays valid for the tests that follow (the MySQL database is
 * shared).
 */
class AuditTamperApiTest extends ApiTestBase {

	private static final String COLUMNS = "seq, at, actor, action, project_id, from_stage, to_stage, effective_on, "
			+ "decision, comment, details, prev_hash, hash";

	/** Sequence numbers of the fresh entries, oldest first. */
	private List<Long> fresh;

	private List<Map<String, Object>> savedRows;

	private Map<String, Object> savedHead;

	@BeforeEach
	void freshEntries() {
		assertThat(verify().get("valid").asBoolean()).as("the trail is valid before tampering").isTrue();
		long before = lastSeq();
		long project = createProject("officer", today().minusDays(10));
		assertThat(advance("officer", project, "SIGNING", today().minusDays(1)).status()).isEqualTo(202);
		fresh = jdbc.sql("SELECT seq FROM audit_entry WHERE seq > ? ORDER BY seq")
			.param(before)
			.query(Long.class)
			.list();
		assertThat(fresh).hasSizeGreaterThanOrEqualTo(3);
		savedRows = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq")
			.param(fresh.get(0))
			.query()
			.listOfRows();
		savedHead = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").query().singleRow();
	}

	@AfterEach
	void restore() {
		jdbc.sql("DELETE FROM audit_entry WHERE seq >= ?").param(fresh.get(0)).update();
		for (Map<String, Object> row : savedRows) {
			insert(row);
		}
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
			.params(savedHead.get("last_seq"), savedHead.get("last_hash"))
			.update();
		assertThat(verify().get("valid").asBoolean()).as("restored").isTrue();
	}

	@Test
	void anEditedEntryIsFound() {
		long k = fresh.get(1);
		jdbc.sql("UPDATE audit_entry SET comment = 'nothing to see here' WHERE seq = ?").param(k).update();
		assertBadAt(k);
	}

	@Test
	void anEditedActorOrTimeIsFound() {
		long k = fresh.get(0);
		jdbc.sql("UPDATE audit_entry SET actor = 'manager' WHERE seq = ?").param(k).update();
		assertBadAt(k);
		jdbc.sql("UPDATE audit_entry SET actor = ?, at = ? WHERE seq = ?")
			.params(savedRows.get(0).get("actor"),
					Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(86400)), k)
			.update();
		assertBadAt(k);
	}

	@Test
	void aDeletedEntryInTheMiddleIsFound() {
		long k = fresh.get(1);
		jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(k).update();
		assertBadAt(k);
	}

	@Test
	void aDeletedLastEntryIsFound() {
		long last = fresh.get(fresh.size() - 1);
		jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(last).update();
		assertBadAt(last);
	}

	@Test
	void aForgedEntryIsFoundWhetherOrNotItsHashWasComputedCorrectly() {
		long last = fresh.get(fresh.size() - 1);
		String lastHash = (String) savedRows.get(savedRows.size() - 1).get("hash");
		Map<String, Object> forged = copy(savedRows.get(savedRows.size() - 1));
		forged.put("seq", last + 1);
		forged.put("action", "APPROVED");
		forged.put("prev_hash", lastHash);
		forged.put("hash", "f".repeat(64));
		insert(forged);
		assertBadAt(last + 1);

		jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(last + 1).update();
		AuditEntry entry = new AuditEntry(last + 1, ((Timestamp) forged.get("at")).toInstant(),
				(String) forged.get("actor"), "APPROVED", ((Number) forged.get("project_id")).longValue(), null, null,
				null, "APPROVE", "forged", null, lastHash, null);
		forged.put("from_stage", null);
		forged.put("to_stage", null);
		forged.put("effective_on", null);
		forged.put("decision", "APPROVE");
		forged.put("comment", "forged");
		forged.put("details", null);
		forged.put("hash", AuditTrail.hash(lastHash, entry.canonical()));
		insert(forged);
		assertBadAt(last + 1);
	}

	@Test
	void reorderedEntriesAreFound() {
		long k = fresh.get(0);
		Map<String, Object> first = savedRows.get(0);
		Map<String, Object> second = savedRows.get(1);
		jdbc.sql("DELETE FROM audit_entry WHERE seq IN (?, ?)").params(k, k + 1).update();
		Map<String, Object> a = copy(second);
		a.put("seq", k);
		Map<String, Object> b = copy(first);
		b.put("seq", k + 1);
		insert(a);
		insert(b);
		assertBadAt(k);
	}

	private void assertBadAt(long seq) {
		JsonNode v = verify();
		assertThat(v.get("valid").asBoolean()).isFalse();
		assertThat(v.get("firstBadEntry").asLong()).isEqualTo(seq);
	}

	private JsonNode verify() {
		Response r = get("auditor", "/api/audit/verify");
		assertThat(r.status()).isEqualTo(200);
		return r.body();
	}

	private long lastSeq() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

	/**
	 * A modifiable copy of a row; column names are upper-case on H2 and lower-case on
	 * MySQL.
	 */
	private static Map<String, Object> copy(Map<String, Object> row) {
		Map<String, Object> copy = new LinkedCaseInsensitiveMap<>();
		copy.putAll(row);
		return copy;
	}

	private void insert(Map<String, Object> row) {
		List<Object> values = new ArrayList<>();
		for (String column : COLUMNS.split(", ")) {
			values.add(row.get(column));
		}
		jdbc.sql("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(values)
			.update();
	}

}
