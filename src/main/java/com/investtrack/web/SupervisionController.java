package com.investtrack.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import com.investtrack.common.InvalidInputException;
import com.investtrack.operations.StepMetrics;
import com.investtrack.operations.StepOutcome;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectService;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.EvidenceFiles;
import com.investtrack.supervision.Notice;
import com.investtrack.supervision.NoticeLevel;
import com.investtrack.supervision.NoticeStatus;
import com.investtrack.supervision.ProgressEntry;
import com.investtrack.supervision.ProgressLog;
import com.investtrack.supervision.SupervisionNotices;

/**
 * The supervision pages: the progress, notice and evidence forms of the project page (its
 * sections are {@link SupervisionSections}) and the notices page, where owners reply and
 * managers close or send back.
 */
@Controller
class SupervisionController {

	private static final String VIEW = "notices";

	private final ProgressLog progress;

	private final SupervisionNotices notices;

	private final EvidenceFiles evidence;

	private final ProjectService projects;

	private final Directory directory;

	private final FormActions actions;

	private final DomainMessages messages;

	SupervisionController(ProgressLog progress, SupervisionNotices notices, EvidenceFiles evidence,
			ProjectService projects, Directory directory, FormActions actions, DomainMessages messages) {
		this.progress = progress;
		this.notices = notices;
		this.evidence = evidence;
		this.projects = projects;
		this.directory = directory;
		this.actions = actions;
		this.messages = messages;
	}

	@InitBinder
	void noIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/notices")
	String list(@RequestParam(required = false) NoticeStatus status, @RequestParam(required = false) NoticeLevel level,
			@RequestParam(required = false) Boolean mine, Model model, CurrentUser user) {
		List<Notice> found = notices
			.search(new Notice.Filter(status, level, Boolean.TRUE.equals(mine) ? user.username() : null, null));
		Map<Long, Project> byId = projects.findAll(found.stream().map(Notice::projectId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Project::id, p -> p));
		model.addAttribute("items",
				found.stream()
					.map(n -> new SupervisionSections.NoticeRow(n, byId.get(n.projectId()), notices.canAct(n, user)))
					.toList());
		model.addAttribute("statuses", NoticeStatus.values());
		model.addAttribute("levels", NoticeLevel.values());
		model.addAttribute("status", status);
		model.addAttribute("level", level);
		model.addAttribute("mine", Boolean.TRUE.equals(mine));
		model.addAttribute("names", directory.names());
		return VIEW;
	}

	@PostMapping("/projects/{id}/progress")
	String addProgress(@PathVariable long id, @ModelAttribute("progressForm") SupervisionForms.Progress form,
			BindingResult errors, RedirectAttributes flash, CurrentUser user) {
		attempt(() -> progress
			.record(id,
					new ProgressEntry.New(required(form.getOn(), "on"), requiredText(form.getProgress(), "progress"),
							form.getProblems(), form.getNextSteps()),
					user),
				"supervision.progress.added", errors, flash);
		return "redirect:/projects/" + id + "#progress";
	}

	@PostMapping("/projects/{id}/notices")
	String issue(@PathVariable long id, @ModelAttribute("issueForm") SupervisionForms.Issue form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		attempt(() -> notices.issue(id, requiredText(form.getOwner(), "owner"),
				required(form.getDeadline(), "deadline"), requiredText(form.getText(), "text"), user),
				"supervision.notice.issued", errors, flash);
		return "redirect:/projects/" + id + "#notices";
	}

	@PostMapping("/projects/{id}/evidence")
	String addEvidence(@PathVariable long id, @ModelAttribute("evidenceForm") SupervisionForms.Evidence form,
			BindingResult errors, RedirectAttributes flash, CurrentUser user) {
		attempt(() -> {
			MultipartFile file = form.getFile();
			// a form sent without choosing a file has an empty part without a name
			if (file == null || (file.isEmpty()
					&& (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
				throw new InvalidInputException("file", "is required");
			}
			evidence.add(id, required(form.getStage(), "stage"),
					new EvidenceFiles.Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream), user);
		}, "supervision.evidence.added", errors, flash);
		return "redirect:/projects/" + id + "#evidence";
	}

	@PostMapping("/notices/{id}/reply")
	String reply(@PathVariable long id, @ModelAttribute("textForm") SupervisionForms.Text form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		attempt(() -> notices.reply(id, requiredText(form.getText(), "text"), user), "supervision.notice.replied",
				errors, flash);
		return "redirect:/notices";
	}

	@PostMapping("/notices/{id}/close")
	String close(@PathVariable long id, @ModelAttribute("textForm") SupervisionForms.Text form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		attempt(() -> notices.close(id, blankToNull(form.getText()), user), "supervision.notice.closed", errors, flash);
		return "redirect:/notices";
	}

	@PostMapping("/notices/{id}/reopen")
	String reopen(@PathVariable long id, @ModelAttribute("textForm") SupervisionForms.Text form, BindingResult errors,
			RedirectAttributes flash, CurrentUser user) {
		attempt(() -> notices.reopen(id, blankToNull(form.getText()), user), "supervision.notice.reopened", errors,
				flash);
		return "redirect:/notices";
	}

	/**
	 * A file over the multipart limit (20 MB), met when the upload's file is read: the
	 * project page again, saying so. Only the evidence upload is multipart here.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request) {
		StepMetrics.mark(StepOutcome.INVALID);
		RequestContextUtils.getOutputFlashMap(request)
			.put(FormActions.PROBLEM,
					messages.text("supervision.field.file") + ": " + messages.translate("must be at most 20 MB"));
		Map<?, ?> path = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return "redirect:/projects/" + path.get("id") + "#evidence";
	}

	/**
	 * Runs the write; a refusal becomes the message at the top of the next page, a
	 * success its confirmation.
	 */
	private void attempt(Runnable action, String done, BindingResult errors, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			flash.addFlashAttribute(FormActions.PROBLEM, describe(errors));
			return;
		}
		if (actions.attempt(action, errors, flash)) {
			flash.addFlashAttribute(FormActions.NOTICE, done);
		}
		else if (errors.hasErrors()) {
			flash.addFlashAttribute(FormActions.PROBLEM, describe(errors));
		}
	}

	private String describe(BindingResult errors) {
		return errors.getAllErrors()
			.stream()
			.map(e -> e instanceof org.springframework.validation.FieldError f
					? messages.text("supervision.field." + f.getField()) + ": "
							+ (f.isBindingFailure() ? messages.text("supervision.invalid") : f.getDefaultMessage())
					: e.getDefaultMessage())
			.collect(Collectors.joining("; "));
	}

	private static <T> T required(T value, String field) {
		if (value == null) {
			throw new InvalidInputException(field, "is required");
		}
		return value;
	}

	private static String requiredText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		if (value.length() > 2000
				|| value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new InvalidInputException(field, "must be at most 2000 characters, without control characters");
		}
		return value;
	}

	private static String blankToNull(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return requiredText(value, "text").strip();
	}

}
