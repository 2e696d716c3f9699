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
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.ProgressEntry;
import com.investtrack.supervision.ProgressLog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Supervision", description = "Progress log, supervision notices")
@RequestMapping("/api/projects/{id}/progress")
@Validated
class ProgressApiController {

	/**
	 * A progress entry as written: the day it describes, what moved, and optionally what
	 * blocks it and what is next.
	 */
	record NewEntry(@NotNull LocalDate on,
			@NotBlank @Size(max = 2000) @Pattern(regexp = ProjectRequests.TEXT,
					message = "must not contain control characters") String progress,
			@Size(max = 2000) @Pattern(regexp = ProjectRequests.TEXT,
					message = "must not contain control characters") String problems,
			@Size(max = 2000) @Pattern(regexp = ProjectRequests.TEXT,
					message = "must not contain control characters") String nextSteps) {
	}

	private final ProgressLog log;

	ProgressApiController(ProgressLog log) {
		this.log = log;
	}

	@Operation(summary = "Add a dated progress entry to a project (its officer or a manager)")
	@PostMapping
	ResponseEntity<ProgressEntry> record(@PathVariable long id, @Valid @RequestBody NewEntry r, CurrentUser user) {
		ProgressEntry entry = log.record(id, new ProgressEntry.New(r.on(), r.progress(), r.problems(), r.nextSteps()),
				user);
		return ResponseEntity.created(URI.create("/api/projects/" + id + "/progress")).body(entry);
	}

	@Operation(summary = "A project's progress log, newest first")
	@GetMapping
	List<ProgressEntry> list(@PathVariable long id) {
		return log.forProject(id);
	}

}
