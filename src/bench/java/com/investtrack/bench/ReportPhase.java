package com.investtrack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.InvestTrackApplication;
import com.investtrack.calendar.WorkingDays;
import com.investtrack.common.Stage;

/**
 * (b): generates the projects into a fresh bench_app, restarts the product on it and
 * times both report endpoints over HTTP, then the same figures computed naively from
 * Camunda's history, and checks that both agree.
 */
final class ReportPhase {

	static final String REPORT_USER = "bench-reporter";

	private static final int OFFICERS = 40;

	private static final int MANAGERS = 8;

	private static final Duration NAIVE_LIMIT = Duration.ofMinutes(3);

	/** Starts the product's jar on bench_app. */
	@FunctionalInterface
	interface Starter {

		AppProcess start(Path jar, String name) throws Exception;

	}

	/**
	 * A report request, and the naive computation of the same figures where there is one.
	 */
	private record Variant(String label, String path, Supplier<Object> naive) {
	}

	private final Benchmark.Options options;

	private final Databases databases;

	private final Results results;

	private final Path workDir;

	ReportPhase(Benchmark.Options options, Databases databases, Results results, Path workDir) {
		this.options = options;
		this.databases = databases;
		this.results = results;
		this.workDir = workDir;
	}

	void run(Path appJar, Starter starter) throws Exception {
		databases.recreate(Databases.APP);
		try (ConfigurableApplicationContext engine = engineContext()) {
			seedUsers();
			DataGenerator.Summary summary = new DataGenerator(engine).generate(new DataGenerator.Settings(
					options.projects(), 20261127L, Databases.PARKS.stream().map(p -> p[0]).toList(),
					Databases.INDUSTRIES.stream().map(i -> i[0]).toList(), officers(), managers(), 4, true));
			results.generatedProjects = summary.projects();
			results.generatorSeconds = summary.seconds();
			results.generatedSummary = summary.describe();
			Benchmark.log("generated in %.0f s: %s".formatted(summary.seconds(), summary.describe()));
			NaiveReports naive = new NaiveReports(engine.getBean(HistoryService.class), Benchmark.ZONE, null,
					engine.getBean(WorkingDays.class));
			ObjectMapper json = engine.getBean(ObjectMapper.class);
			try (AppProcess app = starter.start(appJar, "app-with-data")) {
				results.appDataStart = app.awaitHealthy();
				Benchmark.log(
						"app healthy on %,d projects after %.2f s".formatted(summary.projects(), results.appDataStart));
				measure(app, naive, json);
			}
		}
	}

