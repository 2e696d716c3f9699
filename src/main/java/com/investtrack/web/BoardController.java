package com.investtrack.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.investtrack.common.PageResult;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.Health;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectType;
import com.investtrack.security.CurrentUser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pipeline board: one column per stage with its count and its first cards, each
 * column opening into a paged list of its own. Every column is one batched search, so the
 * board costs the same whatever the number of projects; a text search, which no index
 * serves, finds the matches of every column in one scan.
 */
@Controller
class BoardController {

	static final int COLUMN_CARDS = 25;

	static final int LIST_PAGE = 50;

	private static final int EXPORT_BATCH = 500;

	/** One column: a stage, how many projects are in it, and the first of them. */
	record Column(Stage stage, long count, List<ProjectView> cards) {

		public boolean hasMore() {
			return count > cards.size();
		}

	}

	private final ProjectViews views;

	private final Directory directory;

	private final DomainMessages messages;

	BoardController(ProjectViews views, Directory directory, DomainMessages messages) {
		this.views = views;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/")
	String board(@ModelAttribute("filter") BoardFilter filter, BindingResult ignoredUnparsable, Model model,
			HttpServletRequest request, CurrentUser user) {
		boolean leader = !user.isOfficer() && user.has(Role.LEADER);
		if (leader && request.getQueryString() == null) {
			// a leader (包保领导) opens the board on the projects in their charge; "all" is
			// one click away
			filter.setMine(true);
		}
		model.addAttribute("names", directory.names());
		model.addAttribute("assetModels", AssetModel.values());
		model.addAttribute("healths", Health.values());
		model.addAttribute("statuses", BoardFilter.Status.values());
		model.addAttribute("keyLevels", KeyLevel.values());
		model.addAttribute("projectTypes", ProjectType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("isOfficer", user.isOfficer());
		model.addAttribute("isLeader", leader);
		model.addAttribute("exportLink", filter.exportLink(user));
		List<Stage> stages = filter.getStatus() == BoardFilter.Status.DROPPED
				? Arrays.stream(Stage.values()).filter(Stage::droppable).toList() : List.of(Stage.values());
		model.addAttribute("stages", stages);
		if (filter.getStage() != null) {
			PageResult<ProjectView> page = views.search(filter.toFilter(filter.getStage(), user), filter.getPage(),
					LIST_PAGE);
			model.addAttribute("list", page);
			return "board";
		}
		List<PageResult<ProjectView>> firsts = views
			.firstPages(stages.stream().map(stage -> filter.toFilter(stage, user)).toList(), COLUMN_CARDS);
		List<Column> columns = new ArrayList<>();
		long total = 0;
		for (int i = 0; i < stages.size(); i++) {
			PageResult<ProjectView> first = firsts.get(i);
			columns.add(new Column(stages.get(i), first.totalElements(), first.content()));
			total += first.totalElements();
		}
		model.addAttribute("columns", columns);
		model.addAttribute("total", total);
		return "board";
	}

	/**
	 * The board's projects under its filter as the bureau's ledger lists them, stage by
	 * stage: code, money in 万元, land in 亩, the record's classifications, the agreed
	 * dates, and the light with its reason and days late.
	 */
	@GetMapping("/board.csv")
	void csv(@ModelAttribute("filter") BoardFilter filter, BindingResult ignoredUnparsable, CurrentUser user,
			HttpServletResponse response) throws IOException {
		Directory.Names names = directory.names();
		List<Object> header = new ArrayList<>(List.of(text("record.code"), text("project.name"),
				text("project.investor"), text("filter.park"), text("filter.industry"), text("timeline.stage"),
				text("record.csv.status"), text("filter.officer"), text("record.leader"), text("record.keyLevel"),
				text("record.projectType"), text("record.channel"), text("record.fundsOrigin"),
				text("record.totalInvestmentWan"), text("record.fixedAssetInvestmentWan"),
				text("record.contractedInvestmentWan"), text("record.landMu"), text("record.floorAreaM2")));
		ProjectController.PLANNED.forEach(stage -> header.add(text("record.agreed." + stage)));
		header.addAll(List.of(text("filter.health"), text("record.csv.reason"), text("plan.daysLate")));
		// every project may be asked for: written as it is read, batch by batch
		Csv csv = Csv.streaming(response, "projects.csv").row(header);
		List<Stage> stages = filter.getStage() != null ? List.of(filter.getStage())
				: filter.getStatus() == BoardFilter.Status.DROPPED
						? Arrays.stream(Stage.values()).filter(Stage::droppable).toList() : List.of(Stage.values());
		for (Stage stage : stages) {
			views.forEach(filter.toFilter(stage, user), EXPORT_BATCH,
					batch -> batch.forEach(p -> csv.row(row(p, names))));
		}
		csv.finish();
	}

	private List<Object> row(ProjectView p, Directory.Names names) {
		List<Object> cells = new ArrayList<>(Arrays.asList(p.code(), p.name(), p.investor(), names.park(p.parkCode()),
				names.industry(p.industryCode()), text("stage." + p.stage()), text("outcome." + p.outcome()),
				names.user(p.officer()), p.leader() == null ? null : names.user(p.leader()),
				label("keyLevel.", p.keyLevel()), label("projectType.", p.projectType()),
				label("channel.", p.channel()), label("fundsOrigin.", p.fundsOrigin()), plain(p.totalInvestmentWan()),
				plain(p.fixedAssetInvestmentWan()), plain(p.contractedInvestmentWan()), plain(p.landMu()),
				plain(p.floorAreaM2())));
		ProjectController.PLANNED.forEach(stage -> cells.add(p.plan().get(stage)));
		boolean active = p.outcome() == Outcome.ACTIVE;
		cells.add(active ? text("health." + p.health()) : null);
		cells.add(p.healthReason());
		cells.add(active ? p.daysLate() : null);
		return cells;
	}

	private String label(String prefix, Enum<?> value) {
		return value == null ? null : text(prefix + value.name());
	}

	private String text(String key) {
		return messages.text(key);
	}

	/** 1200, not 1.2E+3 or 1200.000000, in the spreadsheet. */
	private static BigDecimal plain(BigDecimal value) {
		return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
	}

}
