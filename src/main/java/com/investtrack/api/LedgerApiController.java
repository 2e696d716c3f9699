package com.investtrack.api;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.common.InvalidInputException;
import com.investtrack.ledger.LedgerImports;
import com.investtrack.security.CurrentUsers;

/**
 * The Excel ledger's import in two steps: a preview (201, nothing written but the preview) and its confirmation, which
 * applies every row without errors at once or nothing (409 when the preview is over an hour old or confirmed).
 */
@RestController
@Tag(name = "Ledger", description = "Import of the bureau's Excel ledger (台账)")
@RequestMapping("/api/imports")
class LedgerApiController {

	private final LedgerImports imports;

	LedgerApiController(LedgerImports imports) {
		this.imports = imports;
	}

	@Operation(summary = "Preview the import of an Excel ledger (.xlsx, multipart field 'file'): what each row would do")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<LedgerImports.Preview> preview(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInputException("file", "is empty");
		}
		var preview = imports.preview(file.getOriginalFilename(), file.getBytes(), CurrentUsers.current());
		return ResponseEntity.created(URI.create("/api/imports/" + preview.id())).body(preview);
	}

	@Operation(summary = "Confirm a preview: apply every row without errors, all of them or none")
	@PostMapping("/{id}/confirm")
	LedgerImports.Confirmation confirm(@PathVariable String id) {
		return imports.confirm(id, CurrentUsers.current());
	}

}
