package com.investtrack.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.PageResult;
import com.investtrack.common.SideBySide;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.milestone.MilestoneDates;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectFilter;
import com.investtrack.report.Breakdown;
import com.investtrack.report.DurationStats;
import com.investtrack.report.ProductionOverview;
import com.investtrack.report.ReportFilter;
import com.investtrack.report.ReportService;
import com.investtrack.report.TimeToProduction;
import com.investtrack.report.YearKpis;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * The managers' dashboard (auditors may read it): time to production by park, industry,
 * asset model and year as charts and tables, the duration between any two milestones, the
 * year's KPIs and the projects that need attention. Every table downloads as CSV under
 * the same filter. The charts read their figures from JSON blocks in the page.
 */
@Controller
class DashboardController {

	/** Red and yellow projects listed on the page (the board shows all of them). */
	static final int ATTENTION_LIMIT = 50;

	/** The query parameter naming each breakdown. */
	static final Map<String, Breakdown> BREAKDOWNS = Map.of("park", Breakdown.PARK, "industry", Breakdown.INDUSTRY,
			"asset", Breakdown.ASSET_MODEL, "year", Breakdown.YEAR);

	/**
	 * One group of a breakdown; heavy/light medians only in the per-park table, when no
	 * asset model is chosen.
	 */
	record Row(String key, String label, TimeToProduction ttp, Double heavyMedian, Double lightMedian) {
	}

	/**
	 * A breakdown as the page shows it: its rows, and the figures its chart is drawn
	 * from.
	 */
	record Table(String by, List<Row> rows, String chart) {
	}

	/** The first red or yellow projects and how many there are. */
	record Attention(Health health, PageResult<ProjectView> projects) {
	}

	/** What a chart draws: one bar series per figure, one bar per label; days. */
	record ChartData(List<String> keys, List<String> labels, List<Series> series) {
	}

	record Series(String key, String label, List<Double> data) {
	}

	private final ReportService reports;

	private final ProjectViews views;

	private final MilestoneDates dates;

	private final Directory directory;

	private final DomainMessages messages;

	private final ObjectMapper json;

	private final AccessPolicy access;

	private final SideBySide sideBySide;

