package com.investtrack.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a database restart, a lock conflict and a state that moved on look like after the
 * engine, MyBatis and Spring have wrapped them.
 */
class DatabaseFailuresTest {

	@Test
	void aConnectionLostInsideTheEngineIsUnavailability() {
		var lost = new SQLNonTransientConnectionException("Server shutdown in progress", "08S01", 1053);
		var wrapped = new ProcessEngineException("Process engine persistence exception",
				new PersistenceException("### Error updating database", lost));

		assertThat(DatabaseFailures.isUnavailable(wrapped)).isTrue();
		assertThat(DatabaseFailures.isLockConflict(wrapped)).isFalse();
	}

	@Test
	void aFailedRollbackOnAClosedConnectionIsUnavailability() {
		var rollback = new TransactionSystemException("Could not roll back JDBC transaction",
				new SQLException("No operations allowed after connection closed.", "08003"));

		assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
	}

	/**
	 * Seen in the cluster test when MariaDB restarted: the rollback failed too, and
	 * displaced the real cause.
	 */
	@Test
	void aRollbackThatFailsOnAConnectionThePoolClosedIsUnavailability() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new ProcessEngineException(
				"ENGINE-03004 Exception while executing Database Operation", new PersistenceException(
						new SQLNonTransientConnectionException("Communications link failure", "08S01"))));

		assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
		assertThat(DatabaseFailures.isUnavailable(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void anExhaustedPoolAndAKilledConnectionAreUnavailability() {
		assertThat(
				DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new SQLTransientConnectionException(
								"HikariPool-1 - Connection is not available, request timed out after 5000ms"))))
			.isTrue();
		assertThat(DatabaseFailures.isUnavailable(new SQLException("Connection was killed", "70100", 1927))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SocketException("Connection reset"))))
			.isTrue();
	}

	@Test
	void aDeadlockInTheEnginesBatchIsALockConflict() {
		var deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
		var batch = new BatchUpdateException("batch failed", "40001", 1213, new int[0]);
		batch.setNextException(deadlock);
		var wrapped = new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
				new PersistenceException(batch));

		assertThat(DatabaseFailures.isLockConflict(wrapped)).isTrue();
		assertThat(DatabaseFailures.isUnavailable(wrapped)).isFalse();
	}

	@Test
	void lockWaitTimeoutsAndOptimisticLockingAreLockConflicts() {
		assertThat(DatabaseFailures.isLockConflict(new CannotAcquireLockException("lock wait",
				new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205))))
			.isTrue();
		assertThat(DatabaseFailures.isLockConflict(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
			.isTrue();
		assertThat(DatabaseFailures
			.isLockConflict(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed")))
			.isTrue();
		assertThat(DatabaseFailures.isLockConflict(new SQLException("Timeout trying to lock table", "HYT00", 50200)))
			.isTrue();
	}

	/**
	 * H2 2.x throws its lock timeout as a JdbcSQLTimeoutException, which Spring
	 * translates as a query timeout.
	 */
	@Test
	void aLockTimeoutReportedAsAQueryTimeoutIsALockConflict() {
		var h2 = new QueryTimeoutException("PreparedStatementCallback; SQL [SELECT ... FOR UPDATE]",
				new SQLTimeoutException("Timeout trying to lock table \"PROJECT\"", "HYT00", 50200));

		assertThat(DatabaseFailures.isLockConflict(h2)).isTrue();
		assertThat(DatabaseFailures.isUnavailable(h2)).isFalse();
		assertThat(DatabaseFailures.isUnavailable(new QueryTimeoutException("statement timed out",
				new SQLTimeoutException("Query execution was interrupted", "70100", 3024))))
			.isTrue();
	}

	@Test
	void domainRefusalsAndDuplicatesAreNeither() {
		for (RuntimeException e : new RuntimeException[] { new ConflictException("already decided"),
				new DuplicateKeyException("uq_milestone_project_stage"), new IllegalStateException("bug") }) {
			assertThat(DatabaseFailures.isUnavailable(e)).as(e.toString()).isFalse();
			assertThat(DatabaseFailures.isLockConflict(e)).as(e.toString()).isFalse();
			assertThat(DatabaseFailures.isStateMovedOn(e)).as(e.toString()).isFalse();
		}
	}

	/**
	 * Seen on two nodes with back-dated projects: a threshold timer ended the stage's
	 * activity under the step.
	 */
	@Test
	void aSignalToAnExecutionWithoutActivityIsTheStateMovedOn() {
		var moved = new ProcessEngineException("ENGINE-16004 Exception while closing command context",
				new PvmException("cannot signal execution 8f2c: it has no current activity"));

		assertThat(DatabaseFailures.isStateMovedOn(moved)).isTrue();
		assertThat(DatabaseFailures.isLockConflict(moved)).isFalse();
		assertThat(DatabaseFailures.isStateMovedOn(new PvmException("no transition to take specified"))).isFalse();
	}

	@Test
	void aTaskOrExecutionThatVanishedIsTheStateMovedOn() {
		assertThat(DatabaseFailures.isStateMovedOn(new NullValueException("Cannot find task with id 47: task is null")))
			.isTrue();
		assertThat(DatabaseFailures.isStateMovedOn(new NullValueException("execution 47 doesn't exist"))).isTrue();
		assertThat(DatabaseFailures
			.isStateMovedOn(new org.camunda.bpm.engine.exception.NotFoundException("task 4711 doesn't exist")))
			.isTrue();
		// a null the caller passed is a bug, not a race
		assertThat(DatabaseFailures.isStateMovedOn(new NullValueException("taskId is null"))).isFalse();
	}

	@Test
	void theEnginesOptimisticLockingWrappedInAnEngineExceptionIsALockConflict() {
		var wrapped = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
				new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TimerEntity' failed. Entity was "
						+ "updated by another transaction concurrently."));

		assertThat(DatabaseFailures.isLockConflict(wrapped)).isTrue();
	}

	@Test
	void aDuplicateKeyIsAConstraintViolation() {
		var duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);

		assertThat(DatabaseFailures.isConstraintViolation(new DuplicateKeyException("uq_milestone_project_stage")))
			.isTrue();
		assertThat(DatabaseFailures
			.isConstraintViolation(new ProcessEngineException("ENGINE-03004", new PersistenceException(duplicate))))
			.isTrue();
		assertThat(DatabaseFailures.isConstraintViolation(new ConflictException("already decided"))).isFalse();
	}

}
