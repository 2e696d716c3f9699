package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * Formula injection in every CSV download (issue 11): text typed by users (a park's name,
 * a project's name and investor, a decision's comment) that a spreadsheet would run as a
 * formula arrives defused, a single quote inside the quoted field, in each download; no
 * field of any download begins with =, +, -, @, a tab or a carriage return unless it is a
 * number.
 */
class CsvDownloadsApiTest extends WebTestBase {

	@Test
	void everyDownloadDefusesFormulaText() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String park = "W" + tag.toUpperCase();
		String parkName = "=HYPERLINK(\"http://attacker.example\",\"" + tag + "\")";
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)").params(park, parkName, "Jingmen").update();
		LocalDate talk = LocalDate.of(2024, 1, 10);
		Map<String, Object> body = newProject("officer", talk);
		body.put("parkCode", park);
		body.put("name", "=1+2 " + tag);
		body.put("investor", "@SUM(A1:A9) " + tag);
		Response created = post("officer", "/api/projects", body);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		long produced = created.body().get("id").asLong();
		Response request = post("officer", "/api/projects/" + produced + "/advance",
				Map.of("to", "SIGNING", "effectiveOn", talk.plusDays(20).toString(), "comment", "-2+3 " + tag));
		assertThat(request.status()).as(request.raw()).isEqualTo(202);
		assertThat(decide("manager", produced, "APPROVE", "+cmd|' /C calc'!A0 " + tag).status()).isEqualTo(200);
		reach("officer", produced, "SITE_SELECTION", talk.plusDays(40));
		reach("officer", produced, "CONSTRUCTION", talk.plusDays(60));
		reach("officer", produced, "PRODUCTION", talk.plusDays(300));
		createProject("officer", park, "EQUIPMENT", "HEAVY", today().minusDays(redNegotiationDays()),
				"-stalled " + tag);
		WebSession manager = session("manager");

		String board = download(manager, "/board.csv?park=" + park);
		assertThat(board).contains("\"'=1+2 " + tag + "\"", "\"'@SUM(A1:A9) " + tag + "\"",
				"\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"" + tag + "\"\")\"", "\"'-stalled " + tag + "\"");
		String byPark = download(manager, "/dashboard/ttp.csv?by=park&park=" + park);
		assertThat(byPark).contains(park + ",\"'=HYPERLINK(");
		download(manager, "/dashboard/ttp.csv?by=stage&park=" + park);
		String durations = download(manager, "/dashboard/durations.csv?from=NEGOTIATION&to=PRODUCTION&park=" + park);
		assertThat(durations).contains(",\"'=HYPERLINK(");
		download(manager, "/dashboard/kpis.csv?park=" + park);
		String attention = download(manager, "/dashboard/attention.csv?park=" + park);
		assertThat(attention).contains(",\"'-stalled " + tag + "\",\"'=HYPERLINK(");
		String audit = download(session("auditor"), "/audit.csv?project=" + produced);
		assertThat(audit).contains("\"'-2+3 " + tag + "\"", "\"'+cmd|' /C calc'!A0 " + tag + "\"");
	}

	/**
	 * A download's text, after checking that none of its fields would start a formula.
	 */
	private static String download(WebSession session, String path) {
		Page page = session.get(path);
		assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/csv");
		String text = page.body().substring(1);
		for (String field : fields(text)) {
			boolean number = field.matches("-?\\d+(\\.\\d+)?");
			assertThat(!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 && !number)
				.as("%s: field %s starts a formula", path, field)
				.isFalse();
		}
		return text;
	}

	/**
	 * Every field of a CSV text, as a spreadsheet reads it (quotes removed, "" as ").
	 */
	private static List<String> fields(String csv) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted && c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
				field.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == ',' || c == '\n')) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (quoted || c != '\r') {
				field.append(c);
			}
		}
		return fields;
	}

}
