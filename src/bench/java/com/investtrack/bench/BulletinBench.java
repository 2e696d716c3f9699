package com.investtrack.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.investtrack.InvestTrackApplication;
import com.investtrack.bulletin.Bulletin;
import com.investtrack.bulletin.BulletinPage;
import com.investtrack.bulletin.BulletinParts;
import com.investtrack.bulletin.BulletinService;
import com.investtrack.common.Role;
import com.investtrack.security.CurrentUser;

/**
 * The monthly bulletin (issue 13) at scale: {@code projects} projects (100,000 by
 * default) written straight into a database of its own ({@code bench_bulletin}, so that
 * it never disturbs the main benchmark's bench_app), with the rows the bulletin reads
 * (the project record, its agreed dates, its milestone days, funds in place by month, the
 * year's targets), then the bulletin computed in-process through {@link BulletinService}
 * for three periods, timed, with the statements the server received per bulletin. The
 * process instances, audit entries and milestone rows the bulletin never reads are left
 * out, which is what makes 100,000 projects take a minute rather than an hour.
 * <p>
 * {@code mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.investtrack.bench.BulletinBench
 * -Dexec.args="projects=100000 runs=10"}; the table goes to the console and to
 * target/bench/bulletin.md.
 */
public final class BulletinBench {

	/**
	 * The database's default name; {@code db=x_bulletin} (or
	 * {@code -Dbench.bulletin-db=x_bulletin}) lets two working copies bench on one
	 * server.
	 */
	static final String DATABASE = "bench_bulletin";

	private static final int BATCH = 2000;

	private BulletinBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new LinkedHashMap<>();
		for (String arg : String.join(" ", args).trim().split("\\s+")) {
			if (!arg.isBlank()) {
				String[] kv = arg.split("=", 2);
				a.put(kv[0], kv.length > 1 ? kv[1] : "true");
			}
		}
		int projects = Integer.parseInt(a.getOrDefault("projects", "100000"));
		int runs = Integer.parseInt(a.getOrDefault("runs", "10"));
		int years = Integer.parseInt(a.getOrDefault("years", "10"));
		String database = a.getOrDefault("db", System.getProperty("bench.bulletin-db", DATABASE));
		// generate=false times the data of the previous run again (the schema's new
		// migrations apply on start)
		boolean generate = Boolean.parseBoolean(a.getOrDefault("generate", "true"));
		Path out = Path.of(a.getOrDefault("out", "target/bench/bulletin.md"));
		// dump=dir writes each period's bulletin as JSON, to compare two versions of the
		// code figure by figure
		String dump = a.get("dump");
		// page=false leaves out the page's bounded bulletin (issue 15)
		boolean page = Boolean.parseBoolean(a.getOrDefault("page", "true"));
		// whole=false times the page's bulletin only
		boolean whole = Boolean.parseBoolean(a.getOrDefault("whole", "true"));
		// parts=true times each part of the page's fresh computation apart
		boolean parts = Boolean.parseBoolean(a.getOrDefault("parts", "false"));
		Databases databases = new Databases(
				a.getOrDefault("mysql",
						System.getenv().getOrDefault("BENCH_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/")),
				a.getOrDefault("mysql-user", System.getenv().getOrDefault("BENCH_MYSQL_USER", "root")),
				a.getOrDefault("mysql-password", System.getenv().getOrDefault("BENCH_MYSQL_PASSWORD", "")));
		if (generate) {
			databases.recreate(database);
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(InvestTrackApplication.class)
			.profiles("mysql")
			.run("--spring.datasource.url=" + databases.url(database),
					"--spring.datasource.username=" + databases.user(),
					"--spring.datasource.password=" + databases.password(), "--server.port=0", "--app.demo-data=false",
					"--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
					"--spring.main.banner-mode=off")) {
			long t0 = System.nanoTime();
			String counts = "the data of the previous run";
			if (generate) {
				try (Connection c = databases.connect(database)) {
					Databases.seed(c, new BCryptPasswordEncoder().encode("bench"),
							List.<String[]>of(new String[] { "bench-officer", "OFFICER" }));
				}
				counts = generate(databases, database, projects, years);
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			Benchmark.log("generated in %.0f s: %s".formatted(seconds, counts));
			StringBuilder md = new StringBuilder("## The monthly bulletin at %,d projects\n\n".formatted(projects))
				.append("Data (written straight into ")
				.append(database)
				.append(" in %.0f s): ".formatted(seconds))
				.append(counts)
				.append(".\n\n| period | runs | p50 ms | max ms | statements per bulletin | red | signed not started "
						+ "| built not producing | idle land |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
						+ "| ---: |\n");
			BulletinService bulletins = app.getBean(BulletinService.class);
			CurrentUser reader = new CurrentUser("bench-officer", Set.of(Role.MANAGER));
			LocalDate today = bulletins.today();
			int[][] periods = { { today.getYear() - 1, 6 }, { today.getYear() - 1, 12 },
					{ today.getYear(), today.getMonthValue() } };
			for (int[] p : whole ? periods : new int[0][]) {
				for (int i = 0; i < 2; i++) {
					bulletins.monthly(p[0], p[1], reader);
				}
				long[] micros = new long[runs];
				long statements = databases.statements();
				Bulletin b = null;
				for (int i = 0; i < runs; i++) {
					long s = System.nanoTime();
					b = bulletins.monthly(p[0], p[1], reader);
					micros[i] = (System.nanoTime() - s) / 1000;
				}
				double perRun = (databases.statements() - statements) / (double) runs;
				if (dump != null) {
					Path file = Path.of(dump, "bulletin-%d-%02d.json".formatted(p[0], p[1]));
					Files.createDirectories(file.toAbsolutePath().getParent());
					Files.writeString(file,
							app.getBean(ObjectMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(b));
				}
				Arrays.sort(micros);
				String row = "| %d, 1–%d月 | %d | %.0f | %.0f | %.1f | %,d | %,d | %,d | %,d |".formatted(p[0], p[1],
						runs, micros[runs / 2] / 1000.0, micros[runs - 1] / 1000.0, perRun, b.lists().red().size(),
						b.lists().signedNotStarted().size(), b.lists().builtNotProducing().size(),
						b.lists().idleLand().size());
				Benchmark.log(row);
				md.append(row).append('\n');
			}
			md.append("\nThe statements are the server's Questions counter over the runs, divided by the runs: "
					+ "other clients of the server count too.\n");
			if (page) {
				pages(md, databases, database, bulletins, reader, periods, runs, dump, app.getBean(ObjectMapper.class));
			}
			if (parts) {
				md.append("\n### The page's fresh computation by part\n\n")
					.append(BulletinParts.table(app, periods, 100, runs));
			}
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, md);
			System.out.println(md);
		}
		System.exit(0);
	}

