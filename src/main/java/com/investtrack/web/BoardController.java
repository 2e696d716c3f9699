package com.investtrack.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.investtrack.common.PageResult;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.security.CurrentUser;

/**
 * The pipeline board: one column per stage with its count and its first cards, each column opening into a paged list
 * of its own. Every column is one batched search, so the board costs the same whatever the number of projects.
 */
@Controller
class BoardController {

	static final int COLUMN_CARDS = 25;

	static final int LIST_PAGE = 50;

	/** One column: a stage, how many projects are in it, and the first of them. */
	record Column(Stage stage, long count, List<ProjectView> cards) {

		public boolean hasMore() {
			return count > cards.size();
		}

	}

	private final ProjectViews views;

	private final Directory directory;

	BoardController(ProjectViews views, Directory directory) {
		this.views = views;
		this.directory = directory;
	}

	@GetMapping("/")
	String board(@ModelAttribute("filter") BoardFilter filter, BindingResult ignoredUnparsable, Model model, CurrentUser user) {
		model.addAttribute("names", directory.names());
		model.addAttribute("assetModels", AssetModel.values());
		model.addAttribute("healths", Health.values());
		model.addAttribute("statuses", BoardFilter.Status.values());
		model.addAttribute("isOfficer", user.isOfficer());
		List<Stage> stages = filter.getStatus() == BoardFilter.Status.DROPPED
				? Arrays.stream(Stage.values()).filter(Stage::droppable).toList() : List.of(Stage.values());
		model.addAttribute("stages", stages);
		if (filter.getStage() != null) {
			PageResult<ProjectView> page = views.search(filter.toFilter(filter.getStage(), user.username()),
					filter.getPage(), LIST_PAGE);
			model.addAttribute("list", page);
			return "board";
		}
		List<Column> columns = new ArrayList<>();
		long total = 0;
		for (Stage stage : stages) {
			PageResult<ProjectView> first = views.search(filter.toFilter(stage, user.username()), 0, COLUMN_CARDS);
			columns.add(new Column(stage, first.totalElements(), first.content()));
			total += first.totalElements();
		}
		model.addAttribute("columns", columns);
		model.addAttribute("total", total);
		return "board";
	}

}
