package com.investtrack.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.ledger.LedgerReading;

/**
 * (d): the Excel ledger's import (issue 11). Builds a 5,000-row ledger, 60 % of it in
 * flight, and measures in this JVM what reading it allocates and keeps, streaming against
 * POI's whole-workbook model; then starts the product on a fresh bench_ledger with a
 * bounded heap and times the preview, the confirmation and a second preview of the same
 * file over HTTP, sampling the application's heap through /actuator/prometheus.
 */
final class LedgerPhase {

	static final String IMPORTER = "bench-importer";

	static final String ADMIN = "bench-admin";

	/** The application's heap in this phase: the import has to fit in it. */
	static final String HEAP = "-Xmx512m";

	private static final int OFFICERS = 40;

	private static final Duration REQUEST_LIMIT = Duration.ofMinutes(5);

	/** Starts the product's jar on bench_ledger with extra JVM options. */
	@FunctionalInterface
	interface Starter {

		AppProcess start(Path jar, String name, String database, List<String> jvmOptions) throws Exception;

	}

	private final Benchmark.Options options;

	private final Databases databases;

	private final Results results;

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	LedgerPhase(Benchmark.Options options, Databases databases, Results results) {
		this.options = options;
		this.databases = databases;
		this.results = results;
	}

	void run(Path appJar, Starter starter) throws Exception {
		LocalDate today = LocalDate.now(Benchmark.ZONE);
		List<String> officers = IntStream.rangeClosed(1, OFFICERS)
			.mapToObj(i -> "ledger-officer-%02d".formatted(i))
			.toList();
		LedgerFile.Ledger ledger = LedgerFile.build(options.ledgerRows(), 20261202L, today, officers);
		Results.LedgerFigures f = new Results.LedgerFigures();
		f.date = Machine.describe(databases.serverVersion(), databases.durability()).date();
		f.load = Machine.currentLoad();
		f.rows = ledger.rows();
		f.inFlight = ledger.inFlight();
		f.fileKib = ledger.content().length / 1024.0;
		results.ledger = f;
		Benchmark.log("ledger: %,d rows, %,d in flight, %.0f KiB".formatted(f.rows, f.inFlight, f.fileKib));
		readingMemory(ledger.content(), f);
		databases.recreate(Databases.LEDGER);
		List<String> jvm = new ArrayList<>(options.jvmOptions());
		if (jvm.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
			jvm.add(HEAP);
		}
		f.jvmOptions = String.join(" ", jvm);
		try (AppProcess app = starter.start(appJar, "app-ledger", Databases.LEDGER, jvm)) {
			app.awaitHealthy();
			seedUsers(officers);
			String importer = auth(IMPORTER);
			HeapSampler heap = new HeapSampler(http, app, auth(ADMIN));
			f.heapMaxMib = heap.maxMib();
			// warm-up: a small ledger previewed, never confirmed, so that the first
			// request's class loading is not timed
			preview(app, importer, LedgerFile.build(100, 1L, today, officers).content());
			f.heapBeforeMib = heap.usedMib();
			long t0 = System.nanoTime();
			JsonNode preview = heap.during(() -> preview(app, importer, ledger.content()));
			f.previewSeconds = (System.nanoTime() - t0) / 1e9;
			f.heapPeakPreviewMib = heap.peakMib();
			f.newRows = preview.at("/counts/NEW").asInt();
			f.errorRows = preview.at("/counts/ERROR").asInt();
			if (f.errorRows > 0) {
				Benchmark.log("ledger rows in error, e.g. " + preview.at("/rows")
					.findValues("errors")
					.stream()
					.filter(e -> !e.isEmpty())
					.limit(3)
					.toList());
			}
			Benchmark.log("preview: %.1f s, NEW %d, ERROR %d, heap peak %.0f MiB of %.0f".formatted(f.previewSeconds,
					f.newRows, f.errorRows, f.heapPeakPreviewMib, f.heapMaxMib));
			String id = preview.get("id").asText();
			long statements = databases.statements();
			double cpu = app.cpuMillis();
			t0 = System.nanoTime();
			JsonNode confirmed = heap.during(() -> send(app, importer, "/api/imports/" + id + "/confirm",
					HttpRequest.BodyPublishers.noBody(), "application/json"));
			f.confirmSeconds = (System.nanoTime() - t0) / 1e9;
			f.heapPeakConfirmMib = heap.peakMib();
			f.confirmAppCpuSeconds = (app.cpuMillis() - cpu) / 1000;
			// the server's counter counts every client's statements, the heap sampler's
			// none (it asks the application), the benchmark's own two reads
			f.confirmStatements = databases.statements() - statements - 2;
			f.created = confirmed.get("created").asInt();
			Benchmark.log("confirm: %.1f s, created %d, heap peak %.0f MiB, %,d statements, %.1f s CPU".formatted(
					f.confirmSeconds, f.created, f.heapPeakConfirmMib, f.confirmStatements, f.confirmAppCpuSeconds));
			t0 = System.nanoTime();
			JsonNode again = heap.during(() -> preview(app, importer, ledger.content()));
			f.againSeconds = (System.nanoTime() - t0) / 1e9;
			f.heapPeakAgainMib = heap.peakMib();
			f.unchangedRows = again.at("/counts/UNCHANGED").asInt();
			Benchmark.log("preview again: %.1f s, UNCHANGED %d".formatted(f.againSeconds, f.unchangedRows));
			f.rssPeakMib = app.rssMib();
		}
	}

