package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * The supervision parts of the pages over real HTTP with form-login sessions: the project
 * page's progress log and notices (sections of their own), the forms that write them, the
 * notices page where the owner replies and another manager closes, refusals explained in
 * the page's language, and both languages.
 */
class SupervisionPageTest extends WebTestBase {

	@Test
	void theOfficerAddsProgressOnTheProjectPageAndEveryoneReadsIt() {
		long id = createProject("officer", today().minusDays(20));
		WebSession officer = session("officer");

		Page added = officer.post("/projects/" + id + "/progress", Map.of("on", today().minusDays(1).toString(),
				"progress", "Site visit with the investor", "problems", "Power line on the plot", "nextSteps", ""));
		assertThat(added.status()).isEqualTo(302);
		assertThat(added.location()).contains("/projects/" + id);

		String html = officer.get("/projects/" + id).body();
		assertThat(html).contains("id=\"progress\"")
			.contains("Progress recorded.")
			.contains("Site visit with the investor")
			.contains("Power line on the plot")
			.contains("Add progress");
		assertThat(session("auditor").get("/projects/" + id).body()).contains("Site visit with the investor")
			.doesNotContain("Add progress")
			.doesNotContain("Issue a supervision notice");
		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("officer");
		assertThat(chinese.get("/projects/" + id).body()).contains("项目进展").contains("填报进展").contains("督办单");
	}

	@Test
	void aFutureDayIsRefusedInThePagesLanguageAndNothingIsWritten() {
		long id = createProject("officer", today().minusDays(20));

		Page refused = session("officer").post("/projects/" + id + "/progress",
				Map.of("on", today().plusDays(1).toString(), "progress", "tomorrow"));
		assertThat(refused.status()).isEqualTo(302);
		WebSession officer = session("officer");
		officer.post("/projects/" + id + "/progress",
				Map.of("on", today().plusDays(1).toString(), "progress", "tomorrow"));
		assertThat(officer.get("/projects/" + id).body())
			.contains("Day: must not be in the future (today is " + today() + ")")
			.doesNotContain("<td data-label=\"Progress\">tomorrow</td>");
		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("officer");
		chinese.post("/projects/" + id + "/progress", Map.of("on", today().plusDays(1).toString(), "progress", "明天"));
		assertThat(chinese.get("/projects/" + id).body()).contains("日期: 不能晚于今天（今天是 " + today() + "）");
		assertThat(get("officer", "/api/projects/" + id + "/progress").body()).isEmpty();
	}

	@Test
	void aManagerIssuesANoticeTheOwnerRepliesAndAnotherManagerClosesItOnThePages() {
		long id = createProject("officer", today().minusDays(20));
		WebSession manager = session("manager");

		Page issued = manager.post("/projects/" + id + "/notices", Map.of("owner", "officer", "deadline",
				today().plusDays(5).toString(), "text", "Agree the land delivery date with the park"));
		assertThat(issued.status()).isEqualTo(302);
		assertThat(manager.get("/projects/" + id).body()).contains("Supervision notice issued.")
			.contains("Agree the land delivery date with the park")
			.contains("data-level=\"BLUE\"");
		long notice = get("manager", "/api/notices?projectId=" + id).body().get(0).get("id").asLong();

		WebSession officer = session("officer");
		assertThat(officer.get("/tasks").body()).contains("id=\"task-").contains("Reply to notice");
		String page = officer.get("/notices?mine=true").body();
		assertThat(page).contains("id=\"notice-" + notice + "\"").contains("/notices/" + notice + "/reply");
		assertThat(officer.post("/notices/" + notice + "/reply", Map.of("text", "Date agreed: 1 March")).status())
			.isEqualTo(302);
		assertThat(officer.get("/notices").body()).contains("Reply sent.");

		assertThat(officer.post("/notices/" + notice + "/close", Map.of("text", "closing my own")).status())
			.isEqualTo(302);
		assertThat(officer.get("/notices").body()).contains("Only managers may do this.")
			.doesNotContain("/notices/" + notice + "/close");
		WebSession other = session("manager2");
		assertThat(other.get("/notices").body()).contains("/notices/" + notice + "/close");
		assertThat(other.post("/notices/" + notice + "/close", Map.of("text", "Solved")).status()).isEqualTo(302);
		assertThat(other.get("/notices").body()).contains("Notice closed.");
		assertThat(get("manager", "/api/notices/" + notice).body().get("status").asText()).isEqualTo("CLOSED");

		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("officer");
		assertThat(chinese.get("/notices").body()).contains("<h1>督办单</h1>").contains("已销号");
	}

	@Test
	void theOwnerOfAReplyIsTheOnlyOneToReplyAndTheRefusalSaysSo() {
		long id = createProject("officer", today().minusDays(20));
		long notice = post("manager", "/api/notices", Map.of("projectId", id, "owner", "officer", "deadline",
				today().plusDays(5).toString(), "text", "Call the investor"))
			.body()
			.get("id")
			.asLong();

		WebSession other = session("officer2");
		Page refused = other.post("/notices/" + notice + "/reply", Map.of("text", "not mine"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(other.get("/notices").body()).contains("Only the notice&#39;s owner may reply to it.");
		WebSession chinese = new WebSession(port).header("Accept-Language", "zh-CN").login("officer2");
		chinese.post("/notices/" + notice + "/reply", Map.of("text", "不是我的"));
		assertThat(chinese.get("/notices").body()).contains("只有督办单的责任人可以回复。");
		assertThat(get("manager", "/api/notices/" + notice).body().get("status").asText()).isEqualTo("OPEN");
	}

}
