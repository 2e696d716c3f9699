package com.investtrack.bare;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The baseline side of the stage-step benchmark, driven over standard input so the application needs no endpoint of
 * its own. {@code run <clients> <steps>} runs exactly that many steps on the five-user-task model through Camunda's
 * Java API from that many threads; a step is starting an instance, or finding an instance's open task and completing
 * it. It answers one line: {@code PLAIN-RESULT <clients> <steps> <elapsed nanos> <latency micros,...>}.
 */
@Component
@ConditionalOnProperty(name = "bench.console", havingValue = "true")
class PlainStepsConsole {

	private static final String PROCESS = "five-user-tasks";

	private static final int TASKS = 5;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final AtomicLong instances = new AtomicLong();

	PlainStepsConsole(RuntimeService runtime, TaskService tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	@EventListener(ApplicationReadyEvent.class)
	void listen() {
		Thread console = new Thread(this::readCommands, "plain-steps-console");
		console.setDaemon(true);
		console.start();
	}

	private void readCommands() {
		try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				String[] words = line.trim().split("\\s+");
				if (words.length == 3 && words[0].equals("run")) {
					run(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
				}
				else if (!line.isBlank()) {
					System.out.println("PLAIN-ERROR unknown command: " + line);
				}
			}
		}
		catch (Exception ex) {
			System.out.println("PLAIN-ERROR " + ex);
		}
	}

	private void run(int clients, int steps) throws Exception {
		AtomicInteger budget = new AtomicInteger(steps);
		long[] latencies = new long[steps];
		AtomicInteger recorded = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			futures.add(pool.submit(() -> {
				while (budget.get() > 0) {
					path(budget, latencies, recorded);
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get(30, TimeUnit.MINUTES);
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		var out = new StringBuilder("PLAIN-RESULT ").append(clients)
			.append(' ')
			.append(recorded.get())
			.append(' ')
			.append(elapsed)
			.append(' ');
		for (int i = 0; i < recorded.get(); i++) {
			out.append(i == 0 ? "" : ",").append(latencies[i]);
		}
		System.out.println(out);
	}

	/** One instance from start to end, one step at a time, while the run's step budget lasts. */
	private void path(AtomicInteger budget, long[] latencies, AtomicInteger recorded) {
		if (budget.getAndDecrement() <= 0) {
			return;
		}
		long t0 = System.nanoTime();
		String instanceId = runtime
			.startProcessInstanceByKey(PROCESS, "plain-" + instances.incrementAndGet(),
					Map.of("officer", "officer", "projectId", instances.get()))
			.getId();
		latencies[recorded.getAndIncrement()] = (System.nanoTime() - t0) / 1000;
		for (int i = 0; i < TASKS; i++) {
			if (budget.getAndDecrement() <= 0) {
				return;
			}
			long t1 = System.nanoTime();
			Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
			tasks.complete(task.getId(), Map.of("effectiveOn", LocalDate.now().toString()));
			latencies[recorded.getAndIncrement()] = (System.nanoTime() - t1) / 1000;
		}
	}

}
