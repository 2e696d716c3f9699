package com.investtrack.review;

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
import com.investtrack.project.ProjectRepository;

/**
 * Compares the red projects with the active reviews and opens or closes reviews where
 * they differ. Each project is changed in a transaction (and engine command) of its own,
 * so one project's conflict with a concurrent step costs that project a retry at the next
 * run and nothing else; at most {@code app.lights.sweep-batch} reviews open per run, so a
 * first run over a large, long-neglected database does not hold the job's lock for long.
 */
@Service
class ReviewSweep {

	/** What one run did. */
	record Result(int red, int opened, int closed, int failed) {
	}

	private static final Logger log = LoggerFactory.getLogger(ReviewSweep.class);

	private final StalledProjectReviews reviews;

	private final ProjectRepository projects;

	private final Lights lights;

	private final CommandExecutor newTransaction;

	private final int batch;

	ReviewSweep(StalledProjectReviews reviews, ProjectRepository projects, Lights lights,
			ProcessEngineConfiguration engine, @Value("${app.lights.sweep-batch:500}") int batch) {
		this.reviews = reviews;
		this.projects = projects;
		this.lights = lights;
		// the sweep runs inside the timer job's engine command; a command of its own per
		// project (new transaction,
		// new command context) keeps each project's review apart from the job and from
		// the other projects
		this.newTransaction = ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequiresNew();
		this.batch = batch;
	}

	Result run() {
		List<Long> red = projects.ids(lights.condition(Health.RED));
		Set<Long> active = new HashSet<>(reviews.activeProjects());
		Set<Long> redSet = new HashSet<>(red);
		int[] opened = { 0 };
		int[] failed = { 0 };
		red.stream().filter(id -> !active.contains(id)).limit(batch).forEach(id -> {
			if (each(id, reviews::open, failed)) {
				opened[0]++;
			}
		});
		int[] closed = { 0 };
		active.stream().filter(id -> !redSet.contains(id)).forEach(id -> {
			if (each(id, reviews::close, failed)) {
				closed[0]++;
			}
		});
		Result result = new Result(red.size(), opened[0], closed[0], failed[0]);
		if (result.opened() + result.closed() + result.failed() > 0) {
			log.info("Light sweep: {} red, {} reviews opened, {} closed, {} to retry next run", result.red(),
					result.opened(), result.closed(), result.failed());
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