	DashboardController(ReportService reports, ProjectViews views, MilestoneDates dates, Directory directory,
			DomainMessages messages, ObjectMapper json, AccessPolicy access, SideBySide sideBySide) {
		this.access = access;
		this.sideBySide = sideBySide;
		this.reports = reports;
		this.views = views;
		this.dates = dates;
		this.directory = directory;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/dashboard")
	String dashboard(@ModelAttribute("filter") DashboardFilter filter, BindingResult ignoredUnparsable, Model model,
			CurrentUser user) {
		checkReader(user);
		Directory.Names names = directory.names();
		ReportFilter f = filter.toReportFilter();
		int kpiYear = filter.getYear() != null ? filter.getYear() : dates.today().getYear();
		// the panels read independent figures, each a scan of its own after a change:
		// side by side they take the time of the slowest, not of all four in turn (the
		// red and yellow lists are one panel: their totals come from one scan)
		var kpis = sideBySide
			.start(() -> reports.yearKpis(new ReportFilter(f.parkCode(), f.industryCode(), f.assetModel(), kpiYear)));
		var byStage = sideBySide.start(() -> reports.projectsByStage(f));
		var overview = sideBySide.start(() -> reports.productionOverview(f));
		var attention = sideBySide.start(() -> views.firstPagesByHealth(attentionFilter(null, f),
				List.of(Health.RED, Health.YELLOW), ATTENTION_LIMIT));
		model.addAttribute("names", names);
		model.addAttribute("stages", Stage.values());
		model.addAttribute("assetModels", AssetModel.values());
		model.addAttribute("years", years());
		// the span shown first, from first talk to production, is the overview's total:
		// the same projects and days, already read (DashboardCsvApiTest)
		boolean wholeWay = filter.getFrom() == Stage.NEGOTIATION && filter.getTo() == Stage.PRODUCTION;
		if (!wholeWay) {
			try {
				model.addAttribute("durations", reports.durations(filter.getFrom(), filter.getTo(), f));
			}
			catch (InvalidInputException ex) {
				model.addAttribute("durationsError", messages.translate(ex.fields().values().iterator().next()));
			}
		}
		model.addAttribute("kpis", SideBySide.join(kpis));
		model.addAttribute("byStage", SideBySide.join(byStage));
		ProductionOverview production = SideBySide.join(overview);
		TimeToProduction overall = production.overall();
		if (wholeWay) {
			model.addAttribute("durations", overall.total());
		}
		model.addAttribute("overall", overall);
		model.addAttribute("stageChart", chart(stageChart(overall)));
		List<Table> tables = new ArrayList<>();
		for (String by : List.of("park", "industry", "asset", "year")) {
			List<Row> rows = rows(by, production, f, names);
			tables.add(new Table(by, rows, chart(breakdownChart(rows))));
		}
		model.addAttribute("tables", tables);
		List<PageResult<ProjectView>> redAndYellow = SideBySide.join(attention);
		model.addAttribute("attention", List.of(new Attention(Health.RED, redAndYellow.get(0)),
				new Attention(Health.YELLOW, redAndYellow.get(1))));
		return "dashboard";
	}

	@GetMapping("/dashboard/ttp.csv")
	ResponseEntity<byte[]> timeToProductionCsv(@ModelAttribute DashboardFilter filter, BindingResult ignoredUnparsable,
			@RequestParam(defaultValue = "park") String by, CurrentUser user) {
		checkReader(user);
		ReportFilter f = filter.toReportFilter();
		Csv csv = new Csv();
		if ("stage".equals(by)) {
			csv.row(text("csv.stage"), text("csv.projects"), text("csv.median"), text("csv.p90"),
					text("calendar.csv.medianWorking"), text("calendar.csv.p90Working"));
			TimeToProduction overall = reports.timeToProduction(f);
			overall.stages()
				.forEach(s -> csv.row(text("stage." + s.stage()), s.projects(), s.medianDays(), s.p90Days(),
						s.medianWorkingDays(), s.p90WorkingDays()));
			DurationStats total = overall.total();
			csv.row(text("csv.total"), total.projects(), total.medianDays(), total.p90Days(), total.medianWorkingDays(),
					total.p90WorkingDays());
			return csv.download("time-to-production-by-stage.csv");
		}
		if (!BREAKDOWNS.containsKey(by)) {
			throw new InvalidInputException("by", "must be one of park, industry, asset, year, stage");
		}
		List<Object> header = new ArrayList<>(List.of(text("csv.code"), text("csv.group." + by), text("csv.projects"),
				text("csv.totalMedian"), text("csv.totalP90"), text("calendar.csv.totalMedianWorking"),
				text("calendar.csv.totalP90Working")));
		for (Stage s : Stage.values()) {
			if (s != Stage.PRODUCTION) {
				header.add(text("csv.stageMedian", text("stage." + s)));
				header.add(text("csv.stageP90", text("stage." + s)));
				header.add(text("calendar.csv.stageMedianWorking", text("stage." + s)));
				header.add(text("calendar.csv.stageP90Working", text("stage." + s)));
			}
		}
		List<Row> rows = rows(by, reports.productionOverview(f), f, directory.names());
		boolean split = "park".equals(by) && f.assetModel() == null;
		if (split) {
			header.add(text("csv.heavyMedian"));
			header.add(text("csv.lightMedian"));
		}
		csv.row(header);
		for (Row row : rows) {
			List<Object> cells = new ArrayList<>(List.of(row.key(), row.label(), row.ttp().projects()));
			cells.add(row.ttp().total().medianDays());
			cells.add(row.ttp().total().p90Days());
			cells.add(row.ttp().total().medianWorkingDays());
			cells.add(row.ttp().total().p90WorkingDays());
			row.ttp().stages().forEach(s -> {
				cells.add(s.medianDays());
				cells.add(s.p90Days());
				cells.add(s.medianWorkingDays());
				cells.add(s.p90WorkingDays());
			});
			if (split) {
				cells.add(row.heavyMedian());
				cells.add(row.lightMedian());
			}
			csv.row(cells);
		}
		return csv.download("time-to-production-by-" + by + ".csv");
	}

	@GetMapping("/dashboard/durations.csv")
	ResponseEntity<byte[]> durationsCsv(@ModelAttribute DashboardFilter filter, BindingResult ignoredUnparsable,
			CurrentUser user) {
		checkReader(user);
		Directory.Names names = directory.names();
		DurationStats stats = reports.durations(filter.getFrom(), filter.getTo(), filter.toReportFilter());
		return new Csv().row(text("csv.from"), text("csv.to"), text("filter.park"), text("filter.industry"),
				text("filter.asset"), text("filter.year"), text("csv.projects"), text("csv.median"), text("csv.p90"),
				text("calendar.csv.medianWorking"), text("calendar.csv.p90Working"), text("csv.min"), text("csv.max"))
			.row(text("stage." + filter.getFrom()), text("stage." + filter.getTo()),
					filter.getPark() == null ? text("filter.all") : names.park(filter.getPark()),
					filter.getIndustry() == null ? text("filter.all") : names.industry(filter.getIndustry()),
					filter.getAsset() == null ? text("filter.all") : text("asset." + filter.getAsset()),
					filter.getYear() == null ? text("filter.all") : filter.getYear(), stats.projects(),
					stats.medianDays(), stats.p90Days(), stats.medianWorkingDays(), stats.p90WorkingDays(),
					stats.minDays(), stats.maxDays())
			.download("durations.csv");
	}

	@GetMapping("/dashboard/kpis.csv")
	ResponseEntity<byte[]> kpisCsv(@ModelAttribute DashboardFilter filter, BindingResult ignoredUnparsable,
			CurrentUser user) {
		checkReader(user);
		ReportFilter f = filter.toReportFilter();
		int year = filter.getYear() != null ? filter.getYear() : dates.today().getYear();
		YearKpis kpis = reports.yearKpis(new ReportFilter(f.parkCode(), f.industryCode(), f.assetModel(), year));
		Csv csv = new Csv().row(text("csv.kpi"), text("csv.value"));
		reports.projectsByStage(f)
			.forEach((stage, count) -> csv.row(text("kpi.inStage", text("stage." + stage)), count));
		return csv.row(text("kpi.signed", year), kpis.signed())
			.row(text("kpi.commenced", year), kpis.commenced())
			.row(text("kpi.inProduction", year), kpis.inProduction())
			.row(text("kpi.heavyCommenced", year), kpis.heavyCommenced())
			.row(text("kpi.heavyLand", year), kpis.heavyCommencedLandM2())
			.download("kpis-" + year + ".csv");
	}

	@GetMapping("/dashboard/attention.csv")
	ResponseEntity<byte[]> attentionCsv(@ModelAttribute DashboardFilter filter, BindingResult ignoredUnparsable,
			CurrentUser user) {
		checkReader(user);
		Directory.Names names = directory.names();
		ReportFilter f = filter.toReportFilter();
		Csv csv = new Csv().row(text("csv.health"), text("csv.code"), text("csv.project"), text("filter.park"),
				text("csv.officer"), text("csv.stage"), text("csv.since"), text("csv.days"));
		for (Health health : List.of(Health.RED, Health.YELLOW)) {
			int page = 0;
			PageResult<ProjectView> found;
			do {
				found = views.search(attentionFilter(health, f), page++, 200);
				found.content()
					.forEach(p -> csv.row(text("health." + health), p.code(), p.name(), names.park(p.parkCode()),
							names.user(p.officer()), text("stage." + p.stage()), p.stageEnteredOn().toString(),
							p.daysInStage()));
			}
			while (page < found.totalPages());
		}
		return csv.download("projects-needing-attention.csv");
	}

	private List<Row> rows(String by, ProductionOverview production, ReportFilter f, Directory.Names names) {
		Map<String, TimeToProduction> groups = production.by(BREAKDOWNS.get(by));
		Map<String, TimeToProduction> heavy = Map.of();
		Map<String, TimeToProduction> light = Map.of();
		if ("park".equals(by) && f.assetModel() == null) {
			heavy = production.parks(AssetModel.HEAVY);
			light = production.parks(AssetModel.LIGHT);
		}
		Function<String, String> label = switch (by) {
			case "park" -> names::park;
			case "industry" -> names::industry;
			case "asset" -> code -> text("asset." + code);
			default -> code -> code;
		};
		List<Row> rows = new ArrayList<>();
		for (var e : groups.entrySet()) {
			TimeToProduction h = heavy.get(e.getKey());
			TimeToProduction l = light.get(e.getKey());
			rows.add(new Row(e.getKey(), label.apply(e.getKey()), e.getValue(),
					h == null ? null : h.total().medianDays(), l == null ? null : l.total().medianDays()));
		}
		if (!"year".equals(by)) {
			rows.sort((a, b) -> a.label().compareTo(b.label()));
		}
		return rows;
	}

	private ChartData breakdownChart(List<Row> rows) {
		return new ChartData(rows.stream().map(Row::key).toList(), rows.stream().map(Row::label).toList(), List.of(
				new Series("median", text("chart.median"),
						rows.stream().map(r -> r.ttp().total().medianDays()).toList()),
				new Series("p90", text("chart.p90"), rows.stream().map(r -> r.ttp().total().p90Days()).toList())));
	}

	private ChartData stageChart(TimeToProduction overall) {
		var stages = overall.stages();
		return new ChartData(stages.stream().map(s -> s.stage().name()).toList(),
				stages.stream().map(s -> text("stage." + s.stage())).toList(),
				List.of(new Series("median", text("chart.median"),
						stages.stream().map(TimeToProduction.StageStats::medianDays).toList()),
						new Series("p90", text("chart.p90"),
								stages.stream().map(TimeToProduction.StageStats::p90Days).toList())));
	}

	/**
	 * The chart's figures as JSON that is safe inside a script element ("<" never appears
	 * literally).
	 */
	private String chart(ChartData data) {
		try {
			return json.writeValueAsString(data).replace("<", "\\u003c");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Chart data is plain records", ex);
		}
	}

	private static ProjectFilter attentionFilter(Health health, ReportFilter f) {
		return new ProjectFilter(null, f.parkCode(), f.industryCode(), null, health, f.assetModel(), Outcome.ACTIVE,
				null, null, null, null, null);
	}

	private List<Integer> years() {
		int now = dates.today().getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = now; y >= now - 15; y--) {
			years.add(y);
		}
		return years;
	}

	private String text(String key, Object... args) {
		return messages.text(key, args);
	}

	private void checkReader(CurrentUser user) {
		access.checkCanReadReports(user);
	}

}
