package com.investtrack.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.investtrack.common.Role;
import com.investtrack.security.CurrentUser;
import com.investtrack.support.ApiTestBase;

/**
 * The page's bounded bulletin against the whole one, on lists longer than the page shows:
 * the same figures, the first entries of each list in the same order and the whole lists'
 * sizes; and the page kept until a committed change.
 */
class BulletinPageApiTest extends ApiTestBase {

	private static final int LIMIT = 100;

	/**
	 * Enough for the red list, signed-not-started and idle land to run past the limit.
	 */
	private static final int PROJECTS = 240;

	@Autowired
	private BulletinService bulletins;

	private String park;

	private LocalDate today;

	/**
	 * Projects written straight into the tables the bulletin reads (as the bulletin
	 * benchmark writes them), in a park of their own, long stalled: every one is red;
	 * those waiting for construction are signed, not started and (heavy ones) on idle
	 * land; those under construction are built, not producing.
	 */
	@BeforeEach
	void stalledProjects() {
		today = bulletins.today();
		park = "BP-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)")
			.params(park, "Bounded park " + park, "Bounded district " + park)
			.update();
		for (int i = 0; i < PROJECTS; i++) {
			boolean building = i % 3 == 0;
			String code = park + "-" + (1000 + i);
			jdbc.sql("""
					INSERT INTO project (code, name, investor, industry_code, park_code, asset_model,
					  investment_amount_yuan, officer, stage, stage_entered_on, outcome, created_at, created_by,
					  version, total_investment_wan, contracted_investment_wan, leader)
					VALUES (?, ?, 'Investor', 'EQUIPMENT', ?, ?, 100000000, 'officer', ?, ?, 'ACTIVE', ?, 'officer', 0,
					  20000, 20000, ?)""")
				.params(code, "Stalled " + code, park, i % 4 == 0 ? "LIGHT" : "HEAVY",
						building ? "CONSTRUCTION" : "SITE_SELECTION",
						Date.valueOf(today.minusDays(building ? 450 : 900)), Timestamp.from(Instant.now()),
						i % 2 == 0 ? "leader" : null)
				.update();
			long id = jdbc.sql("SELECT id FROM project WHERE code = ?").param(code).query(Long.class).single();
			jdbc.sql("""
					INSERT INTO milestone_timeline (project_id, park_code, industry_code, asset_model, negotiation_day,
					  signing_day, site_selection_day, construction_day, contracted_investment_wan)
					VALUES (?, ?, 'EQUIPMENT', 'HEAVY', ?, ?, ?, ?, 20000)""")
				.params(id, park, today.minusDays(1000 + i).toEpochDay(), today.minusDays(950 + i).toEpochDay(),
						today.minusDays(900).toEpochDay(), building ? today.minusDays(450).toEpochDay() : null)
				.update();
			jdbc.sql("INSERT INTO project_plan (project_id, construction_on, production_on) VALUES (?, ?, ?)")
				.params(id, Date.valueOf(today.minusDays(700 + i % 7)), Date.valueOf(today.minusDays(380 + i % 5)))
				.update();
		}
	}

	@Test
	void thePagesBulletinHasTheWholeBulletinsFiguresAndTheFirstEntriesOfEachList() {
		LocalDate lastMonth = today.minusMonths(1);
		for (int[] period : new int[][] { { lastMonth.getYear(), lastMonth.getMonthValue() },
				{ today.getYear() - 1, 12 }, { today.getYear(), today.getMonthValue() } }) {
			Bulletin whole = bulletins.compute(period[0], period[1]);
			BulletinPage page = bulletins.excerpt(period[0], period[1], LIMIT);
			Bulletin.Lists all = whole.lists();
			assertThat(all.red()).hasSizeGreaterThan(LIMIT);
			assertThat(all.signedNotStarted()).hasSizeGreaterThan(LIMIT);
			assertThat(all.idleLand()).hasSizeGreaterThan(LIMIT);
			assertThat(all.builtNotProducing()).isNotEmpty();

			Bulletin.Lists first = new Bulletin.Lists(first(all.red()), first(all.signedNotStarted()),
					first(all.builtNotProducing()), first(all.idleLand()), first(all.openNotices()),
					first(all.agreedNextMonth()));
			assertThat(page.bulletin()).isEqualTo(new Bulletin(whole.year(), whole.month(), whole.asOf(),
					whole.schedulePercent(), whole.majorProjectWan(), whole.indicators(), whole.cohort(),
					whole.byPark(), whole.byDistrict(), first));
			assertThat(page.totals()).isEqualTo(new BulletinPage.Totals(all.red().size(), all.signedNotStarted().size(),
					all.builtNotProducing().size(), all.idleLand().size(), all.openNotices().size(),
					all.agreedNextMonth().size()));
			assertThat(page.limit()).isEqualTo(LIMIT);
		}
	}

	@Test
	void thePageIsKeptUntilTheNextCommittedChange() {
		CurrentUser reader = new CurrentUser("auditor", Set.of(Role.AUDITOR));
		int year = today.getYear() - 1;
		BulletinPage first = bulletins.page(year, 12, LIMIT, reader);
		assertThat(bulletins.page(year, 12, LIMIT, reader)).isSameAs(first);
		assertThat(bulletins.page(year, 12, 10, reader).bulletin().lists().red()).hasSize(10);

		assertThat(put("manager", "/api/targets/" + year + "/parks/" + park, Map.of("signedProjects", 7)).status())
			.isEqualTo(200);
		BulletinPage changed = bulletins.page(year, 12, LIMIT, reader);
		assertThat(changed).isNotSameAs(first);
		Bulletin.IndicatorRow signed = changed.bulletin()
			.byPark()
			.stream()
			.filter(r -> r.code().equals(park))
			.findFirst()
			.orElseThrow()
			.indicators()
			.get(Indicator.SIGNED_PROJECTS.ordinal());
		assertThat(signed.target()).isEqualByComparingTo(BigDecimal.valueOf(7));
		assertThat(changed).isEqualTo(bulletins.excerpt(year, 12, LIMIT));
	}

	/**
	 * More pages computed at once than the connection pool has connections: the request
	 * threads hold none while their parts run on the part threads, so none waits for a
	 * connection that another holds, and each page is the one computed alone.
	 */
	@Test
	void manyPagesComputedAtOnceEachMatchTheOneComputedAlone() throws Exception {
		CurrentUser reader = new CurrentUser("auditor", Set.of(Role.AUDITOR));
		int year = today.getYear() - 1;
		int requests = 16;
		ExecutorService requesters = Executors.newFixedThreadPool(requests);
		try {
			List<Future<BulletinPage>> pages = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				// a limit each: the cache keeps none of them for another
				int limit = LIMIT - i;
				pages.add(requesters.submit(() -> bulletins.page(year, 12, limit, reader)));
			}
			for (int i = 0; i < requests; i++) {
				assertThat(pages.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(bulletins.excerpt(year, 12, LIMIT - i));
			}
		}
		finally {
			requesters.shutdownNow();
		}
	}

	private static <T> List<T> first(List<T> list) {
		return list.subList(0, Math.min(LIMIT, list.size()));
	}

}
