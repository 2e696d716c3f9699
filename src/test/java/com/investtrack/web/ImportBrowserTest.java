package com.investtrack.web;

import static com.investtrack.ledger.Workbooks.row;
import static com.investtrack.ledger.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The ledger's import page in a real browser, through the container's multipart handling
 * and the CSRF token of the form: a manager finds it in the navigation, uploads a ledger,
 * reads the preview with its error and confirms.
 */
class ImportBrowserTest extends BrowserTestBase {

	@Test
	void aManagerUploadsPreviewsAndConfirms() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Path file = Files.createTempFile("ledger-", ".xlsx");
		Files.write(file, xlsx(row("项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "招商专员", "约定开工"),
				row("BR-" + tag, "Browser project " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, "officer"),
				row("BS-" + tag, "Bad date " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, "officer", "2025.13.01")));
		try {
			loginAs("manager");
			clickAndWait($("nav.mainnav a[data-nav=imports]"));
			assertThat($("h1").getText()).isEqualTo("Import the ledger");
			$("#import-file").sendKeys(file.toString());
			clickAndWait($("#import-upload button[type=submit]"));
			assertThat($("#import-counts").getText()).isEqualTo("New 1, update 0, unchanged 0, errors 1");
			assertThat($("tr[data-row='3'] .row-error").getText())
				.isEqualTo("Row 3, \u201c约定开工\u201d: 2025.13.01 is not a date");
			clickAndWait($("#import-confirm button[type=submit]"));
			assertThat($("#import-done").getText())
				.isEqualTo("Imported: 1 created, 0 updated, 0 unchanged, 1 skipped.");
			assertThat(count("SELECT COUNT(*) FROM project WHERE code = ?", "BR-" + tag)).isEqualTo(1);
			assertThat(cspViolations()).isEmpty();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * A file over the 20 MB limit: the page again with the reason, not the 403 page (the
	 * container leaves an oversized body unread, so the form carries its CSRF token in
	 * its address too), and nothing stored.
	 */
	@Test
	void aFileOverTwentyMegabytesIsRefusedOnThePage() throws Exception {
		Path file = Files.createTempFile("huge-ledger-", ".xlsx");
		Files.write(file, new byte[21 * 1024 * 1024]);
		long before = count("SELECT COUNT(*) FROM ledger_import");
		try {
			loginAs("manager");
			open("/imports");
			$("#import-file").sendKeys(file.toString());
			clickAndWait($("#import-upload button[type=submit]"));
			assertThat($("#file-problem").getText()).isEqualTo("The file is larger than 20 MB: split the ledger.");
			assertThat(count("SELECT COUNT(*) FROM ledger_import")).isEqualTo(before);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
