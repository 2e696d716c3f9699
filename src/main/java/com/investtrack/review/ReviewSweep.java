package com.investtrack.review;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.investtrack.common.DatabaseFailures;
import com.investtrack.plan.Lights;
import com.investtrack.project.Health;
import com.investtrack.project.ProjectService;

/**
 * Compares the red projects with the active reviews and opens or closes reviews where
 * they differ. Each project is changed in a transaction (and engine command) of its own,
 * so one project's conflict with a concurrent step costs that project a retry at the next
 * run and nothing else; at most {@code app.lights.sweep-batch} reviews open per run, so a
 * first run over a large, long-neglected database does not hold the job's lock for long.
 * <p>
 * A run also stops starting projects once half the job executor's lock time has passed: a
 * run outlasting the lock would let another node acquire the same timer job and sweep the
 * same projects a second time (its commit then fails on the job's version and the engine
 * retries it). What is left waits for the next run; at least one project is done per run
 * so that a slow database still makes progress.
 */
@Service
class ReviewSweep {

	/** What one run did. */
	record Result(int red, int opened, int closed, int failed, int deferred) {
	}

	private static final Logger log = LoggerFactory.getLogger(ReviewSweep.class);

	private final StalledProjectReviews reviews;

	private final ProjectService projects;

	private final Lights lights;

	private final CommandExecutor newTransaction;

	private final int batch;

	private final Duration budget;

	ReviewSweep(StalledProjectReviews reviews, ProjectService projects, Lights lights,
			ProcessEngineConfiguration engine, @Value("${app.lights.sweep-batch:500}") int batch,
			@Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long jobLockMillis) {
		this.reviews = reviews;
		this.projects = projects;
		this.lights = lights;
		// the sweep runs inside the timer job's engine command; a command of its own per
		// project (new transaction,
		// new command context) keeps each project's review apart from the job and from
		// the other projects
		this.newTransaction = ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequiresNew();
		this.batch = batch;
		this.budget = Duration.ofMillis(jobLockMillis / 2);
	}

	Result run() {
		return run(System.nanoTime() + budget.toNanos());
	}

	/**
	 * One run that starts no project after {@code deadlineNanos} (of
	 * {@link System#nanoTime()}), except the first.
	 */
	Result run(long deadlineNanos) {
		List<Long> red = projects.ids(lights.condition(Health.RED));
		Set<Long> active = new HashSet<>(reviews.activeProjects());
		Set<Long> redSet = new HashSet<>(red);
		List<Long> toOpen = red.stream().filter(id -> !active.contains(id)).limit(batch).toList();
		List<Long> toClose = active.stream().filter(id -> !redSet.contains(id)).sorted().toList();
		int opened = 0;
		int closed = 0;
		int[] failed = { 0 };
		int done = 0;
		int total = toOpen.size() + toClose.size();
		for (; done < total; done++) {
			if (done > 0 && System.nanoTime() - deadlineNanos > 0) {
				break;
			}
			boolean open = done < toOpen.size();
			long id = open ? toOpen.get(done) : toClose.get(done - toOpen.size());
			if (each(id, open ? reviews::open : reviews::close, failed)) {
				if (open) {
					opened++;
				}
				else {
					closed++;
				}
			}
		}
		Result result = new Result(red.size(), opened, closed, failed[0], total - done);
		if (result.opened() + result.closed() + result.failed() + result.deferred() > 0) {
			log.info(
					"Light sweep: {} red, {} reviews opened, {} closed, {} to retry next run, {} left for it "
							+ "(time budget)",
					result.red(), result.opened(), result.closed(), result.failed(), result.deferred());
		}
		return result;
	}

	private boolean each(long projectId, LongPredicate change, int[] failed) {
		try {
			return newTransaction.execute(commandContext -> change.test(projectId));
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.isUnavailable(ex)) {
				throw ex;
			}
			failed[0]++;
			log.info("Light sweep: project {} left for the next run ({})", projectId, ex.toString());
			return false;
		}
	}

}
