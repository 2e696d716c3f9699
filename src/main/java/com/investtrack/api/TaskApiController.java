package com.investtrack.api;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.approval.ApprovalRequest;
import com.investtrack.approval.ApprovalService;
import com.investtrack.approval.Decision;
import com.investtrack.approval.InboxItem;
import com.investtrack.common.PageResult;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Tasks", description = "Inbox, approvals and reviews")
@RequestMapping("/api/tasks")
@Validated
class TaskApiController {

	record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) @Pattern(regexp = ProjectRequests.TEXT,
			message = "must not contain control characters") String comment) {
	}

	private final ApprovalService approvals;

	private final ProjectViews views;

	TaskApiController(ApprovalService approvals, ProjectViews views) {
		this.approvals = approvals;
		this.views = views;
	}

	@Operation(summary = "The caller's inbox: approvals and reviews for managers, milestones owed for officers")
	@GetMapping
	PageResult<InboxItem> inbox(@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, CurrentUser user) {
		return approvals.inbox(user, page, size);
	}

	@Operation(summary = "The caller's requests that a manager rejected, with the reason")
	@GetMapping("/rejected")
	PageResult<ApprovalRequest> rejected(@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, CurrentUser user) {
		return approvals.rejectedRequests(user, page, size);
	}

	@Operation(summary = "Approve or reject a request (four-eyes), or acknowledge a review of a red project (managers)")
	@PostMapping("/{taskId}/decision")
	ProjectView decide(@PathVariable @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9-]+$") String taskId,
			@Valid @RequestBody DecisionRequest r, CurrentUser user) {
		String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment().strip();
		long projectId = approvals.decide(taskId, r.decision(), comment, user);
		return views.get(projectId);
	}

}
