package com.investtrack.operations;

import java.time.Duration;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The job executor (it runs the threshold timers) seen through the engine's own counters
 * of this node: acquisition attempts, jobs acquired, jobs another node locked first, and
 * executions by outcome; plus the backlog of jobs that are due, from the shared database
 * (at most once per {@code app.operations.gauge-cache-ttl}).
 * <p>
 * The engine counts in memory ({@code camunda.bpm.metrics.enabled}, on by default) and
 * its database reporter would write the counts to ACT_RU_METER_LOG every 15 minutes and
 * reset them, which nothing here reads; it is switched off
 * ({@code camunda.bpm.metrics.db-reporter-activate=false}), so the counters only grow
 * from the node's start, as Prometheus counters must, and are bridged as they are.
 */
@Component
class JobExecutorMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(JobExecutorMetrics.class);

	private final ProcessEngine engine;

	private final ManagementService management;

	private final Duration freshFor;

	JobExecutorMetrics(ProcessEngine engine, ManagementService management,
			@Value("${app.operations.gauge-cache-ttl}") Duration freshFor) {
		this.engine = engine;
		this.management = management;
		this.freshFor = freshFor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MetricsRegistry counters = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getMetricsRegistry();
		if (counters == null) {
			log.warn("camunda.bpm.metrics.enabled=false: the job executor's counters are not available");
		}
		else {
			bridge(registry, counters, Metrics.JOB_ACQUISITION_ATTEMPT, "camunda.job.acquisition.attempts", null,
					"Times this node's job executor asked the database for due jobs");
			bridge(registry, counters, Metrics.JOB_ACQUIRED_SUCCESS, "camunda.job.acquired", null,
					"Jobs this node's job executor acquired (locked) to run");
			bridge(registry, counters, Metrics.JOB_ACQUIRED_FAILURE, "camunda.job.acquisition.failures", null,
					"Jobs this node tried to acquire but another node locked first");
			bridge(registry, counters, Metrics.JOB_SUCCESSFUL, "camunda.job.executions", "successful",
					"Job executions on this node by outcome");
			bridge(registry, counters, Metrics.JOB_FAILED, "camunda.job.executions", "failed",
					"Job executions on this node by outcome");
			bridge(registry, counters, Metrics.JOB_EXECUTION_REJECTED, "camunda.job.executions", "rejected",
					"Job executions on this node by outcome");
		}
		Gauge
			.builder("camunda.jobs.due",
					new CachedValue("due jobs", freshFor, () -> management.createJobQuery().executable().count()),
					CachedValue::get)
			.description("Jobs that are due and have retries left, waiting for any node's job executor")
			.strongReference(true)
			.register(registry);
	}

	private static void bridge(MeterRegistry registry, MetricsRegistry counters, String camundaName, String name,
			String outcome, String description) {
		Meter meter = counters.getDbMeterByName(camundaName);
		if (meter == null) {
			log.warn("The engine has no counter {}", camundaName);
			return;
		}
		var builder = FunctionCounter.builder(name, meter, Meter::get).description(description);
		if (outcome != null) {
			builder.tag("outcome", outcome);
		}
		builder.register(registry);
	}

}
