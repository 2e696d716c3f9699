package com.investtrack.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
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

import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.Notice;
import com.investtrack.supervision.NoticeLevel;
import com.investtrack.supervision.NoticeStatus;
import com.investtrack.supervision.SupervisionNotices;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Supervision", description = "Progress log, supervision notices")
@RequestMapping("/api/notices")
@Validated
class NoticeApiController {

	record NewNotice(@NotNull @Positive Long projectId,
			@NotBlank @Pattern(regexp = ProjectRequests.CODE, message = "is not a valid username") String owner,
			@NotNull LocalDate deadline, @NotBlank @Size(max = 2000) @Pattern(regexp = ProjectRequests.TEXT,
					message = "must not contain control characters") String text) {
	}

	record Reply(@NotBlank @Size(max = 2000) @Pattern(regexp = ProjectRequests.TEXT,
			message = "must not contain control characters") String text) {
	}

	record Comment(@Size(max = 2000) @Pattern(regexp = ProjectRequests.TEXT,
			message = "must not contain control characters") String comment) {
	}

	private final SupervisionNotices notices;

	NoticeApiController(SupervisionNotices notices) {
		this.notices = notices;
	}

	@Operation(summary = "Issue a supervision notice (督办单) about a project to an owner with a deadline (managers)")
	@PostMapping
	ResponseEntity<Notice> issue(@Valid @RequestBody NewNotice r, CurrentUser user) {
		Notice notice = notices.issue(r.projectId(), r.owner(), r.deadline(), r.text(), user);
		return ResponseEntity.created(URI.create("/api/notices/" + notice.id())).body(notice);
	}

	@Operation(summary = "Supervision notices by status, level, owner and project, newest first (at most 500)")
	@GetMapping
	List<Notice> list(@RequestParam(required = false) NoticeStatus status,
			@RequestParam(required = false) NoticeLevel level,
			@RequestParam(required = false) @Pattern(regexp = ProjectRequests.CODE,
					message = "is not a valid username") String owner,
			@RequestParam(required = false) @Positive Long projectId) {
		return notices.search(new Notice.Filter(status, level, owner, projectId));
	}

	@Operation(summary = "One supervision notice")
	@GetMapping("/{id}")
	Notice get(@PathVariable long id) {
		return notices.get(id);
	}

	@Operation(summary = "The owner's reply to a notice; stops its escalation")
	@PostMapping("/{id}/reply")
	Notice reply(@PathVariable long id, @Valid @RequestBody Reply r, CurrentUser user) {
		return notices.reply(id, r.text(), user);
	}

	@Operation(summary = "Close a replied notice (销号): a manager other than its owner")
	@PostMapping("/{id}/close")
	Notice close(@PathVariable long id, @Valid @RequestBody Comment r, CurrentUser user) {
		return notices.close(id, blankToNull(r.comment()), user);
	}

	@Operation(summary = "Send a replied notice back to its owner, with the reason; its escalation restarts")
	@PostMapping("/{id}/reopen")
	Notice reopen(@PathVariable long id, @Valid @RequestBody Comment r, CurrentUser user) {
		return notices.reopen(id, blankToNull(r.comment()), user);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
