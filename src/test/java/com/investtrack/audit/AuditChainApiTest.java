package com.investtrack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.investtrack.support.ApiTestBase;

/**
 * The chain as concurrent transactions build it: entries are written when their
 * transaction commits, so a rolled-back change leaves neither an entry nor a gap, and
 * many writers at once still give one unbroken chain. Shares the API tests' application,
 * so that it runs on H2 and on MariaDB.
 */
class AuditChainApiTest extends ApiTestBase {

	@Autowired
	private AuditTrail audit;

	@Autowired
	private TransactionTemplate tx;

	@Test
	void aRolledBackChangeLeavesNoEntryAndNoGap() {
		String actor = actor();
		tx.executeWithoutResult(status -> {
			audit.append(AuditEvent.of(actor, AuditAction.THRESHOLD_CHANGED, null).details("rolled back"));
			status.setRollbackOnly();
		});
		tx.executeWithoutResult(
				status -> audit.append(AuditEvent.of(actor, AuditAction.THRESHOLD_CHANGED, null).details("kept")));

		assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE actor = ?").param(actor).query(String.class).list())
			.containsExactly("kept");
		assertAuditChainIntact();
	}

	@Test
	void theEntriesOfOneTransactionAreConsecutive() {
		String actor = actor();
		tx.executeWithoutResult(status -> {
			for (int i = 0; i < 3; i++) {
				audit.append(AuditEvent.of(actor, AuditAction.THRESHOLD_CHANGED, null).details("entry " + i));
			}
		});

		List<Long> seqs = jdbc.sql("SELECT seq FROM audit_entry WHERE actor = ? ORDER BY seq")
			.param(actor)
			.query(Long.class)
			.list();
		assertThat(seqs).hasSize(3);
		assertThat(seqs.get(2) - seqs.get(0)).isEqualTo(2);
		assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE actor = ? ORDER BY seq")
			.param(actor)
			.query(String.class)
			.list()).containsExactly("entry 0", "entry 1", "entry 2");
	}

	@Test
	void anEntryAppendedAloneIsKeptWhenTheSurroundingChangeRollsBack() {
		String actor = actor();
		tx.executeWithoutResult(status -> {
			audit.append(AuditEvent.of(actor, AuditAction.THRESHOLD_CHANGED, null).details("outer"));
			audit.appendAlone(AuditEvent.of(actor, AuditAction.THRESHOLD_CHANGED, null).details("alone"));
			status.setRollbackOnly();
		});

		assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE actor = ?").param(actor).query(String.class).list())
			.containsExactly("alone");
		assertAuditChainIntact();
	}

	@Test
	void concurrentWritersBuildOneUnbrokenChain() throws Exception {
		String actor = actor();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < 6; w++) {
				writers.add(pool.submit(() -> {
					for (int i = 0; i < 10; i++) {
						tx.executeWithoutResult(status -> {
							audit.append(AuditEvent.of(actor, AuditAction.THRESHOLD_CHANGED, null).details("first"));
							audit.append(AuditEvent.of(actor, AuditAction.THRESHOLD_CHANGED, null).details("second"));
						});
					}
				}));
			}
			for (Future<?> w : writers) {
				w.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = ?").param(actor).query(Long.class).single())
			.isEqualTo(120);
		assertAuditChainIntact();
	}

	private static String actor() {
		return "chain-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
