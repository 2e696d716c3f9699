package com.investtrack.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.investtrack.cluster.ClusterApi.Delivery;
import com.investtrack.cluster.ClusterApi.Upload;
import com.investtrack.cluster.ClusterLedger.Kind;
import com.investtrack.cluster.ClusterLedger.Outcome;
import com.investtrack.cluster.ClusterLedger.Result;
import com.investtrack.cluster.ClusterLedger.Step;
import com.investtrack.common.Stage;

/**
 * A bureau's ledger imported while a node dies: the preview is taken first, then the
 * confirmation is sent to the node about to be killed, so that it meets the kill in
 * flight or just after its commit, and the manager's client sends it again to the other
 * node with the same Idempotency-Key. Afterwards every row's project must exist exactly
 * once, in the engine at its stage, or (had the confirmation been refused) none of them.
 * Twelve of the twenty rows are in flight (signed, land delivered, under construction).
 */
final class ClusterImport {

	private static final int ROWS = 20;

	private final ClusterApi api;

	private final ClusterLedger ledger;

	private final String manager;

	private final String officer;

	private final LocalDate today;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	/** Each row's ledger number and the stage its dates put it in. */
	private final Map<String, Stage> rows = new LinkedHashMap<>();

	private final byte[] file;

	private final List<String> problems = new ArrayList<>();

	private String previewId;

	private volatile Outcome outcome;

	ClusterImport(ClusterApi api, ClusterLedger ledger, String manager, String officer, LocalDate today) {
		this.api = api;
		this.ledger = ledger;
		this.manager = manager;
		this.officer = officer;
		this.today = today;
		Stage[] inFlight = { Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION };
		StringBuilder csv = new StringBuilder("项目编号,项目名称,投资方,所在园区,所属产业,落地方式,总投资（万元）,招商专员,首谈日期,签约日期,供地日期,开工日期\r\n");
		for (int i = 0; i < ROWS; i++) {
			Stage stage = i < 12 ? inFlight[i % 3] : Stage.NEGOTIATION;
			String code = "CL-" + tag + "-" + i;
			rows.put(code, stage);
			LocalDate first = today.minusDays(400 - i);
			csv.append(code)
				.append(",集群导入项目 ")
				.append(tag)
				.append(' ')
				.append(i)
				.append(",导入投资方 ")
				.append(i)
				.append(",JS-IMP,EQUIPMENT,供地,")
				.append(3000 + 100 * i)
				.append(',')
				.append(officer)
				.append(',')
				.append(first);
			for (Stage s : List.of(Stage.SIGNING, Stage.SITE_SELECTION, Stage.CONSTRUCTION)) {
				csv.append(',');
				if (s.ordinal() <= stage.ordinal()) {
					csv.append(first.plusDays(60L * s.ordinal()));
				}
			}
			csv.append("\r\n");
		}
		this.file = csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The preview, sent (and sent again) until a definitive answer; false, with the
	 * problem noted, when it was refused or does not show every row as new.
	 */
	boolean preview(ClusterNode node) {
		Delivery preview = api.deliver(node, manager, "POST", "/api/imports",
				new Upload("台账-" + tag + ".csv", "text/csv", file), UUID.randomUUID().toString());
		if (preview.answer().status() != 201) {
			problems.add("preview answered " + preview.answer().status() + ": " + preview.answer().raw());
			return false;
		}
		int fresh = preview.answer().body().at("/counts/NEW").asInt();
		if (fresh != ROWS) {
			problems.add("preview: " + fresh + " new rows of " + ROWS + ": " + preview.answer().raw());
			return false;
		}
		previewId = preview.answer().body().get("id").asText();
		return true;
	}

	/** The confirmation, to {@code node} first, then as any request is sent again. */
	void confirm(ClusterNode node) {
		Step step = new Step(Kind.IMPORT, manager, null, null, null, today, UUID.randomUUID().toString());
		Delivery confirm = api.deliver(node, manager, "POST", "/api/imports/" + previewId + "/confirm", null,
				step.key());
		outcome = ledger.record(step, confirm);
		if (outcome.result() == Result.ACKED && confirm.answer().body().get("created").asInt() != ROWS) {
			problems.add("confirmation created " + confirm.answer().body().get("created") + " of " + ROWS + " rows");
		}
		if (outcome.result() == Result.REFUSED) {
			problems.add("confirmation refused: " + confirm.answer().status() + " " + confirm.answer().raw());
		}
	}

	/** The ids of the projects the import created (none when it did not run). */
	Set<Long> projectIds(JdbcClient db) {
		return new TreeSet<>(
				db.sql("SELECT id FROM project WHERE code LIKE ?").param("CL-" + tag + "-%").query(Long.class).list());
	}

	/**
	 * All rows or none: each row's project once, at its stage with its milestones, its
	 * process instance waiting for the stage's next milestone, one audit entry of the
	 * import with the file's hash.
	 */
	List<String> problems(JdbcClient db) {
		List<String> found = new ArrayList<>(problems);
		if (previewId == null) {
			found.add("the ledger import did not run");
			return found;
		}
		Map<String, Integer> copies = new LinkedHashMap<>();
		db.sql("SELECT code, COUNT(*) FROM project WHERE code LIKE ? GROUP BY code")
			.param("CL-" + tag + "-%")
			.query(rs -> {
				copies.put(rs.getString(1), rs.getInt(2));
			});
		boolean applied = outcome != null && outcome.result() == Result.ACKED;
		if (applied ? copies.size() != ROWS : !copies.isEmpty() && copies.size() != ROWS) {
			found.add("ledger import (" + (outcome == null ? "not confirmed" : outcome.result()) + "): " + copies.size()
					+ " of " + ROWS + " rows' projects exist");
		}
		copies.forEach((code, n) -> {
			if (n != 1) {
				found.add("ledger import: " + n + " projects " + code);
			}
		});
		if (copies.isEmpty()) {
			return found;
		}
		db.sql("""
				SELECT p.code, p.stage, (SELECT COUNT(*) FROM milestone m WHERE m.project_id = p.id),
				  (SELECT MIN(t.TASK_DEF_KEY_) FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = p.process_instance_id),
				  (SELECT COUNT(*) FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = p.process_instance_id)
				FROM project p WHERE p.code LIKE ?""").param("CL-" + tag + "-%").query(rs -> {
			Stage expected = rows.get(rs.getString(1));
			String task = "RecordNextMilestone_" + expected.name();
			if (!expected.name().equals(rs.getString(2)) || rs.getInt(3) != expected.ordinal() + 1
					|| !task.equals(rs.getString(4)) || rs.getInt(5) != 1) {
				found.add("imported " + rs.getString(1) + ": stage " + rs.getString(2) + ", " + rs.getInt(3)
						+ " milestones, open task " + rs.getString(4) + " (" + rs.getInt(5) + "); expected " + expected
						+ ", " + (expected.ordinal() + 1) + ", " + task);
			}
		});
		int audited = db.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'LEDGER_IMPORTED' AND details LIKE ?")
			.param("%sha256=" + sha256() + "%")
			.query(Integer.class)
			.single();
		if (audited != 1) {
			found.add("ledger import audited " + audited + " times");
		}
		return found;
	}

	/** What the report says of it. */
	String summary(JdbcClient db) {
		return ROWS + " rows (12 in flight), confirmation "
				+ (outcome == null ? "not sent" : outcome.result() + " after " + outcome.sends() + " send(s)") + ", "
				+ projectIds(db).size() + " projects created";
	}

	private String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
