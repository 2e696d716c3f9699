package com.investtrack.fulfilment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * project_funds, project_tax, project_capacity and park_minimum: written here only.
 */
@Repository
class FulfilmentRepository {

	private final JdbcClient jdbc;

	FulfilmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BigDecimal> funds(long projectId, YearMonth month) {
		return jdbc.sql("SELECT amount_wan FROM project_funds WHERE project_id = ? AND funds_month = ?")
			.params(projectId, Date.valueOf(month.atDay(1)))
			.query(BigDecimal.class)
			.optional();
	}

	void saveFunds(long projectId, YearMonth month, BigDecimal amountWan, String by, Instant at, boolean exists) {
		Date first = Date.valueOf(month.atDay(1));
		if (exists) {
			jdbc.sql("""
					UPDATE project_funds SET amount_wan = ?, recorded_by = ?, recorded_at = ?
					WHERE project_id = ? AND funds_month = ?""")
				.params(amountWan, by, Timestamp.from(at), projectId, first)
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO project_funds (project_id, funds_month, amount_wan, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?, ?)""").params(projectId, first, amountWan, by, Timestamp.from(at)).update();
		}
	}

	Optional<BigDecimal> tax(long projectId, int year) {
		return jdbc.sql("SELECT amount_wan FROM project_tax WHERE project_id = ? AND tax_year = ?")
			.params(projectId, year)
			.query(BigDecimal.class)
			.optional();
	}

	void saveTax(long projectId, int year, BigDecimal amountWan, String by, Instant at, boolean exists) {
		if (exists) {
			jdbc.sql("""
					UPDATE project_tax SET amount_wan = ?, recorded_by = ?, recorded_at = ?
					WHERE project_id = ? AND tax_year = ?""")
				.params(amountWan, by, Timestamp.from(at), projectId, year)
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO project_tax (project_id, tax_year, amount_wan, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?, ?)""").params(projectId, year, amountWan, by, Timestamp.from(at)).update();
		}
	}

	Optional<LocalDate> capacity(long projectId) {
		return jdbc.sql("SELECT capacity_on FROM project_capacity WHERE project_id = ?")
			.param(projectId)
			.query(Date.class)
			.optional()
			.map(Date::toLocalDate);
	}

	void saveCapacity(long projectId, LocalDate on, String by, Instant at, boolean exists) {
		if (exists) {
			jdbc.sql("UPDATE project_capacity SET capacity_on = ?, recorded_by = ?, recorded_at = ?"
					+ " WHERE project_id = ?")
				.params(Date.valueOf(on), by, Timestamp.from(at), projectId)
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO project_capacity (project_id, capacity_on, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?)""").params(projectId, Date.valueOf(on), by, Timestamp.from(at)).update();
		}
	}

	List<Fulfilment.Funds> fundsOf(long projectId) {
		return jdbc.sql("SELECT funds_month, amount_wan FROM project_funds WHERE project_id = ? ORDER BY funds_month")
			.param(projectId)
			.query((rs, n) -> new Fulfilment.Funds(YearMonth.from(rs.getDate(1).toLocalDate()).toString(),
					Amounts.plain(rs.getBigDecimal(2))))
			.list();
	}

	List<Fulfilment.Tax> taxesOf(long projectId) {
		return jdbc.sql("SELECT tax_year, amount_wan FROM project_tax WHERE project_id = ? ORDER BY tax_year")
			.param(projectId)
			.query((rs, n) -> new Fulfilment.Tax(rs.getInt(1), Amounts.plain(rs.getBigDecimal(2))))
			.list();
	}

	List<ParkMinimum> minimums() {
		return jdbc.sql("""
				SELECT park_code, min_intensity_wan_per_mu, min_tax_per_mu_wan FROM park_minimum ORDER BY park_code""")
			.query((rs, n) -> new ParkMinimum(rs.getString(1), Amounts.plain(rs.getBigDecimal(2)),
					Amounts.plain(rs.getBigDecimal(3))))
			.list();
	}

	Optional<ParkMinimum> minimum(String parkCode) {
		return jdbc.sql("""
				SELECT park_code, min_intensity_wan_per_mu, min_tax_per_mu_wan FROM park_minimum WHERE park_code = ?""")
			.param(parkCode)
			.query((rs, n) -> new ParkMinimum(rs.getString(1), Amounts.plain(rs.getBigDecimal(2)),
					Amounts.plain(rs.getBigDecimal(3))))
			.optional();
	}

	void saveMinimum(ParkMinimum m, String by, Instant at, boolean exists) {
		if (exists) {
			jdbc.sql("""
					UPDATE park_minimum SET min_intensity_wan_per_mu = ?, min_tax_per_mu_wan = ?, changed_by = ?,
					  changed_at = ? WHERE park_code = ?""")
				.params(m.minIntensityWanPerMu(), m.minTaxPerMuWan(), by, Timestamp.from(at), m.parkCode())
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO park_minimum (park_code, min_intensity_wan_per_mu, min_tax_per_mu_wan, changed_by,
					  changed_at) VALUES (?, ?, ?, ?, ?)""")
				.params(m.parkCode(), m.minIntensityWanPerMu(), m.minTaxPerMuWan(), by, Timestamp.from(at))
				.update();
		}
	}

	/** The date flags of one project on {@code asOf}: the rules of {@link FlagRules}. */
	Set<Flag> dateFlags(long projectId, LocalDate asOf) {
		List<String> columns = new ArrayList<>();
		for (Flag flag : FlagRules.DATE_FLAGS) {
			columns.add("CASE WHEN " + FlagRules.condition(flag, asOf).where() + " THEN 1 ELSE 0 END");
		}
		return jdbc
			.sql("SELECT " + String.join(", ", columns) + " FROM project p" + FlagRules.JOIN + " WHERE p.id = :id")
			.params(FlagRules.params(asOf))
			.param("id", projectId)
			.query((rs, n) -> {
				Set<Flag> flags = EnumSet.noneOf(Flag.class);
				for (int i = 0; i < FlagRules.DATE_FLAGS.size(); i++) {
					if (rs.getInt(i + 1) == 1) {
						flags.add(FlagRules.DATE_FLAGS.get(i));
					}
				}
				return flags;
			})
			.single();
	}

}
