package com.investtrack.api;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.common.InvalidInputException;
import com.investtrack.common.Stage;
import com.investtrack.ledger.LedgerExport;
import com.investtrack.ledger.LedgerImports;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.Health;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectFilter;
import com.investtrack.project.ProjectType;
import com.investtrack.security.CurrentUser;

/**
 * The Excel ledger's import in two steps: a preview (201, nothing written but the
 * preview) and its confirmation, which applies every row without errors at once or
 * nothing (409 when the preview is over an hour old or confirmed).
 */
@RestController
@Tag(name = "Ledger", description = "Import of the bureau's Excel ledger (台账)")
class LedgerApiController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final LedgerImports imports;

	private final LedgerExport export;

	LedgerApiController(LedgerImports imports, LedgerExport export) {
		this.imports = imports;
		this.export = export;
	}

	@Operation(
			summary = "Preview the import of an Excel ledger (.xlsx, multipart field 'file'): what each row would do")
	@PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<LedgerImports.Preview> preview(@RequestParam("file") MultipartFile file, CurrentUser user)
			throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInputException("file", "is empty");
		}
		var preview = imports.preview(file.getOriginalFilename(), file.getBytes(), user);
		return ResponseEntity.created(URI.create("/api/imports/" + preview.id())).body(preview);
	}

	@Operation(summary = "Confirm a preview: apply every row without errors, all of them or none")
	@PostMapping("/api/imports/{id}/confirm")
	LedgerImports.Confirmation confirm(@PathVariable String id, CurrentUser user) {
		return imports.confirm(id, user);
	}

	/**
	 * Written straight to the response (no content negotiation: a client asking for JSON
	 * gets the workbook, and errors before the first byte still come as JSON).
	 */
	@Operation(
			summary = "The ledger as an Excel workbook (.xlsx), filtered like the project list; import reads it back")
	@GetMapping("/api/projects/export.xlsx")
	void export(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String parkCode,
			@RequestParam(required = false) String industryCode, @RequestParam(required = false) String officer,
			@RequestParam(required = false) Health health, @RequestParam(required = false) AssetModel assetModel,
			@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) String leader, @RequestParam(required = false) KeyLevel keyLevel,
			@RequestParam(required = false) ProjectType projectType, @RequestParam(required = false) Channel channel,
			HttpServletResponse response, CurrentUser caller) throws IOException {
		var filter = new ProjectFilter(stage, parkCode, industryCode, officer, health, assetModel, outcome, q, leader,
				keyLevel, projectType, channel);
		var user = caller;
		export.checkCanExport(user);
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("ledger-" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + ".xlsx")
					.build()
					.toString());
		export.export(filter, response.getOutputStream(), user);
	}

}
