package com.investtrack.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.audit.AuditTrail;
import com.investtrack.common.PageResult;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectLifecycle;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;
import com.investtrack.project.Channel;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.ProjectType;
import com.investtrack.plan.Plan;
import com.investtrack.plan.PlanRevision;
import com.investtrack.plan.PlanService;
import com.investtrack.project.ProjectFilter;
import com.investtrack.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Projects", description = "Projects, their steps and their plan")
@RequestMapping("/api/projects")
@Validated
class ProjectApiController {

	private final ProjectLifecycle lifecycle;

	private final ProjectViews views;

	private final AuditTrail audit;

	private final PlanService plans;

	/** A project's plan with its baseline and every revision, newest first. */
	record PlanView(Map<Stage, LocalDate> plan, Map<Stage, LocalDate> baselinePlan, List<PlanRevision> revisions) {
	}

	ProjectApiController(ProjectLifecycle lifecycle, ProjectViews views, AuditTrail audit, PlanService plans) {
		this.plans = plans;
		this.lifecycle = lifecycle;
		this.views = views;
		this.audit = audit;
	}

	@Operation(summary = "Create a project at its first talk, with its record and optionally its agreed dates")
	@PostMapping
	ResponseEntity<ProjectView> create(@Valid @RequestBody ProjectRequests.Body r, CurrentUser user) {
		long id = lifecycle.create(new ProjectLifecycle.CreateCommand(r.code(), r.facts(null), r.officer(),
				r.negotiationStartedOn(), r.plan()), user);
		return ResponseEntity.created(URI.create("/api/projects/" + id)).body(views.get(id));
	}

	@Operation(summary = "A page of projects matching the filters, newest first, each with its light")
	@GetMapping
	PageResult<ProjectView> list(@RequestParam(required = false) Stage stage,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid code") String parkCode,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid code") String industryCode,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid username") String officer,
			@RequestParam(required = false) Health health, @RequestParam(required = false) AssetModel assetModel,
			@RequestParam(required = false) Outcome outcome,
			@RequestParam(required = false) @Size(max = 100) @Pattern(regexp = ProjectRequests.NO_CONTROL,
					message = "must not contain control characters") String q,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid username") String leader,
			@RequestParam(required = false) KeyLevel keyLevel, @RequestParam(required = false) ProjectType projectType,
			@RequestParam(required = false) Channel channel,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return views.search(
				new ProjectFilter(stage, parkCode, industryCode, officer, health, assetModel, outcome,
						q == null || q.isBlank() ? null : q.strip(), leader, keyLevel, projectType, channel),
				page, size);
	}

	@Operation(summary = "One project: record, stage, plan and baseline, light with reason, stages so far")
	@GetMapping("/{id}")
	ProjectView get(@PathVariable long id) {
		return views.get(id);
	}

	@Operation(summary = "Change a project's record (its officer or a manager; the ledger number by managers only)")
	@PutMapping("/{id}")
	ProjectView edit(@PathVariable long id, @Valid @RequestBody ProjectRequests.Body r, CurrentUser user) {
		r.checkEditable();
		lifecycle.edit(id, r.code(), r::facts, user);
		return views.get(id);
	}

	@Operation(summary = "The agreed dates, the baseline and every revision of a project")
	@GetMapping("/{id}/plan")
	PlanView plan(@PathVariable long id) {
		views.get(id);
		Plan plan = plans.plan(id);
		return new PlanView(plan.agreed(), plan.baseline(), plans.revisions(id));
	}

	@Operation(summary = "Revise agreed dates, with the reason (its officer or a manager)")
	@PutMapping("/{id}/plan")
	ProjectView revisePlan(@PathVariable long id, @Valid @RequestBody ProjectRequests.PlanChange r, CurrentUser user) {
		plans.revise(id, r.dates(), r.reason(), user);
		return views.get(id);
	}

	@Operation(
			summary = "Record the next milestone with the day it happened (200), or ask a manager to approve it (202)")
	@PostMapping("/{id}/advance")
	ResponseEntity<ProjectView> advance(@PathVariable long id, @Valid @RequestBody ProjectRequests.Advance r,
			CurrentUser user) {
		var result = lifecycle.advance(id, r.to(), r.effectiveOn(), blankToNull(r.comment()), user);
		HttpStatus status = result == ProjectLifecycle.AdvanceResult.RECORDED ? HttpStatus.OK : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status).body(views.get(id));
	}

	@Operation(summary = "Drop a project before construction, with the day talks ended and the reason")
	@PostMapping("/{id}/drop")
	ProjectView drop(@PathVariable long id, @Valid @RequestBody ProjectRequests.Drop r, CurrentUser user) {
		lifecycle.drop(id, r.effectiveOn(), r.reason().strip(), user);
		return views.get(id);
	}

	@Operation(summary = "Give a project to another officer (managers)")
	@PostMapping("/{id}/reassign")
	ProjectView reassign(@PathVariable long id, @Valid @RequestBody ProjectRequests.Reassign r, CurrentUser user) {
		lifecycle.reassign(id, r.officer(), user);
		return views.get(id);
	}

	@Operation(summary = "Every recorded change of a project, from the audit trail")
	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable long id) {
		views.get(id);
		return audit.forProject(id).stream().map(HistoryEntry::of).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