	private void measure(AppProcess app, NaiveReports naive, ObjectMapper json) throws Exception {
		int year = LocalDate.now(Benchmark.ZONE).getYear() - 2;
		List<Variant> variants = List.of(
				new Variant("time to production", "/api/reports/time-to-production",
						() -> naive.timeToProduction(null)),
				new Variant("time to production, one year", "/api/reports/time-to-production?year=" + year,
						() -> naive.timeToProduction(year)),
				new Variant("negotiation to signing", "/api/reports/durations?from=NEGOTIATION&to=SIGNING",
						() -> naive.durations(Stage.NEGOTIATION, Stage.SIGNING, null)),
				new Variant("negotiation to production, one year",
						"/api/reports/durations?from=NEGOTIATION&to=PRODUCTION&year=" + (year - 1),
						() -> naive.durations(Stage.NEGOTIATION, Stage.PRODUCTION, year - 1)),
				new Variant("time to production, park and asset model",
						"/api/reports/time-to-production?parkCode=JS-IMP&assetModel=HEAVY", null),
				new Variant("site to construction, industry",
						"/api/reports/durations?from=SITE_SELECTION&to=CONSTRUCTION&industryCode=EQUIPMENT", null),
				// the monthly bulletin (issue 13): computed on every request, lists included
				new Variant("monthly bulletin, January to June", "/api/reports/monthly?year=" + year + "&month=6",
						null),
				new Variant("monthly bulletin, the whole year", "/api/reports/monthly?year=" + (year - 1) + "&month=12",
						null));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString((REPORT_USER + ":" + Benchmark.PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (Variant v : variants) {
			IntStream.range(0, Math.max(5, options.reportRequests() / 10)).forEach(i -> get(http, app, auth, v.path()));
		}
		List<Latencies> ours = new ArrayList<>();
		results.appRssReports = app.peakRssDuring(() -> {
			for (Variant v : variants) {
				long[] micros = new long[options.reportRequests()];
				long start = System.nanoTime();
				for (int i = 0; i < micros.length; i++) {
					long t0 = System.nanoTime();
					get(http, app, auth, v.path());
					micros[i] = (System.nanoTime() - t0) / 1000;
				}
				ours.add(Latencies.of(1, micros, System.nanoTime() - start));
			}
		});
		List<Latencies> fresh = computedAfterEachChange(http, app, auth, json, variants);
		for (int i = 0; i < variants.size(); i++) {
			Variant v = variants.get(i);
			Latencies naiveLatencies = null;
			Boolean identical = null;
			if (v.naive() != null) {
				JsonNode answer = json.readTree(get(http, app, auth, v.path()));
				List<Long> micros = new ArrayList<>();
				long start = System.nanoTime();
				Object computed = null;
				for (int n = 0; n < options.naiveRequests()
						&& (n == 0 || System.nanoTime() - start < NAIVE_LIMIT.toNanos()); n++) {
					long t0 = System.nanoTime();
					computed = v.naive().get();
					micros.add((System.nanoTime() - t0) / 1000);
				}
				naiveLatencies = Latencies.of(1, micros.stream().mapToLong(Long::longValue).toArray(),
						System.nanoTime() - start);
				identical = answer.equals(json.valueToTree(computed));
				if (!identical) {
					Benchmark.log("DIFFERENT figures for " + v.path() + ":\n  ours:  " + answer + "\n  naive: "
							+ json.valueToTree(computed));
				}
			}
			results.reports.add(new Results.ReportFigures(v.label(), v.path(), ours.get(i), fresh.get(i),
					naiveLatencies, identical));
			Benchmark.log("%s: ours p50 %.1f ms p95 %.1f ms, computed p50 %.1f ms p95 %.1f ms%s".formatted(v.path(),
					ours.get(i).p50(), ours.get(i).p95(), fresh.get(i).p50(), fresh.get(i).p95(),
					naiveLatencies == null ? "" : "; naive p50 %.0f ms p95 %.0f ms; identical %s"
						.formatted(naiveLatencies.p50(), naiveLatencies.p95(), identical)));
		}
	}

	/**
	 * Each report requested right after a committed change, so that it is computed rather
	 * than answered from the report cache: the change is an edit of one project's name
	 * through the API (audited like every step), alternating between two names so that
	 * nothing else about the data moves.
	 */
	private List<Latencies> computedAfterEachChange(HttpClient http, AppProcess app, String auth, ObjectMapper json,
			List<Variant> variants) throws Exception {
		JsonNode project = json.readTree(get(http, app, auth, "/api/projects?size=1")).get("content").get(0);
		String editPath = "/api/projects/" + project.get("id").asLong();
		Map<String, Object> edit = new LinkedHashMap<>();
		for (String field : List.of("name", "investor", "industryCode", "parkCode", "assetModel",
				"investmentAmountYuan", "landAreaM2")) {
			edit.put(field, json.treeToValue(project.get(field), Object.class));
		}
		String name = project.get("name").asText();
		int samples = Math.max(10, options.reportRequests() / 5);
		List<Latencies> result = new ArrayList<>();
		int edits = 0;
		for (Variant v : variants) {
			long[] micros = new long[samples];
			long start = System.nanoTime();
			for (int i = 0; i < samples; i++) {
				edit.put("name", name + (++edits % 2 == 0 ? "" : " (edited)"));
				send(http, app, auth, "PUT", editPath, json.writeValueAsString(edit));
				long t0 = System.nanoTime();
				get(http, app, auth, v.path());
				micros[i] = (System.nanoTime() - t0) / 1000;
			}
			result.add(Latencies.of(1, micros, System.nanoTime() - start));
		}
		if (edits % 2 == 1) {
			edit.put("name", name);
			send(http, app, auth, "PUT", editPath, json.writeValueAsString(edit));
		}
		return result;
	}

	private static String get(HttpClient http, AppProcess app, String auth, String path) {
		return send(http, app, auth, "GET", path, null);
	}

	private static String send(HttpClient http, AppProcess app, String auth, String method, String path, String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", auth)
				.header("Accept", "application/json")
				.header("Content-Type", "application/json")
				.method(method,
						body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The product's own Spring context in this JVM, without its job executor: it creates
	 * the schema, and the generator and the naive computation use its engine and
	 * repositories.
	 */
	private ConfigurableApplicationContext engineContext() {
		return new SpringApplicationBuilder(InvestTrackApplication.class).profiles("mysql")
			.run("--spring.datasource.url=" + databases.url(Databases.APP),
					"--spring.datasource.username=" + databases.user(),
					"--spring.datasource.password=" + databases.password(), "--server.port=0", "--app.demo-data=false",
					"--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
					"--spring.main.banner-mode=off", "--logging.file.name=" + workDir.resolve("generator.log"));
	}

	private void seedUsers() throws Exception {
		String hash = new BCryptPasswordEncoder().encode(Benchmark.PASSWORD);
		List<String[]> users = new ArrayList<>();
		officers().forEach(o -> users.add(new String[] { o, "OFFICER" }));
		managers().forEach(m -> users.add(new String[] { m, "MANAGER" }));
		users.add(new String[] { REPORT_USER, "MANAGER" });
		try (var c = databases.connect(Databases.APP)) {
			Databases.seed(c, hash, users);
		}
	}

	private static List<String> officers() {
		return IntStream.rangeClosed(1, OFFICERS).mapToObj(i -> "officer-%02d".formatted(i)).toList();
	}

	private static List<String> managers() {
		return IntStream.rangeClosed(1, MANAGERS).mapToObj(i -> "manager-%02d".formatted(i)).toList();
	}

}
