package com.investtrack.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.common.ConflictException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.ledger.LedgerImports;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * The ledger's import page for managers and administrators (the page over
 * {@code /api/imports}): upload a workbook, read the preview (each row's action, its
 * problems in the page's language naming row, column and value), confirm; and the link to
 * the export. A file that cannot be read re-renders the page with the reason and a 400
 * status.
 */
@Controller
@RequestMapping("/imports")
class ImportController {

	static final String VIEW = "imports";

	private final LedgerImports imports;

	private final AccessPolicy access;

	private final DomainMessages messages;

	ImportController(LedgerImports imports, AccessPolicy access, DomainMessages messages) {
		this.imports = imports;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String show(CurrentUser user) {
		access.checkCanImport(user);
		return VIEW;
	}

	@PostMapping
	String preview(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes flash, CurrentUser user) throws IOException {
		access.checkCanImport(user);
		if (file == null || file.isEmpty()) {
			flash.addFlashAttribute(FormActions.PROBLEM, messages.text("imports.noFile"));
			return "redirect:/imports";
		}
		try {
			model.addAttribute("preview", imports.preview(file.getOriginalFilename(), file.getBytes(), user));
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("fileProblem", messages.text("imports.unreadable", file.getOriginalFilename(),
					messages.translate(ex.fields().getOrDefault("file", ex.getMessage()))));
		}
		return VIEW;
	}

	@PostMapping("/{id}/confirm")
	String confirm(@PathVariable String id, RedirectAttributes flash, CurrentUser user) {
		try {
			var done = imports.confirm(id, user);
			flash.addFlashAttribute("importDone",
					messages.text("imports.done", done.created(), done.updated(), done.unchanged(), done.skipped()));
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute(FormActions.PROBLEM, messages.translate(ex.getMessage()));
		}
		return "redirect:/imports";
	}

	/** A file over the multipart limit (20 MB): the page again, saying so. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		model.addAttribute("fileProblem", messages.text("imports.tooLarge"));
		return VIEW;
	}

}
