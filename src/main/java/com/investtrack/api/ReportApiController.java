package com.investtrack.api;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.report.DurationStats;
import com.investtrack.report.ReportFilter;
import com.investtrack.report.ReportService;
import com.investtrack.report.TimeToProduction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@RestController
@Tag(name = "Reports", description = "Duration reports")
@RequestMapping("/api/reports")
@Validated
class ReportApiController {

	private final ReportService reports;

	ReportApiController(ReportService reports) {
		this.reports = reports;
	}

	@Operation(
			summary = "Days (calendar and working) between two milestones over the projects that reached the later one")
	@GetMapping("/durations")
	DurationStats durations(@RequestParam Stage from, @RequestParam Stage to,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid code") String parkCode,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid code") String industryCode,
			@RequestParam(required = false) AssetModel assetModel,
			@RequestParam(required = false) @Min(1990) @Max(2100) Integer year) {
		return reports.durations(from, to, new ReportFilter(parkCode, industryCode, assetModel, year));
	}

	@Operation(summary = "Time from first talk to production, per stage and in total, over projects in production")
	@GetMapping("/time-to-production")
	TimeToProduction timeToProduction(
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid code") String parkCode,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid code") String industryCode,
			@RequestParam(required = false) AssetModel assetModel,
			@RequestParam(required = false) @Min(1990) @Max(2100) Integer year) {
		return reports.timeToProduction(new ReportFilter(parkCode, industryCode, assetModel, year));
	}

}
