package com.investtrack.api;

import java.net.URI;
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

import com.investtrack.audit.AuditTrail;
import com.investtrack.common.PageResult;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectLifecycle;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectFilter;
import com.investtrack.security.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/projects")
@Validated
class ProjectApiController {

	private final ProjectLifecycle lifecycle;

	private final ProjectViews views;

	private final AuditTrail audit;

	ProjectApiController(ProjectLifecycle lifecycle, ProjectViews views, AuditTrail audit) {
		this.lifecycle = lifecycle;
		this.views = views;
		this.audit = audit;
	}

	@PostMapping
	ResponseEntity<ProjectView> create(@Valid @RequestBody ProjectRequests.Create r) {
		long id = lifecycle.create(new ProjectLifecycle.CreateCommand(r.name().strip(), r.investor().strip(),
				r.industryCode(), r.parkCode(), r.assetModel(), r.investmentAmountYuan(), r.landAreaM2(), r.officer(),
				r.negotiationStartedOn()), CurrentUsers.current());
		return ResponseEntity.created(URI.create("/api/projects/" + id)).body(views.get(id));
	}

	@GetMapping
	PageResult<ProjectView> list(@RequestParam(required = false) Stage stage,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE, message = "is not a valid code") String parkCode,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE, message = "is not a valid code") String industryCode,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE, message = "is not a valid username") String officer,
			@RequestParam(required = false) Health health, @RequestParam(required = false) AssetModel assetModel,
			@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = ProjectRequests.NO_CONTROL, message = "must not contain control characters") String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return views.search(new ProjectFilter(stage, parkCode, industryCode, officer, health, assetModel, outcome,
				q == null || q.isBlank() ? null : q.strip()), page, size);
	}

	@GetMapping("/{id}")
	ProjectView get(@PathVariable long id) {
		return views.get(id);
	}

	@PutMapping("/{id}")
	ProjectView edit(@PathVariable long id, @Valid @RequestBody ProjectRequests.Edit r) {
		lifecycle.edit(id, new ProjectFacts(r.name().strip(), r.investor().strip(), r.industryCode(), r.parkCode(),
				r.assetModel(), r.investmentAmountYuan(), r.landAreaM2()), CurrentUsers.current());
		return views.get(id);
	}

	@PostMapping("/{id}/advance")
	ResponseEntity<ProjectView> advance(@PathVariable long id, @Valid @RequestBody ProjectRequests.Advance r) {
		var result = lifecycle.advance(id, r.to(), r.effectiveOn(), blankToNull(r.comment()), CurrentUsers.current());
		HttpStatus status = result == ProjectLifecycle.AdvanceResult.RECORDED ? HttpStatus.OK : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status).body(views.get(id));
	}

	@PostMapping("/{id}/drop")
	ProjectView drop(@PathVariable long id, @Valid @RequestBody ProjectRequests.Drop r) {
		lifecycle.drop(id, r.effectiveOn(), r.reason().strip(), CurrentUsers.current());
		return views.get(id);
	}

	@PostMapping("/{id}/reassign")
	ProjectView reassign(@PathVariable long id, @Valid @RequestBody ProjectRequests.Reassign r) {
		lifecycle.reassign(id, r.officer(), CurrentUsers.current());
		return views.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable long id) {
		views.get(id);
		return audit.forProject(id).stream().map(HistoryEntry::of).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