	/**
	 * The page's bounded bulletin (issue 15: the first 100 entries of each list and the
	 * lists' sizes), as the page asks for it: right after a committed change (the audit
	 * chain's head moved on, as every audited write moves it, so the page's cache does not
	 * answer) and repeated.
	 */
	private static void pages(StringBuilder md, Databases databases, String database, BulletinService bulletins,
			CurrentUser reader, int[][] periods, int runs, String dump, ObjectMapper json)
			throws SQLException, java.io.IOException {
		md.append("\n### The page's bounded bulletin (first 100 of each list)\n\n| period | runs "
				+ "| after a change p50 ms | after a change max ms | repeated p50 ms | repeated max ms "
				+ "| statements after a change | red |\n"
				+ "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		try (Connection c = databases.connect(database);
				PreparedStatement change = c.prepareStatement("UPDATE audit_head SET last_seq = last_seq + 1")) {
			for (int[] p : periods) {
				for (int i = 0; i < 2; i++) {
					change.executeUpdate();
					bulletins.page(p[0], p[1], 100, reader);
				}
				long[] fresh = new long[runs];
				long statements = 0;
				BulletinPage shown = null;
				for (int i = 0; i < runs; i++) {
					change.executeUpdate();
					long before = databases.statements();
					long s = System.nanoTime();
					shown = bulletins.page(p[0], p[1], 100, reader);
					fresh[i] = (System.nanoTime() - s) / 1000;
					statements += databases.statements() - before;
				}
				long[] repeated = new long[runs];
				for (int i = 0; i < runs; i++) {
					long s = System.nanoTime();
					bulletins.page(p[0], p[1], 100, reader);
					repeated[i] = (System.nanoTime() - s) / 1000;
				}
				if (dump != null) {
					Path file = Path.of(dump, "page-%d-%02d.json".formatted(p[0], p[1]));
					Files.createDirectories(file.toAbsolutePath().getParent());
					Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(shown));
				}
				Arrays.sort(fresh);
				Arrays.sort(repeated);
				String row = "| %d, 1–%d月 | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %,d |".formatted(p[0], p[1], runs,
						fresh[runs / 2] / 1000.0, fresh[runs - 1] / 1000.0, repeated[runs / 2] / 1000.0,
						repeated[runs - 1] / 1000.0, statements / (double) runs, shown.totals().red());
				Benchmark.log(row);
				md.append(row).append('\n');
			}
		}
	}

	/**
	 * Projects whose first talk falls in the last {@code years} years (ten by default, so
	 * that milestones, funds and targets cover ten years of bulletins), each going on to
	 * the next milestone with a fixed chance after 20 to 200 days (never beyond today),
	 * one in ten dropped before construction; agreed dates for construction and
	 * production from signing; one to four months of funds after signing; targets for
	 * each year and park.
	 */
	private static String generate(Databases databases, String database, int projects, int years) throws SQLException {
		Random random = new Random(20261202L);
		LocalDate today = LocalDate.now(Benchmark.ZONE);
		Instant now = Instant.now();
		List<String[]> parks = Databases.PARKS;
		List<String[]> industries = Databases.INDUSTRIES;
		double[] goOn = { 0.8, 0.75, 0.8, 0.65 };
		int[] reached = new int[5];
		int dropped = 0;
		long fundsRows = 0;
		try (Connection c = DriverManager.getConnection(databases.url(database) + "&rewriteBatchedStatements=true",
				databases.user(), databases.password())) {
			c.setAutoCommit(false);
			PreparedStatement project = c.prepareStatement("""
					INSERT INTO project (id, code, name, investor, industry_code, park_code, asset_model,
					  investment_amount_yuan, officer, stage, stage_entered_on, outcome, dropped_on, created_at,
					  created_by, version, total_investment_wan, contracted_investment_wan, fixed_asset_investment_wan,
					  land_mu, leader) VALUES (?, ?, ?, 'Investor', ?, ?, ?, ?, 'bench-officer', ?, ?, ?, ?, ?,
					  'bench-officer', 0, ?, ?, ?, ?, NULL)""");
			PreparedStatement timeline = c.prepareStatement("""
					INSERT INTO milestone_timeline (project_id, park_code, industry_code, asset_model, negotiation_day,
					  signing_day, site_selection_day, construction_day, production_day, contracted_investment_wan)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
			PreparedStatement plan = c.prepareStatement("""
					INSERT INTO project_plan (project_id, construction_on, production_on, baseline_construction_on,
					  baseline_production_on) VALUES (?, ?, ?, ?, ?)""");
			PreparedStatement funds = c.prepareStatement("""
					INSERT INTO project_funds (project_id, funds_month, amount_wan, recorded_by, recorded_at)
					VALUES (?, ?, ?, 'bench-officer', ?)""");
			for (int id = 1; id <= projects; id++) {
				String[] park = parks.get(random.nextInt(parks.size()));
				String industry = industries.get(random.nextInt(industries.size()))[0];
				String asset = random.nextInt(3) == 0 ? "LIGHT" : "HEAVY";
				LocalDate[] on = new LocalDate[5];
				on[0] = today.minusDays(30 + random.nextInt(years * 365));
				int last = 0;
				for (int s = 1; s < 5; s++) {
					LocalDate next = on[s - 1].plusDays(20 + random.nextInt(180));
					if (random.nextDouble() >= goOn[s - 1] || next.isAfter(today)) {
						break;
					}
					on[s] = next;
					last = s;
				}
				for (int s = 0; s <= last; s++) {
					reached[s]++;
				}
				LocalDate droppedOn = last < 3 && random.nextInt(10) == 0 ? on[last].plusDays(10) : null;
				if (droppedOn != null && droppedOn.isAfter(today)) {
					droppedOn = null;
				}
				dropped += droppedOn == null ? 0 : 1;
				int wan = 1000 + random.nextInt(60000);
				String stage = new String[] { "NEGOTIATION", "SIGNING", "SITE_SELECTION", "CONSTRUCTION",
						"PRODUCTION" }[last];
				String outcome = droppedOn != null ? "DROPPED" : last == 4 ? "IN_PRODUCTION" : "ACTIVE";
				project.setLong(1, id);
				project.setString(2, "B" + id);
				project.setString(3, "Bench project " + id);
				project.setString(4, industry);
				project.setString(5, park[0]);
				project.setString(6, asset);
				project.setBigDecimal(7, BigDecimal.valueOf(wan * 10000L));
				project.setString(8, stage);
				project.setDate(9, Date.valueOf(on[last]));
				project.setString(10, outcome);
				project.setDate(11, droppedOn == null ? null : Date.valueOf(droppedOn));
				project.setTimestamp(12, Timestamp.from(now));
				project.setBigDecimal(13, BigDecimal.valueOf(wan));
				project.setBigDecimal(14, BigDecimal.valueOf(wan));
				project.setBigDecimal(15, BigDecimal.valueOf(wan * 7L / 10));
				project.setBigDecimal(16, BigDecimal.valueOf(20 + random.nextInt(300)));
				project.addBatch();
				timeline.setLong(1, id);
				timeline.setString(2, park[0]);
				timeline.setString(3, industry);
				timeline.setString(4, asset);
				for (int s = 0; s < 5; s++) {
					if (on[s] == null) {
						timeline.setNull(5 + s, java.sql.Types.INTEGER);
					}
					else {
						timeline.setLong(5 + s, on[s].toEpochDay());
					}
				}
				// the project's contracted investment, copied as the product copies it (V18)
				timeline.setBigDecimal(10, BigDecimal.valueOf(wan));
				timeline.addBatch();
				LocalDate construction = on[1] == null ? null : on[1].plusDays(120 + random.nextInt(120));
				LocalDate production = construction == null ? null : construction.plusDays(300 + random.nextInt(200));
				plan.setLong(1, id);
				plan.setDate(2, construction == null ? null : Date.valueOf(construction));
				plan.setDate(3, production == null ? null : Date.valueOf(production));
				plan.setDate(4, construction == null ? null : Date.valueOf(construction));
				plan.setDate(5, production == null ? null : Date.valueOf(production));
				plan.addBatch();
				if (on[1] != null) {
					YearMonth month = YearMonth.from(on[1]);
					for (int m = 0; m < 1 + random.nextInt(4) && !month.isAfter(YearMonth.from(today)); m++) {
						funds.setLong(1, id);
						funds.setDate(2, Date.valueOf(month.atDay(1)));
						funds.setBigDecimal(3, BigDecimal.valueOf(wan / 8));
						funds.setTimestamp(4, Timestamp.from(now));
						funds.addBatch();
						fundsRows++;
						month = month.plusMonths(1 + random.nextInt(3));
					}
				}
				if (id % BATCH == 0 || id == projects) {
					project.executeBatch();
					timeline.executeBatch();
					plan.executeBatch();
					funds.executeBatch();
					c.commit();
				}
			}
			PreparedStatement targets = c.prepareStatement("""
					INSERT INTO target_park (target_year, park_code, signed_projects, contracted_investment_wan,
					  started_projects, production_projects, funds_in_place_wan, major_project_wan, changed_by,
					  changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 10000, 'bench-officer', ?)""");
			List<Integer> targetYears = new ArrayList<>();
			for (int y = today.getYear() - years; y <= today.getYear(); y++) {
				targetYears.add(y);
				for (String[] park : parks) {
					targets.setInt(1, y);
					targets.setString(2, park[0]);
					targets.setInt(3, projects / 80);
					targets.setBigDecimal(4, BigDecimal.valueOf(projects * 300L));
					targets.setInt(5, projects / 100);
					targets.setInt(6, projects / 150);
					targets.setBigDecimal(7, BigDecimal.valueOf(projects * 60L));
					targets.setTimestamp(8, Timestamp.from(now));
					targets.addBatch();
				}
			}
			targets.executeBatch();
			c.commit();
			return "%,d projects (%,d signed, %,d with land, %,d started, %,d in production, %,d dropped), %,d funds "
				.formatted(projects, reached[1], reached[2], reached[3], reached[4], dropped, fundsRows)
					+ "rows, targets of every park for " + targetYears;
		}
	}

}
