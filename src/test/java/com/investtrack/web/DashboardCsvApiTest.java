package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.report.ReportFilter;
import com.investtrack.report.ReportService;
import com.investtrack.support.WebSession;
import com.investtrack.support.WebSession.Page;

/**
 * The dashboard's CSV downloads against known projects, on H2 and on MySQL/MariaDB (the
 * breakdowns group in one query each, so this also checks that SQL on both databases).
 * Figures per park are those of a filter on the park.
 * <p>
 * Working days, counted day by day: 2023 has no calendar entries (Monday to Friday), 2024
 * the State Council's. The heavy projects take 14+12+24+281 = 331 (A) and 22+6+44+345 =
 * 417 (B) working days, the light one 8+3+14+144 = 169; e.g. A's 20 days of negotiation,
 * 2023-01-10 to 01-30, are 3+5+5+1 = 14 weekdays, and B's construction, 2023-06-09 to
 * 2024-10-21, is 145 weekdays in 2023 and 200 working days in 2024 (2024's holidays and
 * adjusted days).
 */
class DashboardCsvApiTest extends WebTestBase {

	/**
	 * A breakdown row's figures after its project count: for the light project alone, and
	 * for the two heavy ones.
	 */
	private static final String LIGHT = "235.0,235.0,169.0,169.0,10.0,10.0,8.0,8.0,5.0,5.0,3.0,3.0,20.0,20.0,14.0,14.0,"
			+ "200.0,200.0,144.0,144.0";

	private static final String HEAVY = "535.0,587.0,374.0,408.4,25.0,29.0,18.0,21.2,13.0,15.4,9.0,11.4,47.0,57.4,"
			+ "34.0,42.0,450.0,490.0,313.0,338.6";

	@Autowired
	ReportService reports;

	/**
	 * The dashboard shows the overview's total as its first span (from first talk to
	 * production) instead of computing that span again: the same figures as the durations
	 * report, for every filter.
	 */
	@Test
	void theFirstSpanOnTheDashboardIsTheOverviewsTotal() {
		ParkFixture f = parkWithProjectsInProduction();
		for (ReportFilter filter : List.of(new ReportFilter(f.park(), null, null, null),
				new ReportFilter(f.park(), null, AssetModel.HEAVY, null), new ReportFilter(f.park(), null, null, 2024),
				new ReportFilter(null, null, null, null))) {
			var total = reports.productionOverview(filter).overall().total();
			assertThat(total).as("%s", filter)
				.isEqualTo(reports.durations(Stage.NEGOTIATION, Stage.PRODUCTION, filter));
			if (filter.parkCode() != null && filter.year() == null) {
				assertThat(total.projects()).as("%s", filter).isPositive();
			}
		}
	}

	@Test
	void timeToProductionByParkIndustryAssetModelYearAndStage() {
		ParkFixture f = parkWithProjectsInProduction();
		WebSession manager = session("manager");

		List<String> byPark = lines(manager.get("/dashboard/ttp.csv?by=park&park=" + f.park()));
		assertThat(byPark.get(0)).isEqualTo("Code,Park,Projects,\"Median days, total\",\"P90 days, total\","
				+ "\"Median working days, total\",\"P90 working days, total\","
				+ "Negotiation: median days,Negotiation: p90 days,Negotiation: median working days,"
				+ "Negotiation: p90 working days,Signing: median days,Signing: p90 days,Signing: median working days,"
				+ "Signing: p90 working days,Site selection: median days,Site selection: p90 days,"
				+ "Site selection: median working days,Site selection: p90 working days,Construction: median days,"
				+ "Construction: p90 days,Construction: median working days,Construction: p90 working days,"
				+ "Heavy asset: median days,Asset light: median days");
		assertThat(byPark).hasSize(2);
		assertThat(byPark.get(1)).isEqualTo(f.park() + ",Test park " + f.park() + ",3,470.0,574.0,331.0,399.8,"
				+ "20.0,28.0,14.0,20.4,10.0,14.8,6.0,10.8,34.0,54.8,24.0,40.0,400.0,480.0,281.0,332.2,535.0,235.0");

		List<String> byIndustry = lines(manager.get("/dashboard/ttp.csv?by=industry&park=" + f.park()));
		assertThat(byIndustry).containsExactly(byIndustry.get(0), "ELECTRONICS,Electronic information,1," + LIGHT,
				"EQUIPMENT,Equipment manufacturing,2," + HEAVY);

		// rows in the order of their names in the page's language
		List<String> byAsset = lines(manager.get("/dashboard/ttp.csv?by=asset&park=" + f.park()));
		assertThat(byAsset.subList(1, 3)).containsExactly("LIGHT,Asset light,1," + LIGHT,
				"HEAVY,Heavy asset,2," + HEAVY);

		List<String> byYear = lines(manager.get("/dashboard/ttp.csv?by=year&park=" + f.park()));
		assertThat(byYear.subList(1, 3)).containsExactly("2023,2023,1," + LIGHT, "2024,2024,2," + HEAVY);

		List<String> byStage = lines(manager.get("/dashboard/ttp.csv?by=stage&park=" + f.park() + "&asset=HEAVY"));
		assertThat(byStage).containsExactly("Stage,Projects,Median days,P90 days,Median working days,P90 working days",
				"Negotiation,2,25.0,29.0,18.0,21.2", "Signing,2,13.0,15.4,9.0,11.4",
				"Site selection,2,47.0,57.4,34.0,42.0", "Construction,2,450.0,490.0,313.0,338.6",
				"Total (first talk to production),2,535.0,587.0,374.0,408.4");

		// a heavy-asset filter gives the same figures as the heavy column of the per-park
		// table
		List<String> heavyPark = lines(manager.get("/dashboard/ttp.csv?by=park&asset=HEAVY&park=" + f.park()));
		assertThat(heavyPark.get(1)).startsWith(f.park() + ",Test park " + f.park() + ",2,535.0,587.0,");
	}

