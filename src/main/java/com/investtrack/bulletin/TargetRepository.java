package com.investtrack.bulletin;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** target_year and target_park: written here only. */
@Repository
class TargetRepository {

	private static final String COLUMNS = "signed_projects, contracted_investment_wan, started_projects, "
			+ "production_projects, funds_in_place_wan, major_project_wan";

	private final JdbcClient jdbc;

	TargetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Targets> city(int year) {
		return jdbc.sql("SELECT target_year, NULL, " + COLUMNS + " FROM target_year WHERE target_year = ?")
			.param(year)
			.query(this::map)
			.optional();
	}

	Optional<Targets> park(int year, String parkCode) {
		return jdbc
			.sql("SELECT target_year, park_code, " + COLUMNS
					+ " FROM target_park WHERE target_year = ? AND park_code = ?")
			.params(year, parkCode)
			.query(this::map)
			.optional();
	}

	/** Every park's targets of a year. */
	List<Targets> parks(int year) {
		return jdbc.sql("SELECT target_year, park_code, " + COLUMNS + " FROM target_park WHERE target_year = ?")
			.param(year)
			.query(this::map)
			.list();
	}

	void save(Targets t, String by, Instant at, boolean exists) {
		Object[] values = { t.signedProjects(), t.contractedInvestmentWan(), t.startedProjects(),
				t.productionProjects(), t.fundsInPlaceWan(), t.majorProjectWan(), by, Timestamp.from(at) };
		String table = t.parkCode() == null ? "target_year" : "target_park";
		String key = t.parkCode() == null ? "target_year = ?" : "target_year = ? AND park_code = ?";
		Object[] keys = t.parkCode() == null ? new Object[] { t.year() } : new Object[] { t.year(), t.parkCode() };
		if (exists) {
			jdbc.sql(
					"UPDATE " + table + " SET signed_projects = ?, contracted_investment_wan = ?, started_projects = ?,"
							+ " production_projects = ?, funds_in_place_wan = ?, major_project_wan = ?, changed_by = ?,"
							+ " changed_at = ? WHERE " + key)
				.params(concat(values, keys))
				.update();
		}
		else {
			String keyColumns = t.parkCode() == null ? "target_year" : "target_year, park_code";
			String marks = t.parkCode() == null ? "?" : "?, ?";
			jdbc.sql("INSERT INTO " + table + " (" + COLUMNS + ", changed_by, changed_at, " + keyColumns
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + marks + ")")
				.params(concat(values, keys))
				.update();
		}
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] all = new Object[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private Targets map(ResultSet rs, int n) throws SQLException {
		return new Targets(rs.getInt(1), rs.getString(2), integer(rs, 3), plain(rs.getBigDecimal(4)), integer(rs, 5),
				integer(rs, 6), plain(rs.getBigDecimal(7)), plain(rs.getBigDecimal(8)));
	}

	private static Integer integer(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static BigDecimal plain(BigDecimal value) {
		return com.investtrack.fulfilment.Amounts.plain(value);
	}

}
