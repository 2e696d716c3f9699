package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Each demo role logs in through the form and sees the navigation of its role, no more;
 * logging out works.
 */
class NavigationBrowserTest extends BrowserTestBase {

	private static final Map<String, List<String>> NAVIGATION = Map
		.of("officer", List.of("board", "tasks", "notices", "new", "dashboard", "bulletin", "calendar"), "officer2",
				List.of("board", "tasks", "notices", "new", "dashboard", "bulletin", "calendar"), "lead",
				List.of("board", "tasks", "notices", "new", "dashboard", "bulletin", "audit", "imports", "calendar"),
				"manager",
				List.of("board", "tasks", "notices", "new", "dashboard", "bulletin", "audit", "imports", "calendar"),
				"auditor", List.of("board", "notices", "dashboard", "bulletin", "audit", "calendar"), "admin",
				List.of("board", "notices", "dashboard", "bulletin", "imports", "users", "parks", "evidenceRules",
						"calendar"),
				"leader", List.of("board", "tasks", "notices", "dashboard", "bulletin", "calendar"));

	@Test
	void everyRoleSeesItsOwnNavigation() {
		for (String user : List.of("officer", "officer2", "lead", "manager", "auditor", "admin", "leader")) {
			open("/login");
			browser().manage().deleteAllCookies();
			loginAs(user);
			assertThat($("header .username").getText()).isEqualTo(user);
			List<String> links = $$("nav.mainnav a").stream().map(a -> a.getAttribute("data-nav")).toList();
			assertThat(links).as("navigation of " + user).containsExactlyElementsOf(NAVIGATION.get(user));
			assertThat($("nav.mainnav a.active").getAttribute("data-nav")).isEqualTo("board");
			assertThat($$(".board .column")).hasSize(5);
			screenshot("nav-" + user);

			clickAndWait($("form.logout button"));
			assertThat($(".flash.notice").getText()).isEqualTo("You have been logged out.");
		}
	}

	@Test
	void theNoticesLinkOpensTheNoticesPageInBothLanguages() {
		loginAs("leader");
		clickAndWait($("nav.mainnav a[data-nav=notices]"));
		assertThat(browser().getCurrentUrl()).endsWith("/notices");
		assertThat($("nav.mainnav a.active").getAttribute("data-nav")).isEqualTo("notices");
		assertThat($("h1").getText()).isEqualTo("Supervision notices");
		clickAndWait($("a[data-lang=zh_CN]"));
		assertThat($("nav.mainnav a[data-nav=notices]").getText()).isEqualTo("督办单");
		clickAndWait($("a[data-lang=en]"));
	}

	@Test
	void aWrongPasswordIsRefusedWithAMessage() {
		open("/login");
		$("#username").sendKeys("officer");
		$("#password").sendKeys("not-the-password");
		clickAndWait($("form button[type=submit]"));
		assertThat(browser().getCurrentUrl()).endsWith("/login?error");
		assertThat($(".flash.problem").getText()).startsWith("Wrong username or password");
		assertThat(browser().findElements(By.cssSelector("nav.mainnav"))).isEmpty();
		screenshot("login-failed");
	}

	@Test
	void pagesOutsideTheRoleAreFriendlyErrors() {
		loginAs("officer");
		open("/audit");
		WebElement code = $(".status-code");
		assertThat(code.getText()).isEqualTo("403");
		assertThat($("h1").getText()).isEqualTo("Not for your role");
		assertThat(browser().getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
		screenshot("error-403");
		open("/projects/987654321");
		assertThat($(".status-code").getText()).isEqualTo("404");
		screenshot("error-404");
	}

}
