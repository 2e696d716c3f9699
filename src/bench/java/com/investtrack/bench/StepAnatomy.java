package com.investtrack.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a step's statements go: the database server's general log (to its table) is on
 * for exactly one step, or one path, and the statements that the application's own
 * connections (those whose schema is the side's database) sent meanwhile are sorted into
 * the parts of a step that cost them. Counted by the server, one side at a time, outside
 * the timed rounds.
 */
final class StepAnatomy {

	/** The parts, in the order of the table's columns. */
	static final List<String> PARTS = List.of("transaction", "authentication", "product reads", "product writes",
			"audit chain", "engine reads", "engine writes", "engine history", "other");

	/** One step (or the mean of several) of one side: statements per part. */
	record Row(String side, String step, double[] counts) {

		double total() {
			double t = 0;
			for (double c : counts) {
				t += c;
			}
			return t;
		}

	}

	private static final Pattern WRITE = Pattern.compile("^\\s*(insert|update|delete|replace)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TABLE = Pattern.compile("\\b(from|into|update)\\s+`?([a-z_0-9]+)");

	private final Databases databases;

	StepAnatomy(Databases databases) {
		this.databases = databases;
	}

	/**
	 * Runs the action with the general log on and sorts what {@code database}'s
	 * connections sent.
	 */
	Row capture(String side, String step, String database, int steps, Action action) throws Exception {
		try (Connection c = databases.connect(database); Statement s = c.createStatement()) {
			s.execute("SET GLOBAL general_log = 0");
			s.execute("TRUNCATE TABLE mysql.general_log");
			s.execute("SET GLOBAL log_output = 'TABLE'");
			s.execute("SET GLOBAL general_log = 1");
			try {
				action.run();
			}
			finally {
				s.execute("SET GLOBAL general_log = 0");
			}
			double[] counts = new double[PARTS.size()];
			try (var rs = s.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE "
					+ "command_type IN ('Query', 'Execute') AND thread_id IN (SELECT id FROM "
					+ "information_schema.processlist WHERE db = '" + database + "' AND id <> CONNECTION_ID())")) {
				while (rs.next()) {
					counts[PARTS.indexOf(part(rs.getString(1)))]++;
				}
			}
			s.execute("TRUNCATE TABLE mysql.general_log");
			for (int i = 0; i < counts.length; i++) {
				counts[i] /= steps;
			}
			return new Row(side, step, counts);
		}
	}

	/**
	 * The part of a step a statement serves: by the first table it names (after FROM,
	 * INTO or UPDATE), so that a project query joining the user table stays a product
	 * read.
	 */
	static String part(String sql) {
		String s = sql.toLowerCase(Locale.ROOT).trim();
		if (s.startsWith("set autocommit") || s.equals("commit") || s.equals("rollback")
				|| s.startsWith("set session transaction") || s.startsWith("set transaction")) {
			return "transaction";
		}
		boolean write = WRITE.matcher(s).find();
		Matcher table = TABLE.matcher(s);
		String t = table.find() ? table.group(2) : "";
		if (t.startsWith("app_user") || t.equals("login_attempt") || t.startsWith("act_id_")
				|| t.startsWith("spring_session")) {
			return "authentication";
		}
		if (t.startsWith("audit_")) {
			return "audit chain";
		}
		if (t.startsWith("act_hi_")) {
			return "engine history";
		}
		if (t.startsWith("act_")) {
			return write ? "engine writes" : "engine reads";
		}
		if (s.startsWith("select") || s.startsWith("with")) {
			return "product reads";
		}
		return write ? "product writes" : "other";
	}

	interface Action {

		void run() throws Exception;

	}

	static List<Row> mean(String side, List<Row> rows) {
		double[] sum = new double[PARTS.size()];
		for (Row r : rows) {
			for (int i = 0; i < sum.length; i++) {
				sum[i] += r.counts()[i] / rows.size();
			}
		}
		List<Row> all = new ArrayList<>(rows);
		all.add(new Row(side, "mean of the path's steps", sum));
		return all;
	}

}
