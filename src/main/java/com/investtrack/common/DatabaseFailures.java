package com.investtrack.common;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells the kinds of failure a cluster meets apart, whichever layer wrapped them (the
 * engine wraps MyBatis, MyBatis wraps JDBC, Spring wraps both):
 * <ul>
 * <li>the database being unreachable (restart, failover, pool exhausted), answered 503 so
 * that the client retries later;</li>
 * <li>a lock conflict with a concurrent transaction (deadlock, lock-wait timeout,
 * optimistic locking), after which the whole transaction was rolled back and may simply
 * run again; one that keeps losing is answered 503 too;</li>
 * <li>the state having moved on under the transaction: the engine found the task or
 * execution it was about to move already gone or moved by a concurrent transaction (a
 * step on another node, a timer). Running again meets the new state and gives the real
 * answer; if it keeps happening, 409;</li>
 * <li>a constraint violated by a write that a concurrent one got in first with (e.g. the
 * same milestone recorded twice), answered 409 without running again.</li>
 * </ul>
 */
public final class DatabaseFailures {

	/**
	 * MySQL/MariaDB: server shutdown in progress, connection killed, server gone away,
	 * connection lost.
	 */
	private static final Set<Integer> MYSQL_CONNECTION_ERRORS = Set.of(1053, 1927, 2006, 2013);

	/**
	 * The pool's answer for a connection it has already evicted because the database
	 * dropped it (no SQL state), e.g. when the failed transaction is rolled back.
	 */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	/** MySQL/MariaDB: lock-wait timeout, deadlock. */
	private static final Set<Integer> MYSQL_LOCK_ERRORS = Set.of(1205, 1213);

	/** H2: lock timeout, concurrent update of the same row. */
	private static final Set<Integer> H2_LOCK_ERRORS = Set.of(50200, 90131);

	/**
	 * The engine's PvmException for an execution whose activity a concurrent transaction
	 * ended (e.g. a threshold timer of the same process instance), seen as
	 * {@code cannot signal execution 42: it has no current activity}.
	 */
	private static final String NO_CURRENT_ACTIVITY = "has no current activity";

	/**
	 * The engine's messages for a task or execution that was there when the transaction
	 * looked and is gone when it acts: {@code Cannot find task with id 42: task is null},
	 * {@code execution 42 doesn't exist}.
	 */
	private static final Pattern VANISHED = Pattern
		.compile("Cannot find (task|execution)\\b|\\b(task|execution) \\S+ (doesn't|does not) exist");

	/**
	 * True when the failure means the database could not be reached or dropped the
	 * connection. A statement that timed out waiting for a row lock (H2 reports its lock
	 * timeout as a query timeout) is a lock conflict, not this.
	 */
	public static boolean isUnavailable(Throwable failure) {
		return anyInChain(failure,
				t -> t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
						|| t instanceof DataAccessResourceFailureException
						|| t instanceof RecoverableDataAccessException
						|| t instanceof TransientDataAccessResourceException
						|| (t instanceof QueryTimeoutException && !isLockConflict(t))
						|| t instanceof SQLTransientConnectionException
						|| t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
						|| t instanceof SocketException || t instanceof EOFException
						|| (t instanceof SQLException e && (startsWith(e.getSQLState(), "08")
								|| MYSQL_CONNECTION_ERRORS.contains(e.getErrorCode())
								|| HIKARI_CLOSED_CONNECTION.equals(e.getMessage()))));
	}

	/**
	 * True when the transaction lost a lock conflict and was rolled back as a whole, so
	 * running it again is safe: the second run sees what the winner committed.
	 */
	public static boolean isLockConflict(Throwable failure) {
		return anyInChain(failure, t -> t instanceof OptimisticLockingException
				|| t instanceof PessimisticLockingFailureException || t instanceof SQLTransactionRollbackException
				|| (t instanceof SQLException e && ("40001".equals(e.getSQLState())
						|| MYSQL_LOCK_ERRORS.contains(e.getErrorCode()) || H2_LOCK_ERRORS.contains(e.getErrorCode()))));
	}

	/**
	 * True when the engine found the process state changed under the transaction: the
	 * task or execution it was moving was completed, ended or moved by a concurrent one.
	 * The transaction was rolled back; running it again meets the new state.
	 */
	public static boolean isStateMovedOn(Throwable failure) {
		return anyInChain(failure,
				t -> t.getMessage() != null
						&& ((t instanceof PvmException && t.getMessage().contains(NO_CURRENT_ACTIVITY))
								|| ((t instanceof NullValueException || t instanceof NotFoundException)
										&& VANISHED.matcher(t.getMessage()).find())));
	}

	/**
	 * True when a write broke a constraint, in this product because a concurrent request
	 * did the same thing first (the unique key of a project's milestone per stage, of a
	 * user name, of a park code).
	 */
	public static boolean isConstraintViolation(Throwable failure) {
		return anyInChain(failure, t -> t instanceof DataIntegrityViolationException
				|| t instanceof SQLIntegrityConstraintViolationException);
	}

	/**
	 * Searches the failure and everything it carries: causes, the driver's chained
	 * exceptions of a batch, and the exception a failed rollback displaced (Spring throws
	 * the rollback's failure and keeps the original aside).
	 */
	private static boolean anyInChain(Throwable failure, Predicate<Throwable> test) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.push(failure);
		while (!pending.isEmpty()) {
			Throwable t = pending.pop();
			if (!seen.add(t)) {
				continue;
			}
			if (test.test(t)) {
				return true;
			}
			if (t.getCause() != null) {
				pending.push(t.getCause());
			}
			if (t instanceof SQLException e && e.getNextException() != null) {
				pending.push(e.getNextException());
			}
			if (t instanceof TransactionSystemException e && e.getApplicationException() != null) {
				pending.push(e.getApplicationException());
			}
		}
		return false;
	}

	private static boolean startsWith(String value, String prefix) {
		return value != null && value.startsWith(prefix);
	}

	private DatabaseFailures() {
	}

}
