package com.investtrack.web.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.calendar.CalendarService;
import com.investtrack.calendar.CalendarYear;
import com.investtrack.common.InvalidInputException;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.web.DomainMessages;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The working-day calendar page (the page over {@code /api/calendar/{year}}): everyone
 * signed in picks a year and sees its holidays and adjusted working days as lists and
 * month sheets; administrators edit them as text, one date or range per line.
 * {@link CalendarService} checks the role again and every rule; a refused change
 * re-renders the page with the reasons in its language and a 400 status, the typed text
 * kept.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

	static final String VIEW = "admin/calendar";

	/**
	 * The two text fields of the form, as typed (or as stored, when the page is first
	 * shown).
	 */
	record CalendarForm(String holidays, String workdays) {
	}

	private final CalendarService calendar;

	private final AccessPolicy access;

	private final DomainMessages messages;

	private final Clock clock;

	CalendarAdminController(CalendarService calendar, AccessPolicy access, DomainMessages messages, Clock clock) {
		this.calendar = calendar;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String show(@RequestParam(required = false) Integer year, Model model, CurrentUser user) {
		CalendarYear shown = calendar.year(year == null ? LocalDate.now(clock).getYear() : year);
		CalendarForm form = new CalendarForm(DateListText.format(shown.holidayRanges()),
				DateListText.format(shown.workdayRanges()));
		return render(model, shown, form, Map.of(), user);
	}

	@PostMapping("/{year}")
	String change(@PathVariable int year, @RequestParam(required = false) String holidays,
			@RequestParam(required = false) String workdays, Model model, HttpServletResponse response,
			RedirectAttributes flash, CurrentUser user) {
		CalendarForm typed = new CalendarForm(holidays, workdays);
		Map<String, String> errors = new LinkedHashMap<>();
		List<LocalDate> holidayDays = read("holidays", holidays, errors);
		List<LocalDate> workdayDays = read("workdays", workdays, errors);
		try {
			if (errors.isEmpty()) {
				CalendarYear saved = calendar.change(year, holidayDays, workdayDays, user);
				flash.addFlashAttribute("message", messages.text("calendar.done.saved", saved.year()));
				return "redirect:/admin/calendar?year=" + saved.year();
			}
		}
		catch (InvalidInputException ex) {
			ex.fields().forEach((field, reason) -> errors.put(field, messages.translate(reason)));
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return render(model, calendar.year(year), typed, errors, user);
	}

	/** The days of one text field, or none with the reason put into {@code errors}. */
	private List<LocalDate> read(String field, String text, Map<String, String> errors) {
		try {
			return DateListText.parse(text);
		}
		catch (DateListText.UnreadableException ex) {
			errors.put(field, messages.text(ex.key(), ex.piece()));
			return List.of();
		}
	}

	private String render(Model model, CalendarYear shown, CalendarForm form, Map<String, String> errors,
			CurrentUser user) {
		model.addAttribute("calendar", shown);
		model.addAttribute("years", calendar.definedYears());
		model.addAttribute("grid", CalendarGrid.of(shown, LocaleContextHolder.getLocale(),
				DateTimeFormatter.ofPattern(messages.text("calendar.monthPattern"))));
		model.addAttribute("canEdit", access.canChangeCalendar(user));
		model.addAttribute("form", form);
		model.addAttribute("fieldErrors", errors);
		return VIEW;
	}

}
