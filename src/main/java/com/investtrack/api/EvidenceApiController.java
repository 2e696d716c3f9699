package com.investtrack.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.common.Stage;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.EvidenceFile;
import com.investtrack.supervision.EvidenceFiles;

import jakarta.servlet.http.HttpServletResponse;

@RestController
@Tag(name = "Supervision", description = "Progress log, supervision notices, evidence files")
@Validated
class EvidenceApiController {

	private final EvidenceFiles evidence;

	EvidenceApiController(EvidenceFiles evidence) {
		this.evidence = evidence;
	}

	@Operation(
			summary = "Add an evidence file to a project's milestone (multipart: stage, file; PDF, JPEG, PNG, DOCX or "
					+ "XLSX by content, at most 20 MB)")
	@PostMapping(path = "/api/projects/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<EvidenceFile> add(@PathVariable long id, @RequestParam Stage stage, @RequestParam MultipartFile file,
			CurrentUser user) {
		EvidenceFile added = evidence.add(id, stage,
				new EvidenceFiles.Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream), user);
		return ResponseEntity.created(URI.create("/api/evidence/" + added.id())).body(added);
	}

	@Operation(summary = "A project's evidence files, newest first")
	@GetMapping("/api/projects/{id}/evidence")
	List<EvidenceFile> list(@PathVariable long id) {
		return evidence.forProject(id);
	}

	@Operation(summary = "Download an evidence file (always as an attachment, never shown inline)")
	@GetMapping("/api/evidence/{id}")
	void download(@PathVariable long id, HttpServletResponse response, CurrentUser user) throws IOException {
		EvidenceFile file = evidence.get(id, user);
		response.setContentType(file.contentType());
		response.setContentLengthLong(file.size());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", "sandbox");
		evidence.copy(id, response.getOutputStream());
	}

}
