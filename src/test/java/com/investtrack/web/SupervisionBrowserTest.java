package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Supervision in a real browser: a manager issues a notice on the project page, its owner
 * replies on the notices page and another manager closes it; the owner logs progress and
 * uploads evidence on the project page, where the evidence an administrator requires is
 * shown missing and the approval request is refused until it is there; and all of it on a
 * phone's width, where nothing scrolls sideways and the forms are within reach. The
 * evidence rules are global, so every test starts and ends with all of them off.
 */
class SupervisionBrowserTest extends BrowserTestBase {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@BeforeEach
	@AfterEach
	void rulesOff() {
		allEvidenceRulesOff();
	}

	@Test
	void aManagerIssuesANoticeItsOwnerRepliesAndAnotherManagerClosesIt() {
		long id = createProject("officer", "JS-IMP", "EQUIPMENT", "HEAVY", today().minusDays(30),
				unique("Bearing works"));
		String text = unique("Agree the land delivery date with the park");

		loginAs("manager");
		open("/projects/" + id);
		$("#notices summary").click();
		assertThat(new Select($("#notice-owner")).getFirstSelectedOption().getAttribute("value")).isEqualTo("officer");
		setValue($("#notice-deadline"), today().plusDays(5).toString());
		$("#notice-text").sendKeys(text);
		clickAndWait($("#notices button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("Supervision notice issued.");
		WebElement issued = $("#notices li[data-notice]");
		assertThat(issued.getAttribute("data-level")).isEqualTo("BLUE");
		assertThat(issued.getText()).contains(text).contains("Awaiting reply");
		long notice = Long.parseLong(issued.getAttribute("data-notice"));

		relogin("officer");
		clickAndWait($("nav.mainnav a[data-nav=notices]"));
		$("#reply-" + notice).sendKeys("Date agreed with the park: the 1st of next month");
		clickAndWait($("#notice-" + notice + " button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("Reply sent.");
		assertThat($("#notice-" + notice).getAttribute("data-status")).isEqualTo("REPLIED");
		assertThat($$("#comment-" + notice)).as("the owner does not close their own notice").isEmpty();

		relogin("manager2");
		open("/notices?status=REPLIED");
		assertThat($("#notice-" + notice + " blockquote").getText())
			.isEqualTo("Date agreed with the park: the 1st of next month");
		$("#comment-" + notice).sendKeys("Solved, date in the plan");
		clickAndWait($("#notice-" + notice + " button.primary"));
		assertThat($(".flash.notice").getText()).isEqualTo("Notice closed.");
		open("/notices?status=CLOSED");
		assertThat($("#notice-" + notice).getText()).contains("Closed").contains("Solved, date in the plan");
		assertThat(get("manager", "/api/notices/" + notice).body().get("status").asText()).isEqualTo("CLOSED");
		screenshot("notices-closed");
	}

	@Test
	void theOwnerLogsProgressAndUploadsTheEvidenceTheRequestNeeds() throws IOException {
		long id = createProject("officer", "JS-IMP", "EQUIPMENT", "HEAVY", today().minusDays(30), unique("Gear plant"));
		assertThat(put("admin", "/api/evidence-rules/SIGNING", java.util.Map.of("required", true)).status())
			.isEqualTo(200);

		loginAs("officer");
		open("/projects/" + id);
		addProgress("Site visit with the investor", "Power line crosses the plot");
		assertThat($(".flash.notice").getText()).isEqualTo("Progress recorded.");
		assertThat($("#progress table.progress-log tbody tr").getText()).contains("Site visit with the investor")
			.contains("Power line crosses the plot");

		assertThat($("#evidence [data-required-stage=SIGNING]").getAttribute("data-missing")).isEqualTo("true");
		assertThat($("#evidence [data-required-stage=SIGNING]").getText()).contains("Evidence missing");
		assertThat($("#next-milestone [data-evidence-missing]").getText()).contains("Evidence missing");
		clickAndWait($("#next-milestone button[type=submit]"));
		assertThat($("#next-milestone .form-errors").getText()).startsWith("Evidence: Evidence missing");
		assertThat($$("#pending")).isEmpty();

		upload("setup.pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0 });
		assertThat($(".flash.problem").getText())
			.isEqualTo("File: must be a PDF, JPEG, PNG, DOCX or XLSX file (told by its content, not its name)");
		clickAndWait($("a[data-lang=zh_CN]"));
		upload("page.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		assertThat($(".flash.problem").getText()).isEqualTo("文件: 须为 PDF、JPEG、PNG、DOCX 或 XLSX 文件（按内容而非文件名判断）");
		assertThat($("#evidence [data-required-stage=SIGNING]").getText()).contains("缺少佐证材料");
		clickAndWait($("a[data-lang=en]"));
		upload("agreement.pdf", PDF);
		assertThat($(".flash.notice").getText()).isEqualTo("Evidence file uploaded.");
		WebElement file = $("#evidence ul.evidence li");
		assertThat(file.getAttribute("data-stage")).isEqualTo("SIGNING");
		assertThat(file.getText()).contains("agreement.pdf").contains("Contract signed").contains(PDF.length + " B");
		assertThat(file.findElement(By.tagName("a")).getAttribute("href")).matches(".*/api/evidence/\\d+");
		assertThat($("#evidence [data-required-stage=SIGNING]").getAttribute("data-missing")).isEqualTo("false");
		assertThat($$("#next-milestone [data-evidence-missing]")).isEmpty();

		clickAndWait($("#next-milestone button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("Sent to a manager for approval.");
		assertThat($("#pending")).isNotNull();
		screenshot("project-evidence");
	}

	@Test
	void aFileOverTwentyMegabytesIsRefusedOnThePageWithNothingWritten() throws IOException {
		long id = createProject("officer", "JS-IMP", "EQUIPMENT", "HEAVY", today().minusDays(30), unique("Scan plant"));
		byte[] huge = new byte[21 * 1024 * 1024];
		System.arraycopy(PDF, 0, huge, 0, PDF.length);

		loginAs("officer");
		open("/projects/" + id);
		upload("huge-scan.pdf", huge);

		assertThat(browser().getCurrentUrl()).endsWith("/projects/" + id + "#evidence");
		assertThat($(".flash.problem").getText()).isEqualTo("File: must be at most 20 MB");
		assertThat(get("officer", "/api/projects/" + id + "/evidence").body()).isEmpty();
	}

	@Test
	void onAPhoneNothingScrollsSidewaysAndTheFormsWork() throws IOException {
		long id = createProject("officer", "JS-IMP", "EQUIPMENT", "HEAVY", today().minusDays(30),
				unique("Phone plant"));
		post("manager", "/api/notices", java.util.Map.of("projectId", id, "owner", "officer", "deadline",
				today().plusDays(3).toString(), "text", "Send the revised layout of the plant to the park committee"));
		put("admin", "/api/evidence-rules/SIGNING", java.util.Map.of("required", true));
		try {
			browser().manage().window().setSize(new Dimension(390, 844));
			loginAs("officer");
			open("/projects/" + id);
			assertFits("/projects/" + id);

			addProgress("Called the investor about the layout", null);
			assertThat($(".flash.notice").getText()).isEqualTo("Progress recorded.");
			upload("site-photo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 });
			assertThat($(".flash.notice").getText()).isEqualTo("Evidence file uploaded.");
			assertThat($("#evidence ul.evidence li").getText()).contains("site-photo.png");
			assertFits("/projects/" + id + " with a progress entry and a file");
			screenshot("phone-project-supervision");

			open("/notices?mine=true");
			assertFits("/notices");
			WebElement reply = $("textarea[id^=reply-]");
			assertWithinScreen(reply);
			reply.sendKeys("Layout sent on Monday");
			clickAndWait($("article.task button[type=submit]"));
			assertThat($(".flash.notice").getText()).isEqualTo("Reply sent.");
			assertFits("/notices after the reply");
			screenshot("phone-notices");
		}
		finally {
			browser().manage().window().setSize(new Dimension(1400, 1000));
		}
	}

	private void relogin(String user) {
		open("/login");
		browser().manage().deleteAllCookies();
		loginAs(user);
	}

	private void addProgress(String progress, String problems) {
		$("#progress summary").click();
		assertWithinScreen($("#progress-progress"));
		$("#progress-progress").sendKeys(progress);
		if (problems != null) {
			$("#progress-problems").sendKeys(problems);
		}
		WebElement submit = $("#progress button[type=submit]");
		assertWithinScreen(submit);
		clickAndWait(submit);
	}

	/** Uploads a file through the evidence form, for the stage it proposes. */
	private void upload(String name, byte[] content) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "uploads"));
		Path file = dir.resolve(name);
		Files.write(file, content);
		if ($("#evidence details").getAttribute("open") == null) {
			$("#evidence summary").click();
		}
		assertThat(new Select($("#evidence-stage")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("SIGNING");
		$("#evidence-file").sendKeys(file.toAbsolutePath().toString());
		WebElement submit = $("#evidence-upload button[type=submit]");
		assertWithinScreen(submit);
		clickAndWait(submit);
	}

	private void assertFits(String what) {
		Number overflow = (Number) script(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as(what + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
	}

	/**
	 * The element is shown and lies within the screen's width (reachable without
	 * scrolling sideways).
	 */
	private void assertWithinScreen(WebElement element) {
		assertThat(element.isDisplayed()).isTrue();
		List<?> box = (List<?>) script("var r = arguments[0].getBoundingClientRect();"
				+ " return [r.left, r.right, document.documentElement.clientWidth];", element);
		double left = ((Number) box.get(0)).doubleValue();
		double right = ((Number) box.get(1)).doubleValue();
		double width = ((Number) box.get(2)).doubleValue();
		assertThat(left).isGreaterThanOrEqualTo(0);
		assertThat(right).isLessThanOrEqualTo(width);
	}

	private void setValue(WebElement input, String value) {
		script("arguments[0].value = arguments[1]", input, value);
	}

}