	@Test
	void durationsKpisAndAttention() {
		ParkFixture f = parkWithProjectsInProduction();
		WebSession auditor = session("auditor");

		List<String> durations = lines(auditor
			.get("/dashboard/durations.csv?from=CONSTRUCTION&to=PRODUCTION&park=" + f.park() + "&year=2024"));
		assertThat(durations).containsExactly(
				"From milestone,To milestone,Park,Industry,Asset model,Year,Projects,Median days,P90 days,"
						+ "Median working days,P90 working days,Shortest days,Longest days",
				"Construction,Production,Test park " + f.park() + ",All,All,2024,2,450.0,490.0,313.0,338.6,400,500");

		List<String> kpis2023 = lines(auditor.get("/dashboard/kpis.csv?year=2023&park=" + f.park()));
		assertThat(kpis2023).containsExactly("Figure,Value", "in Negotiation,1", "in Signing,0", "in Site selection,0",
				"in Construction,0", "in Production,3", "signed in 2023,3", "construction commenced in 2023,3",
				"production started in 2023,1", "heavy-asset projects started in 2023,2",
				"land of heavy-asset projects started in 2023 (m²),100000.00");

		List<String> attention = lines(auditor.get("/dashboard/attention.csv?park=" + f.park()));
		assertThat(attention).hasSize(2);
		assertThat(attention.get(1)).startsWith("Stalled,")
			.contains(",Test park " + f.park() + ",officer,Negotiation,")
			.endsWith("," + redNegotiationDays());
	}

	@Test
	void theAuditCsvHoldsEveryEntryOfAProject() {
		ParkFixture f = parkWithProjectsInProduction();
		List<String> audit = lines(session("auditor").get("/audit.csv?project=" + f.heavyA()));
		// created, first milestone, then 2 x (requested, approved, recorded) and 2
		// recorded milestones
		assertThat(audit).hasSize(1 + 2 + 6 + 2);
		// newest first: production, recorded when the manager approved it
		assertThat(audit.get(1))
			.contains(",manager,MILESTONE_RECORDED," + f.heavyA() + ",CONSTRUCTION,PRODUCTION,2024-04-24,,")
			.contains("\"entered by officer, approved by manager\"");
		assertThat(audit.get(audit.size() - 1)).contains(",officer,PROJECT_CREATED," + f.heavyA() + ",");
		assertThat(audit).anyMatch(l -> l.contains(",manager,APPROVED,") && l.contains("approved in test"));
	}

	/**
	 * The CSV's lines without the byte-order mark; fails unless it was a CSV download.
	 */
	private static List<String> lines(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(page.body()).startsWith("\uFEFF");
		return Arrays.asList(page.body().substring(1).split("\r\n"));
	}

}
