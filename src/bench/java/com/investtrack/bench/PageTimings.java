package com.investtrack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * (b), the pages and the exports (issue 15): the board, project pages, the dashboard and
 * the bulletin page timed over loopback HTTP as the report user (Basic authentication,
 * which the pages accept like the API), repeated and right after a committed change; and
 * the exports of all projects read to their last byte while the application's heap is
 * sampled from /actuator/prometheus.
 */
final class PageTimings {

	/** A page variant; several paths are requested in turn (e.g. different projects). */
	record Page(String label, List<String> paths) {
	}

	/** Per variant: the wall time after which no further sample is taken. */
	private static final Duration VARIANT_LIMIT = Duration.ofSeconds(60);

	private static final Duration REQUEST_LIMIT = Duration.ofMinutes(5);

	private final HttpClient http;

	private final AppProcess app;

	private final String auth;

	PageTimings(HttpClient http, AppProcess app, String auth) {
		this.http = http;
		this.app = app;
		this.auth = auth;
	}

	/**
	 * Each page {@code samples} times while the data stands still, then
	 * {@code freshSamples} times each right after {@code change} (untimed), so that no
	 * cache answers; each variant stops early after {@link #VARIANT_LIMIT}.
	 */
	List<Results.PageFigures> time(List<Page> pages, int samples, int freshSamples, Runnable change) {
		for (Page p : pages) {
			p.paths().forEach(this::get);
		}
		List<Results.PageFigures> figures = new ArrayList<>();
		for (Page p : pages) {
			Latencies repeated = sample(p, samples, null);
			Latencies fresh = sample(p, freshSamples, change);
			figures.add(new Results.PageFigures(p.label(), p.paths().get(0), p.paths().size(), repeated, fresh));
			Benchmark.log("page %s: p50 %.1f ms p95 %.1f ms (%d); after a change p50 %.1f ms p95 %.1f ms (%d)"
				.formatted(p.paths().get(0), repeated.p50(), repeated.p95(), repeated.count(), fresh.p50(), fresh.p95(),
						fresh.count()));
		}
		return figures;
	}

	private Latencies sample(Page p, int samples, Runnable change) {
		List<Long> micros = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < samples && (i < 5 || System.nanoTime() - start < VARIANT_LIMIT.toNanos()); i++) {
			if (change != null) {
				change.run();
			}
			String path = p.paths().get(i % p.paths().size());
			long t0 = System.nanoTime();
			get(path);
			micros.add((System.nanoTime() - t0) / 1000);
		}
		return Latencies.of(1, micros.stream().mapToLong(Long::longValue).toArray(), System.nanoTime() - start);
	}

	private void get(String path) {
		try {
			HttpResponse<InputStream> response = http.send(request(path, "text/html"),
					HttpResponse.BodyHandlers.ofInputStream());
			long bytes;
			try (InputStream in = response.body()) {
				bytes = in.transferTo(OutputStreamSink.INSTANCE);
			}
			if (response.statusCode() != 200 || bytes == 0) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An export read to its last byte: seconds to the first and the last byte, bytes, and
	 * the heap's peak meanwhile ({@code adminAuth} reads the Prometheus endpoint).
	 */
	Results.ExportFigures export(String label, String path, String adminAuth) throws InterruptedException {
		HeapSampler heap = new HeapSampler(http, app, adminAuth);
		double before = heap.usedMib();
		double max = heap.maxMib();
		long[] firstAndLast = new long[2];
		long[] bytes = new long[1];
		long t0 = System.nanoTime();
		heap.during(() -> {
			try {
				HttpResponse<InputStream> response = http.send(request(path, "*/*"),
						HttpResponse.BodyHandlers.ofInputStream());
				try (InputStream in = response.body()) {
					byte[] buffer = new byte[65536];
					int n = in.read(buffer);
					firstAndLast[0] = System.nanoTime();
					while (n >= 0) {
						bytes[0] += n;
						n = in.read(buffer);
					}
				}
				firstAndLast[1] = System.nanoTime();
				if (response.statusCode() != 200) {
					throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
				}
				return null;
			}
			catch (IOException ex) {
				throw new IllegalStateException("GET " + path, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
		Results.ExportFigures f = new Results.ExportFigures(label, path, (firstAndLast[0] - t0) / 1e9,
				(firstAndLast[1] - t0) / 1e9, bytes[0], before, heap.peakMib(), max);
		Benchmark.log("export %s: first byte %.1f s, last byte %.1f s, %,d bytes, heap %.0f -> peak %.0f of %.0f MiB"
			.formatted(path, f.firstByteSeconds(), f.seconds(), f.bytes(), before, f.heapPeakMib(), max));
		return f;
	}

	private HttpRequest request(String path, String accept) {
		return HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
			.timeout(REQUEST_LIMIT)
			.header("Authorization", auth)
			.header("Accept", accept)
			.GET()
			.build();
	}

	/** Discards what it is given: the pages are read to their end, not kept. */
	private static final class OutputStreamSink extends java.io.OutputStream {

		static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

}