	/**
	 * Reads the ledger twice in this JVM, each after a full collection: with the
	 * product's streaming reader, and as POI's whole workbook (what the import did
	 * before). Allocated: bytes the reading thread allocated; kept: the heap still used
	 * by the result after another collection.
	 */
	private static void readingMemory(byte[] content, Results.LedgerFigures f) throws IOException {
		LedgerReading.rows(content);
		double[] streaming = measure(() -> LedgerReading.rows(content));
		double[] workbook = measure(() -> {
			try (var in = new ByteArrayInputStream(content)) {
				return new XSSFWorkbook(in);
			}
		});
		f.streamAllocatedMib = streaming[0];
		f.streamKeptMib = streaming[1];
		f.workbookAllocatedMib = workbook[0];
		f.workbookKeptMib = workbook[1];
		Benchmark.log("reading: streaming allocates %.0f MiB and keeps %.1f MiB; whole workbook %.0f MiB and %.1f MiB"
			.formatted(streaming[0], streaming[1], workbook[0], workbook[1]));
	}

	private static double[] measure(Reading reading) throws IOException {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		System.gc();
		long usedBefore = memory.getHeapMemoryUsage().getUsed();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		Object result = reading.read();
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		System.gc();
		System.gc();
		long kept = memory.getHeapMemoryUsage().getUsed() - usedBefore;
		if (result instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
		}
		return new double[] { allocated / 1048576.0, Math.max(0, kept) / 1048576.0 };
	}

	@FunctionalInterface
	private interface Reading {

		Object read() throws IOException;

	}

	private JsonNode preview(AppProcess app, String auth, byte[] content) {
		String boundary = "bench-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"台账.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(app, auth, "/api/imports", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	private JsonNode send(AppProcess app, String auth, String path, HttpRequest.BodyPublisher body,
			String contentType) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
				.timeout(REQUEST_LIMIT)
				.header("Authorization", auth)
				.header("Accept", "application/json")
				.header("Content-Type", contentType)
				.POST(body)
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("POST " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void seedUsers(List<String> officers) throws Exception {
		String hash = new BCryptPasswordEncoder().encode(Benchmark.PASSWORD);
		List<String[]> users = new ArrayList<>();
		officers.forEach(o -> users.add(new String[] { o, "OFFICER" }));
		users.add(new String[] { IMPORTER, "MANAGER" });
		users.add(new String[] { ADMIN, "ADMIN" });
		try (var c = databases.connect(Databases.LEDGER)) {
			Databases.seed(c, hash, users);
		}
	}

	private static String auth(String user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + Benchmark.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
