package com.investtrack.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.investtrack.common.Stage;

/**
 * evidence_rule: one row per stage a project steps into (the migration writes them all,
 * off); and which of them a project has evidence files of.
 */
@Repository
class EvidenceRuleRepository {

	private final JdbcClient jdbc;

	EvidenceRuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<EvidenceRule> all() {
		return jdbc.sql("SELECT stage, evidence_required, changed_by, changed_at FROM evidence_rule")
			.query(this::map)
			.list()
			.stream()
			.sorted((a, b) -> a.stage().compareTo(b.stage()))
			.toList();
	}

	/** The rule's row, locked until the transaction ends (two changes take turns). */
	Optional<EvidenceRule> lock(Stage stage) {
		return jdbc
			.sql("SELECT stage, evidence_required, changed_by, changed_at FROM evidence_rule WHERE stage = ? "
					+ "FOR UPDATE")
			.param(stage.name())
			.query(this::map)
			.optional();
	}

	void update(Stage stage, boolean required, String by, Instant at) {
		jdbc.sql("UPDATE evidence_rule SET evidence_required = ?, changed_by = ?, changed_at = ? WHERE stage = ?")
			.params(required, by, Timestamp.from(at), stage.name())
			.update();
	}

	/** The stages whose rule is on and of which the project has no evidence file. */
	List<Stage> missingFor(long projectId) {
		return jdbc.sql("""
				SELECT r.stage FROM evidence_rule r
				WHERE r.evidence_required = TRUE
				  AND NOT EXISTS (SELECT 1 FROM evidence_file f WHERE f.project_id = ? AND f.stage = r.stage)""")
			.param(projectId)
			.query((rs, n) -> Stage.valueOf(rs.getString(1)))
			.list()
			.stream()
			.sorted()
			.toList();
	}

	private EvidenceRule map(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp("changed_at");
		return new EvidenceRule(Stage.valueOf(rs.getString("stage")), rs.getBoolean("evidence_required"),
				rs.getString("changed_by"), at == null ? null : at.toInstant());
	}

}
