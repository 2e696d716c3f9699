package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The language switch on every page: Chinese labels everywhere once chosen, English again
 * on request.
 */
class LanguageBrowserTest extends BrowserTestBase {

	@Test
	void switchingToChineseShowsChineseLabelsUntilSwitchedBack() {
		LocalDate today = today();
		int[] limits = thresholds("NEGOTIATION");
		long id = createProject("officer", "JS-IMP", "NEW_ENERGY", "HEAVY",
				today.minusDays((limits[0] + limits[1]) / 2), unique("Cathode plant"));
		loginAs("officer");
		open("/projects/" + id);
		assertThat($("html").getAttribute("lang")).isEqualTo("en");
		assertThat($("nav.mainnav a[data-nav=board]").getText()).isEqualTo("Pipeline");

		clickAndWait($("a[data-lang=zh_CN]"));
		waitFor(By.cssSelector("html[lang=zh-CN]"));
		assertThat(browser().getCurrentUrl()).endsWith("/projects/" + id + "?lang=zh_CN");
		assertThat($("nav.mainnav a[data-nav=board]").getText()).isEqualTo("项目看板");
		assertThat($("nav.mainnav a[data-nav=tasks]").getText()).isEqualTo("待办");
		assertThat($("#timeline h2").getText()).isEqualTo("时间轴");
		assertThat($("tr[data-stage=NEGOTIATION] td:first-child").getText()).isEqualTo("洽谈");
		assertThat($("[data-current-stage]").getText()).isEqualTo("洽谈");
		assertThat($(".project-page .light").getText()).isEqualTo("黄灯");
		assertThat($("#next-milestone h2").getText()).isEqualTo("登记下一节点：签订合同");
		assertThat($("#facts").getText()).contains("新能源新材料").contains("京山智能制造产业园").contains("重资产");
		screenshot("language-chinese-project");

		// the choice is remembered on the next pages
		open("/");
		assertThat($("h1").getText()).isEqualTo("项目看板");
		assertThat($(".board .column[data-stage=SITE_SELECTION] h2").getText()).isEqualTo("选址供地");
		open("/tasks");
		assertThat($("#owed h2").getText()).startsWith("待登记的节点");
		screenshot("language-chinese-tasks");

		clickAndWait($("a[data-lang=en]"));
		waitFor(By.cssSelector("html[lang=en]"));
		assertThat($("h1").getText()).isEqualTo("Tasks");
	}

}
