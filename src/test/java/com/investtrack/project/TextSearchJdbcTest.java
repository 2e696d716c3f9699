package com.investtrack.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.investtrack.common.PageResult;
import com.investtrack.common.Stage;

/**
 * A slice: the embedded database with the product's migrations and the project table's
 * repository. A text search answered from its one scan of matches (under the cap) gives
 * the board's columns and the paged list exactly as a COUNT and a page query per column
 * give them: the same cards in the same order, the same counts, the same escaping of
 * {@code %}, {@code _} and {@code \}; above the cap it falls back to those queries.
 */
@JdbcTest
class TextSearchJdbcTest {

	private static final int CARDS = 3;

	@Autowired
	JdbcClient jdbc;

	private ProjectRepository underCap;

	private ProjectRepository aboveCap;

	@BeforeEach
	void projects() {
		underCap = new ProjectRepository(jdbc, ProjectRepository.TEXT_SCAN_CAP);
		aboveCap = new ProjectRepository(jdbc, 4);
		jdbc.sql("INSERT INTO park (code, name, district) VALUES ('TS-P', 'Search park', 'D')").update();
		jdbc.sql("INSERT INTO industry (code, name) VALUES ('TS-I', 'Search industry')").update();
		for (String user : List.of("ts-o1", "ts-o2")) {
			jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) "
					+ "VALUES (?, ?, 'x', TRUE, CURRENT_TIMESTAMP)")
				.params(user, user)
				.update();
		}
		// names with the searched digits, with the characters LIKE treats specially, and
		// without; spread over every stage, both officers, and all three outcomes
		String[] names = { "Plant 4217", "Mill 50% 4217", "Mill 50x 4217", "Kiln a_b", "Kiln axb", "Depot c\\d",
				"Depot cd", "Yard 42170" };
		Stage[] stages = Stage.values();
		for (int i = 0; i < 60; i++) {
			String name = names[i % names.length] + " #" + i;
			String investor = i % 7 == 0 ? "Investor 4217" : "Investor";
			long id = underCap
				.insert(new NewProject(null, facts(name, investor, i % 3 == 0 ? AssetModel.HEAVY : AssetModel.LIGHT),
						i % 2 == 0 ? "ts-o1" : "ts-o2", LocalDate.of(2024, 1, 1)), "test", Instant.now());
			Stage stage = stages[i % stages.length];
			if (stage != Stage.NEGOTIATION) {
				underCap.moveToStage(id, stage, LocalDate.of(2024, 2, 1));
			}
			if (i % 5 == 1 && i % 4 == 0) {
				underCap.markDropped(id, LocalDate.of(2024, 3, 1), "elsewhere");
			}
		}
	}

	@Test
	void theBoardsColumnsFromOneScanEqualThoseOfAQueryPairPerColumn() {
		for (String text : List.of("4217", "50%", "a_b", "c\\d", "PLANT", "nothing like it")) {
			for (ProjectFilter board : List.of(filter(text, null, null), filter(text, "ts-o1", null),
					filter(text, null, AssetModel.HEAVY))) {
				for (boolean dropped : List.of(false, true)) {
					List<ProjectFilter> columns = columns(board, dropped);
					List<PageResult<Project>> expected = columns.stream()
						.map(f -> underCap.countAndPage(f, null, 0, CARDS))
						.toList();
					assertThat(underCap.firstPages(columns, null, CARDS)).as(text).isEqualTo(expected);
					assertThat(aboveCap.firstPages(columns, null, CARDS)).as(text).isEqualTo(expected);
				}
			}
		}
		// the columns under test are not all empty, and some is longer than its cards
		List<PageResult<Project>> board = underCap.firstPages(columns(filter("4217", null, null), false), null, CARDS);
		assertThat(board).anyMatch(column -> column.totalElements() > CARDS);
		assertThat(board.stream().mapToLong(PageResult::totalElements).sum()).as("more than the small cap")
			.isGreaterThan(4);
		// a LIKE wildcard in the text is a plain character: "50%" does not find "50x"
		assertThat(underCap.search(filter("50%", null, null), null, 0, 100).content())
			.allMatch(p -> p.facts().name().contains("50%"))
			.isNotEmpty();
	}

	@Test
	void aCriterionAnotherModuleComputesNarrowsTheScanAsItNarrowsTheQueries() {
		var extra = new ListCondition(" LEFT JOIN project_plan pl ON pl.project_id = p.id", "p.officer = :who",
				Map.of("who", "ts-o2"));
		List<ProjectFilter> columns = columns(filter("4217", null, null), false);
		List<PageResult<Project>> expected = columns.stream()
			.map(f -> underCap.countAndPage(f, extra, 0, CARDS))
			.toList();
		assertThat(underCap.firstPages(columns, extra, CARDS)).isEqualTo(expected);
		assertThat(expected).allMatch(page -> page.content().stream().allMatch(p -> p.officer().equals("ts-o2")));
	}

	@Test
	void everyPageOfATextSearchEqualsItsCountAndPageQueries() {
		for (ProjectFilter f : List.of(filter("4217", null, null), filter("#", null, null), new ProjectFilter(
				Stage.SIGNING, null, null, null, null, null, Outcome.ACTIVE, "4217", null, null, null, null))) {
			for (int page = 0; page < 5; page++) {
				PageResult<Project> expected = underCap.countAndPage(f, null, page, 7);
				assertThat(underCap.search(f, null, page, 7)).isEqualTo(expected);
				assertThat(aboveCap.search(f, null, page, 7)).isEqualTo(expected);
			}
		}
		// far past the end: no rows, the same total
		assertThat(underCap.search(filter("4217", null, null), null, 100000, 200))
			.isEqualTo(underCap.countAndPage(filter("4217", null, null), null, 100000, 200));
	}

	/** The board's columns as its controller asks for them. */
	private static List<ProjectFilter> columns(ProjectFilter board, boolean dropped) {
		List<ProjectFilter> columns = new ArrayList<>();
		for (Stage stage : Stage.values()) {
			if (dropped && !stage.droppable()) {
				continue;
			}
			Outcome outcome = dropped ? Outcome.DROPPED
					: stage == Stage.PRODUCTION ? Outcome.IN_PRODUCTION : Outcome.ACTIVE;
			columns.add(new ProjectFilter(stage, board.parkCode(), board.industryCode(), board.officer(),
					board.health(), board.assetModel(), outcome, board.text(), board.leader(), board.keyLevel(),
					board.projectType(), board.channel()));
		}
		return columns;
	}

	private static ProjectFilter filter(String text, String officer, AssetModel asset) {
		return new ProjectFilter(null, "TS-P", null, officer, null, asset, null, text, null, null, null, null);
	}

	private static ProjectFacts facts(String name, String investor, AssetModel asset) {
		return new ProjectFacts(name, investor, "TS-I", "TS-P", asset, new BigDecimal("1200"), null, null,
				new BigDecimal("30"), null, null, null, null, null, null, null, null, KeyLevel.NONE);
	}

}
