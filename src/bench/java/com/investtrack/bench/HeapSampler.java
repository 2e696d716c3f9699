package com.investtrack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The application's heap as its Prometheus endpoint reports it (the sum over the heap
 * pools that report a value), sampled every 100 ms while a request runs: what the
 * ledger's import (d) and the exports of (b) use.
 */
final class HeapSampler {

	private final HttpClient http;

	private final AppProcess app;

	private final String auth;

	private volatile double peak;

	/** {@code auth}: an Authorization header allowed to read /actuator/prometheus. */
	HeapSampler(HttpClient http, AppProcess app, String auth) {
		this.http = http;
		this.app = app;
		this.auth = auth;
	}

	double usedMib() {
		return sum("jvm_memory_used_bytes");
	}

	double maxMib() {
		return sum("jvm_memory_max_bytes");
	}

	/** The peak of the last {@link #during} (MiB). */
	double peakMib() {
		return peak;
	}

	/** Runs the request while a thread samples the heap; its answer. */
	<T> T during(Supplier<T> request) throws InterruptedException {
		peak = usedMib();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					peak = Math.max(peak, usedMib());
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		try {
			return request.get();
		}
		finally {
			sampler.interrupt();
			sampler.join();
			peak = Math.max(peak, usedMib());
		}
	}

	/** A heap gauge summed over the pools that report a value (-1: no limit). */
	private double sum(String metric) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.header("Authorization", auth)
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
			}
			double bytes = 0;
			for (String line : response.body().split("\n")) {
				if (line.startsWith(metric + "{") && line.contains("area=\"heap\"")) {
					double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					if (value > 0) {
						bytes += value;
					}
				}
			}
			return bytes / 1048576.0;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the application's heap", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return peak;
		}
	}

}
