package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administration pages in the shared layout, in both languages and at a phone's
 * width, and every page of the application under the real Content-Security-Policy: the
 * browser's console must report nothing it refused.
 */
class AdminPagesBrowserTest extends BrowserTestBase {

	@Test
	void anAdministratorCreatesAUserAndAParkThroughThePages() {
		loginAs("admin");
		clickAndWait($("nav.mainnav a[data-nav=users]"));
		assertThat($("h1").getText()).isEqualTo("User accounts");
		assertThat($("nav.mainnav a.active").getAttribute("data-nav")).isEqualTo("users");

		String name = "br" + System.nanoTime() % 1_000_000_000L;
		$("#new-username").sendKeys(name);
		$("#new-displayName").sendKeys("Browser user");
		$("#new-password").sendKeys("a long enough password");
		$("#new-user input[name=roles][value=OFFICER]").click();
		clickAndWait($("#new-user button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("User " + name + " created.");
		assertThat($("#user-" + name).getText()).contains("Browser user").contains("Active");

		// a refused change keeps the page and says why, in the page's language
		open("/admin/users?lang=zh_CN");
		assertThat($("h1").getText()).isEqualTo("用户账号");
		$("#new-username").sendKeys(name);
		$("#new-displayName").sendKeys("Twice");
		$("#new-password").sendKeys("a long enough password");
		$("#new-user input[name=roles][value=OFFICER]").click();
		clickAndWait($("#new-user button[type=submit]"));
		assertThat($("[data-admin-error]").getText()).isEqualTo("用户 " + name + " 已存在。");
		open("/admin/users?lang=en");

		clickAndWait($("nav.mainnav a[data-nav=parks]"));
		assertThat($("h1").getText()).isEqualTo("Industrial parks");
		String code = "BR" + System.nanoTime() % 1_000_000L;
		$("#park-code").sendKeys(code);
		$("#park-name").sendKeys("Browser park");
		$("#park-district").sendKeys("Duodao");
		clickAndWait($("#new-park button[type=submit]"));
		assertThat($(".flash.notice").getText()).isEqualTo("Park " + code + " added.");
		assertThat($("#park-" + code + " input[name=name]").getAttribute("value")).isEqualTo("Browser park");
		screenshot("admin-parks");
	}

	@Test
	void theAdministratorsOwnAdminRoleStaysLockedWhenThePageComesBack() {
		loginAs("admin");
		clickAndWait($("nav.mainnav a[data-nav=users]"));
		String ownAdmin = "#user-admin input[name=roles][value=ADMIN]";
		assertThat($(ownAdmin).isEnabled()).as("locked when the page opens").isFalse();

		clickAndWait($("nav.mainnav a[data-nav=parks]"));
		browser().navigate().back();
		waitFor(By.cssSelector("#user-admin"));
		assertThat($(ownAdmin).isEnabled()).as("locked after going back").isFalse();

		// what the page's script disabled on a submit works again when the page comes
		// back from the browser's cache
		WebElement create = $("#new-user button[type=submit]");
		script("arguments[0].dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))",
				$("#new-user form"));
		new WebDriverWait(browser(), Duration.ofSeconds(5)).until(d -> !create.isEnabled());
		script("window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))");
		assertThat(create.isEnabled()).as("the button the script disabled").isTrue();
		assertThat($(ownAdmin).isEnabled()).as("locked when the page comes back from the cache").isFalse();
	}

	@Test
	void theAdministrationPagesFitAPhone() {
		try {
			browser().manage().window().setSize(new Dimension(390, 844));
			loginAs("admin");
			for (String path : List.of("/admin/users", "/admin/parks")) {
				open(path);
				waitFor(By.cssSelector("main h1"));
				Number overflow = (Number) script(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow.intValue()).as(path + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
				screenshot("phone" + path.replace('/', '-'));
			}
		}
		finally {
			browser().manage().window().setSize(new Dimension(1400, 1000));
		}
	}

	@Test
	void theLoginPageSaysWhenAnAccountIsLocked() {
		open("/login?locked");
		assertThat($("[data-login=locked]").getText()).startsWith("Too many failed logins");
		open("/login?locked&lang=zh_CN");
		assertThat($("[data-login=locked]").getText()).startsWith("该账号登录失败次数过多");
		open("/login?lang=en");
	}

	@Test
	void noPageBreaksTheContentSecurityPolicy() {
		long id = createProject("officer", "JS-IMP", "HEALTH", "LIGHT", today().minusDays(10), unique("CSP"));
		// the check itself: an inline script the policy must refuse shows up in the
		// console
		open("/login");
		cspViolations();
		script("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; "
				+ "document.head.appendChild(s);");
		assertThat(script("return window.inlineRan === true;")).isEqualTo(false);
		assertThat(cspViolations()).as("the console reports what the policy refused").isNotEmpty();
		List<String> pages = List.of("/", "/tasks", "/projects/new", "/projects/" + id, "/dashboard", "/audit",
				"/audit?verify=true", "/projects/987654321");
		checkPages("manager", pages);
		checkPages("admin", List.of("/", "/admin/users", "/admin/parks", "/dashboard"));
		checkPages("auditor", List.of("/", "/tasks", "/dashboard", "/audit", "/admin/users", "/admin/parks"));
	}

	private void checkPages(String user, List<String> pages) {
		open("/login");
		browser().manage().deleteAllCookies();
		loginAs(user);
		assertThat(cspViolations()).as("console after logging in as " + user).isEmpty();
		for (String path : pages) {
			open(path);
			waitFor(By.cssSelector("main"));
			// charts and scripts run after load; give them a moment to complain
			script("return new Promise(done => setTimeout(done, 300));");
			assertThat(cspViolations()).as("CSP violations on " + path + " as " + user).isEmpty();
		}
	}

}
