package com.investtrack.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grows (b)'s generated projects to a larger count by copying their product rows under
 * new ids (option {@code scale-to=}, e.g. 1,000,000 from 100,000 generated): each copy
 * is the generated set again, with every project, its plan, milestones, timeline,
 * approvals, reviews, notices, progress and fulfilment shifted by a whole multiple of
 * the largest generated id, its code suffixed {@code ~k}, and its engine references
 * (process instance, task) suffixed alike so that they stay unique.
 * <p>
 * Why copies and not the generator: the generator starts a running process instance per
 * active project and writes the engine's history of every step, 11 to 33 minutes per
 * 100,000 projects on two cores, so a million takes two to five hours; copying the
 * product's rows takes minutes. What copies lack is said wherever their figures are
 * shown: no engine instances or history (their tasks do not exist; the reports, the
 * board, the dashboard, the bulletin and the exports read only the product's tables) and
 * no audit entries (the chain stays the generated one's, and verifies). The naive
 * computation, which reads the engine's history, is not run on them.
 * <p>
 * Each copy is written table by table in {@code INSERT ... SELECT} statements of
 * {@value #CHUNK} generated projects; a copy found incomplete (an interrupted run) is
 * deleted and written again, a complete one is kept, so the run can be resumed.
 */
final class DataCopies {

	/**
	 * The tables that refer to a project, then the project: a copy whose projects are all
	 * there is complete (foreign keys are not checked while copying, since every copied
	 * reference points into the same copy).
	 */
	private static final List<String> TABLES = List.of("project_plan", "milestone", "milestone_timeline",
			"approval_request", "stall_review", "supervision_notice", "progress_entry", "plan_revision",
			"project_capacity", "project_funds", "project_tax", "project");

	/** Columns holding a project's id, shifted by the copy's offset. */
	private static final Set<String> PROJECT_IDS = Set.of("project_id", "active_project_id");

	/** Engine references, unique in their tables: suffixed with the copy's number. */
	private static final Set<String> ENGINE_IDS = Set.of("process_instance_id", "task_id");

	private static final int CHUNK = 25_000;

	private final Connection connection;

	DataCopies(Connection connection) {
		this.connection = connection;
	}

	/**
	 * What the database holds after growing: the generated projects' ids run from
	 * {@code first} to {@code span}, copy k's from {@code first + k * span} to
	 * {@code (k + 1) * span}; {@code written} of the copies were written by this run.
	 */
	record Summary(int generated, long first, long span, int copies, int written, int projects, double seconds) {

		String describe() {
			return ("%,d projects: the %,d generated and %,d copies of their product rows under new ids (no engine "
					+ "instances, history or audit entries for the copies: docs/benchmarks.md, \"At 1,000,000 "
					+ "projects\").")
				.formatted(projects, generated, copies * generated);
		}

	}

	/**
	 * Copies the generated projects until the database holds {@code target}, a whole
	 * multiple of the generated count.
	 */
	Summary grow(int target) throws SQLException {
		long started = System.nanoTime();
		long[] generated = longs("SELECT COUNT(*), MIN(id), MAX(id) FROM project WHERE code NOT LIKE '%~%'");
		int count = (int) generated[0];
		if (count == 0 || target % count != 0) {
			throw new IllegalArgumentException(
					"scale-to=%d must be a whole multiple of the %,d generated projects".formatted(target, count));
		}
		long first = generated[1];
		long span = generated[2];
		Map<String, String> selects = new LinkedHashMap<>();
		for (String table : TABLES) {
			selects.put(table, copyStatement(table));
		}
		execute("SET foreign_key_checks = 0");
		int copies = target / count - 1;
		int written = 0;
		for (int k = 1; k <= copies; k++) {
			long offset = k * span;
			// complete when its projects, written last, are all there; the rows the
			// application added since (a review the light sweep opened) do not count
			if (longs("SELECT COUNT(*) FROM project WHERE id BETWEEN %d AND %d".formatted(first + offset,
					span + offset))[0] == count) {
				Benchmark.log("copy %d of %d already there".formatted(k, copies));
				continue;
			}
			long t0 = System.nanoTime();
			delete(first + offset, span + offset);
			for (String table : TABLES) {
				for (long from = first; from <= span; from += CHUNK) {
					long to = Math.min(span, from + CHUNK - 1);
					execute(selects.get(table).replace(":offset", Long.toString(offset))
						.replace(":suffix", "'~" + k + "'")
						.replace(":from", Long.toString(from))
						.replace(":to", Long.toString(to)));
				}
			}
			written++;
			Benchmark.log("copy %d of %d written in %.0f s".formatted(k, copies, (System.nanoTime() - t0) / 1e9));
		}
		execute("SET foreign_key_checks = 1");
		execute("ANALYZE TABLE " + String.join(", ", TABLES));
		int projects = (int) longs("SELECT COUNT(*) FROM project")[0];
		return new Summary(count, first, span, copies, written, projects, (System.nanoTime() - started) / 1e9);
	}

	private static String idColumn(String table) {
		return table.equals("project") ? "id" : "project_id";
	}

	/**
	 * {@code INSERT INTO t (...) SELECT ... FROM t WHERE <project> BETWEEN :from AND :to}
	 * with the placeholders :offset, :suffix, :from and :to; every column of the table
	 * but its own auto-increment id and generated columns.
	 */
	private String copyStatement(String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		List<String> values = new ArrayList<>();
		try (var s = connection.prepareStatement("""
				SELECT column_name, extra FROM information_schema.columns
				WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position""")) {
			s.setString(1, table);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					String column = rs.getString(1).toLowerCase();
					String extra = rs.getString(2).toLowerCase();
					boolean ownId = extra.contains("auto_increment") && !table.equals("project");
					if (ownId || extra.contains("generated")) {
						continue;
					}
					columns.add(column);
					if (PROJECT_IDS.contains(column) || (table.equals("project") && column.equals("id"))) {
						values.add(column + " + :offset");
					}
					else if (ENGINE_IDS.contains(column) || (table.equals("project") && column.equals("code"))) {
						values.add("CONCAT(" + column + ", :suffix)");
					}
					else {
						values.add(column);
					}
				}
			}
		}
		return "INSERT INTO %s (%s) SELECT %s FROM %s WHERE %s BETWEEN :from AND :to".formatted(table,
				String.join(", ", columns), String.join(", ", values), table, idColumn(table));
	}

	/** An incomplete copy's rows. */
	private void delete(long from, long to) throws SQLException {
		for (String table : TABLES) {
			execute("DELETE FROM %s WHERE %s BETWEEN %d AND %d".formatted(table, idColumn(table), from, to));
		}
	}

	private void execute(String sql) throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute(sql);
		}
	}

	private long[] longs(String sql) throws SQLException {
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			long[] values = new long[rs.getMetaData().getColumnCount()];
			for (int i = 0; i < values.length; i++) {
				values[i] = rs.getLong(i + 1);
			}
			return values;
		}
	}

}
