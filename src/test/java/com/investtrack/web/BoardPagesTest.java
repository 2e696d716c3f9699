package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;

/**
 * The board beyond a screenful: a column shows its count and its first cards with a link to all of them, the stage's
 * own list is paged, and the filters (park, officer, "my projects", health, dropped) narrow every column.
 */
class BoardPagesTest extends WebTestBase {

	@Test
	void aLongColumnOpensIntoAPagedList() {
		String park = newPark();
		for (int i = 0; i < BoardController.LIST_PAGE + 5; i++) {
			createProject(i % 2 == 0 ? "officer" : "officer2", park, "HEALTH", "LIGHT", today().minusDays(i),
					unique("Clinic " + i));
		}
		WebSession manager = session("manager");
		String board = manager.get("/?park=" + park).body();
		String column = column(board, "NEGOTIATION");
		assertThat(column).contains("data-count=\"55\"");
		assertThat(count(column, "class=\"project-card")).isEqualTo(BoardController.COLUMN_CARDS);
		assertThat(column).contains("Show all 55").contains("href=\"/?park=" + park + "&amp;stage=NEGOTIATION\"");
		assertThat(column(board, "SIGNING")).contains("data-count=\"0\"").contains("None here.");

		String first = manager.get("/?park=" + park + "&stage=NEGOTIATION").body();
		assertThat(count(first, "<tr data-project=")).isEqualTo(BoardController.LIST_PAGE);
		assertThat(first).contains("Page 1 of 2 (55 in all)").contains("rel=\"next\"");
		String second = manager.get("/?park=" + park + "&stage=NEGOTIATION&page=1").body();
		assertThat(count(second, "<tr data-project=")).isEqualTo(5);
		assertThat(second).contains("Page 2 of 2").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

		String mine = session("officer").get("/?park=" + park + "&mine=true").body();
		assertThat(column(mine, "NEGOTIATION")).contains("data-count=\"28\"");
		String theirs = manager.get("/?park=" + park + "&officer=officer2").body();
		assertThat(column(theirs, "NEGOTIATION")).contains("data-count=\"27\"");
	}

	@Test
	void healthAndDroppedFiltersNarrowTheBoard() {
		String park = newPark();
		long red = createProject("officer", park, "HEALTH", "LIGHT", today().minusDays(redNegotiationDays()),
				unique("Old talks"));
		long green = createProject("officer", park, "HEALTH", "LIGHT", today().minusDays(3), unique("New talks"));
		long dropped = createProject("officer", park, "HEALTH", "LIGHT", today().minusDays(30), unique("Lost talks"));
		assertThat(post("officer", "/api/projects/" + dropped + "/drop",
				Map.of("effectiveOn", today().toString(), "reason", "went elsewhere")).status()).isEqualTo(200);
		WebSession officer = session("officer");

		String redOnly = officer.get("/?park=" + park + "&health=RED").body();
		assertThat(redOnly).contains("data-project=\"" + red + "\"").doesNotContain("data-project=\"" + green + "\"");
		String current = officer.get("/?park=" + park).body();
		assertThat(current).contains("data-project=\"" + red + "\"").contains("data-project=\"" + green + "\"")
			.doesNotContain("data-project=\"" + dropped + "\"");
		String droppedOnly = officer.get("/?park=" + park + "&status=DROPPED").body();
		assertThat(droppedOnly).contains("data-project=\"" + dropped + "\"").contains("Dropped in Negotiation")
			.doesNotContain("data-project=\"" + red + "\"");
		// a value that does not parse is ignored rather than failing the page
		assertThat(officer.get("/?park=" + park + "&health=PURPLE&page=x").status()).isEqualTo(200);
	}

	/** The HTML of one board column. */
	private static String column(String board, String stage) {
		Matcher m = Pattern.compile("<section class=\"column\" data-stage=\"" + stage + "\".*?</section>", Pattern.DOTALL)
			.matcher(board);
		assertThat(m.find()).as("column " + stage).isTrue();
		return m.group();
	}

	private static int count(String html, String fragment) {
		return html.split(Pattern.quote(fragment), -1).length - 1;
	}

}
