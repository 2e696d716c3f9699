package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.investtrack.support.WebSession;

/**
 * The way of an approval through the pages: the officer asks, a manager approves from the
 * inbox, an auditor finds the decision in the trail and downloads it; a manager never
 * sees buttons on a request of their own.
 */
class ApprovalBrowserTest extends BrowserTestBase {

	@Test
	void officerAsksManagerApprovesAuditorSeesIt() throws Exception {
		LocalDate today = today();
		String name = unique("Motor housing foundry");
		long id = createProject("officer", "ZX-CNC", "EQUIPMENT", "HEAVY", today.minusDays(50), name);

		loginAs("officer");
		open("/projects/" + id);
		script("arguments[0].value = arguments[1]", $("#milestone-effectiveOn"), today.minusDays(12).toString());
		$("#milestone-comment").sendKeys("Contract signed at the investment fair");
		clickAndWait($("#next-milestone button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("Sent to a manager for approval.");
		assertThat($("[data-pending] h2").getText()).isEqualTo("Waiting for approval: Signing");
		assertThat($$("#next-milestone")).isEmpty();
		open("/tasks");
		assertThat($("#waiting").getText()).contains(name);
		screenshot("approval-requested-officer-tasks");

		open("/login");
		browser().manage().deleteAllCookies();
		loginAs("manager");
		clickAndWait($("nav.mainnav a[data-nav=tasks]"));
		WebElement task = $("#approvals article[data-project='" + id + "']");
		assertThat(task.getText()).contains(name)
			.contains("Approve: Signing")
			.contains(today.minusDays(12).toString())
			.contains("Contract signed at the investment fair");
		String taskId = task.getAttribute("data-task");
		screenshot("approval-manager-inbox");
		task.findElement(By.cssSelector("textarea")).sendKeys("Investment intensity is fine");
		clickAndWait(task.findElement(By.cssSelector("button[value=APPROVE]")));
		assertThat($(".flash.notice").getText()).isEqualTo("Approved.");
		assertThat($$("#task-" + taskId)).isEmpty();
		open("/projects/" + id);
		assertThat($("[data-current-stage]").getAttribute("data-stage")).isEqualTo("SIGNING");
		assertThat($("tr[data-stage=NEGOTIATION] td[data-days]").getText()).isEqualTo("38");
		assertThat($("table.history tr[data-action=APPROVED]").getText()).contains("Approved")
			.contains("Investment intensity is fine");

		open("/login");
		browser().manage().deleteAllCookies();
		loginAs("auditor");
		clickAndWait($("nav.mainnav a[data-nav=audit]"));
		$("form.filters input[name=project]").sendKeys(String.valueOf(id));
		new Select($("form.filters select[name=action]")).selectByValue("APPROVED");
		clickAndWait($("form.filters button[type=submit]"));
		var rows = $$("table.audit tbody tr");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getText()).contains("manager")
			.contains("Approved")
			.contains("Investment intensity is fine")
			.contains(today.minusDays(12).toString());
		clickAndWait($("[data-verify]"));
		assertThat($("[data-verification]").getAttribute("data-verification")).isEqualTo("valid");
		screenshot("approval-auditor-trail");

		String csvUrl = $("a[data-csv]").getAttribute("href");
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(csvUrl)).header("Cookie", sessionCookie()).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("audit-trail.csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).startsWith("\uFEFF#,Time,User,Action,Project");
		assertThat(lines[1])
			.contains(",manager,APPROVED," + id + ",NEGOTIATION,SIGNING," + today.minusDays(12) + ",APPROVE,")
			.contains("Investment intensity is fine");
		// without the session the download is not handed out
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(csvUrl)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(302);
	}

	@Test
	void aManagerSeesTheirOwnRequestWithoutButtons() {
		LocalDate today = today();
		String name = unique("Sensor workshop");
		long id = createProject("lead", "SY-GF", "ELECTRONICS", "LIGHT", today.minusDays(30), name);
		assertThat(advance("lead", id, "SIGNING", today.minusDays(2)).status()).isEqualTo(202);

		loginAs("lead");
		open("/tasks");
		WebElement own = $("#approvals article[data-project='" + id + "']");
		String taskId = own.getAttribute("data-task");
		assertThat(own.findElements(By.cssSelector("button"))).isEmpty();
		assertThat(own.findElement(By.cssSelector("[data-waiting-other]")).getText())
			.contains("another manager decides it");
		open("/projects/" + id);
		assertThat($("[data-pending]").getText()).contains("Waiting for a manager other than the requester");
		assertThat($$("[data-pending] button")).isEmpty();
		screenshot("approval-four-eyes");

		// the server refuses it too, whatever the page offered
		WebSession lead = session("lead");
		var answer = lead.post("/tasks/" + taskId + "/decision", Map.of("decision", "APPROVE"));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(lead.get("/tasks").body())
			.contains("Four-eyes rule: a request is decided by a manager other than the one who made it.");
		assertThat(get("lead", "/api/projects/" + id).body().get("stage").asText()).isEqualTo("NEGOTIATION");
	}

}
