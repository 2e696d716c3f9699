package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * The dashboard's CSV downloads against known projects, on H2 and on MySQL/MariaDB (the breakdowns group in one
 * query each, so this also checks that SQL on both databases). Figures per park are those of a filter on the park.
 */
class DashboardCsvApiTest extends WebTestBase {

	@Test
	void timeToProductionByParkIndustryAssetModelYearAndStage() {
		ParkFixture f = parkWithProjectsInProduction();
		WebSession manager = session("manager");

		List<String> byPark = lines(manager.get("/dashboard/ttp.csv?by=park&park=" + f.park()));
		assertThat(byPark.get(0)).isEqualTo("Code,Park,Projects,\"Median days, total\",\"P90 days, total\","
				+ "Negotiation: median days,Negotiation: p90 days,Signing: median days,Signing: p90 days,"
				+ "Site selection: median days,Site selection: p90 days,Construction: median days,Construction: p90 days,"
				+ "Heavy asset: median days,Asset light: median days");
		assertThat(byPark).hasSize(2);
		assertThat(byPark.get(1)).isEqualTo(f.park() + ",Test park " + f.park()
				+ ",3,470.0,574.0,20.0,28.0,10.0,14.8,34.0,54.8,400.0,480.0,535.0,235.0");

		List<String> byIndustry = lines(manager.get("/dashboard/ttp.csv?by=industry&park=" + f.park()));
		assertThat(byIndustry).containsExactly(byIndustry.get(0),
				"ELECTRONICS,Electronic information,1,235.0,235.0,10.0,10.0,5.0,5.0,20.0,20.0,200.0,200.0",
				"EQUIPMENT,Equipment manufacturing,2,535.0,587.0,25.0,29.0,13.0,15.4,47.0,57.4,450.0,490.0");

		// rows in the order of their names in the page's language
		List<String> byAsset = lines(manager.get("/dashboard/ttp.csv?by=asset&park=" + f.park()));
		assertThat(byAsset.subList(1, 3)).containsExactly(
				"LIGHT,Asset light,1,235.0,235.0,10.0,10.0,5.0,5.0,20.0,20.0,200.0,200.0",
				"HEAVY,Heavy asset,2,535.0,587.0,25.0,29.0,13.0,15.4,47.0,57.4,450.0,490.0");

		List<String> byYear = lines(manager.get("/dashboard/ttp.csv?by=year&park=" + f.park()));
		assertThat(byYear.subList(1, 3)).containsExactly(
				"2023,2023,1,235.0,235.0,10.0,10.0,5.0,5.0,20.0,20.0,200.0,200.0",
				"2024,2024,2,535.0,587.0,25.0,29.0,13.0,15.4,47.0,57.4,450.0,490.0");

		List<String> byStage = lines(manager.get("/dashboard/ttp.csv?by=stage&park=" + f.park() + "&asset=HEAVY"));
		assertThat(byStage).containsExactly("Stage,Projects,Median days,P90 days", "Negotiation,2,25.0,29.0",
				"Signing,2,13.0,15.4", "Site selection,2,47.0,57.4", "Construction,2,450.0,490.0",
				"Total (first talk to production),2,535.0,587.0");

		// a heavy-asset filter gives the same figures as the heavy column of the per-park table
		List<String> heavyPark = lines(manager.get("/dashboard/ttp.csv?by=park&asset=HEAVY&park=" + f.park()));
		assertThat(heavyPark.get(1)).startsWith(f.park() + ",Test park " + f.park() + ",2,535.0,587.0,");
	}

	@Test
	void durationsKpisAndAttention() {
		ParkFixture f = parkWithProjectsInProduction();
		WebSession auditor = session("auditor");

		List<String> durations = lines(
				auditor.get("/dashboard/durations.csv?from=CONSTRUCTION&to=PRODUCTION&park=" + f.park() + "&year=2024"));
		assertThat(durations).containsExactly(
				"From milestone,To milestone,Park,Industry,Asset model,Year,Projects,Median days,P90 days,Shortest days,Longest days",
				"Construction,Production,Test park " + f.park() + ",All,All,2024,2,450.0,490.0,400,500");

		List<String> kpis2023 = lines(auditor.get("/dashboard/kpis.csv?year=2023&park=" + f.park()));
		assertThat(kpis2023).containsExactly("Figure,Value", "in Negotiation,1", "in Signing,0", "in Site selection,0",
				"in Construction,0", "in Production,3", "signed in 2023,3", "construction commenced in 2023,3",
				"production started in 2023,1", "heavy-asset projects started in 2023,2",
				"land of heavy-asset projects started in 2023 (m²),100000.00");

		List<String> attention = lines(auditor.get("/dashboard/attention.csv?park=" + f.park()));
		assertThat(attention).hasSize(2);
		assertThat(attention.get(1)).startsWith("Stalled,").contains(",Test park " + f.park() + ",officer,Negotiation,")
			.endsWith("," + redNegotiationDays());
	}

	@Test
	void theAuditCsvHoldsEveryEntryOfAProject() {
		ParkFixture f = parkWithProjectsInProduction();
		List<String> audit = lines(session("auditor").get("/audit.csv?project=" + f.heavyA()));
		// created, first milestone, then 2 x (requested, approved, recorded) and 2 recorded milestones
		assertThat(audit).hasSize(1 + 2 + 6 + 2);
		// newest first: production, recorded when the manager approved it
		assertThat(audit.get(1)).contains(",manager,MILESTONE_RECORDED," + f.heavyA() + ",CONSTRUCTION,PRODUCTION,2024-04-24,,")
			.contains("\"entered by officer, approved by manager\"");
		assertThat(audit.get(audit.size() - 1)).contains(",officer,PROJECT_CREATED," + f.heavyA() + ",");
		assertThat(audit).anyMatch(l -> l.contains(",manager,APPROVED,") && l.contains("approved in test"));
	}

	/** The CSV's lines without the byte-order mark; fails unless it was a CSV download. */
	private static List<String> lines(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(page.body()).startsWith("\uFEFF");
		return Arrays.asList(page.body().substring(1).split("\r\n"));
	}

}
