package com.investtrack.ledger;

import static com.investtrack.ledger.Workbooks.row;
import static com.investtrack.ledger.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.investtrack.support.ApiTestBase;

/**
 * The import page with form-login sessions (MockMvc through the whole filter chain): a
 * manager uploads a ledger, reads the preview with each error in the page's language
 * naming row, column and value, and confirms; officers are refused.
 */
class ImportPageTest extends ApiTestBase {

	@Test
	void aManagerPreviewsInChineseAndConfirms() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		byte[] file = xlsx(row("台账"), row("项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "招商专员", "约定开工"),
				row("PG-" + tag, "Page project " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, "officer"),
				row("PH-" + tag, "Bad date " + tag, "Investor", "JS-IMP", "EQUIPMENT", 100, "officer", "2025.13.01"));
		MockHttpSession session = login("manager", "demo");
		String page = mvc
			.perform(MockMvcRequestBuilders.get("/imports").session(session).locale(Locale.SIMPLIFIED_CHINESE))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"import-upload\"")
			.contains("/api/projects/export.xlsx")
			.contains("data-nav=\"imports\"");

		MvcResult preview = mvc
			.perform(multipart("/imports")
				.file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", file))
				.session(session)
				.locale(Locale.SIMPLIFIED_CHINESE)
				.with(csrf()))
			.andReturn();
		assertThat(preview.getResponse().getStatus()).isEqualTo(200);
		String html = preview.getResponse().getContentAsString();
		assertThat(html).contains("第4行「约定开工」: 2025.13.01 不是日期")
			.contains("data-action=\"NEW\"")
			.contains("新增 1，更新 0，无变化 0，错误 1");
		assertThat(count("SELECT COUNT(*) FROM project WHERE code = ?", "PG-" + tag)).isZero();
		Matcher id = Pattern.compile("data-import-id=\"([^\"]+)\"").matcher(html);
		assertThat(id.find()).isTrue();

		MvcResult confirmed = mvc
			.perform(MockMvcRequestBuilders.post("/imports/" + id.group(1) + "/confirm").session(session).with(csrf()))
			.andReturn();
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/imports");
		assertThat((String) confirmed.getFlashMap().get("importDone")).contains("1").contains("skipped");
		assertThat(count("SELECT COUNT(*) FROM project WHERE code = ?", "PG-" + tag)).isEqualTo(1);
	}

	@Test
	void aFileThatIsNoWorkbookIsExplainedOnThePage() throws Exception {
		MockHttpSession session = login("admin", "demo");
		MvcResult result = mvc
			.perform(multipart("/imports")
				.file(new MockMultipartFile("file", "ledger.xlsx", "application/pdf", "%PDF-1.4".getBytes()))
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("id=\"file-problem\"").contains("ledger.xlsx");
	}

	@Test
	void theBoardOffersTheExportOfWhatItShows() throws Exception {
		String html = mvc
			.perform(MockMvcRequestBuilders.get("/").param("park", "JS-IMP").session(login("officer", "demo")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"board-export\"").contains("/api/projects/export.xlsx?parkCode=JS-IMP");
	}

	@Test
	void aLeadersExportCarriesEachCriterionOnce() throws Exception {
		String html = mvc
			.perform(MockMvcRequestBuilders.get("/")
				.param("mine", "true")
				.param("keyLevel", "CITY")
				.session(login("leader", "demo")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher found = Pattern.compile("id=\"board-export\"\\s+href=\"([^\"]*)\"").matcher(html);
		assertThat(found.find()).as("the export link").isTrue();
		String link = found.group(1).replace("&amp;", "&");
		assertThat(link).startsWith("/api/projects/export.xlsx?");
		assertThat(link.split("leader=", -1)).as(link).hasSize(2);
		assertThat(link).contains("leader=leader").contains("keyLevel=CITY");
		assertThat(link.split("keyLevel=", -1)).as(link).hasSize(2);
	}

	@Test
	void officersAndAuditorsAreRefused() throws Exception {
		for (String user : new String[] { "officer", "auditor" }) {
			assertThat(mvc.perform(MockMvcRequestBuilders.get("/imports").session(login(user, "demo")))
				.andReturn()
				.getResponse()
				.getStatus()).as(user).isEqualTo(403);
		}
	}

}
