package com.investtrack.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.calendar.CalendarService;
import com.investtrack.calendar.CalendarYear;
import com.investtrack.security.CurrentUser;

/**
 * The working-day calendar by year: everyone signed in reads it, administrators replace a
 * year's holidays and adjusted working days (two empty lists remove them). The service
 * checks every rule and names the field it refuses.
 */
@RestController
@Tag(name = "Calendar", description = "Statutory holidays and adjusted working days")
@RequestMapping("/api/calendar")
class CalendarApiController {

	record CalendarChange(List<LocalDate> holidays, List<LocalDate> workdays) {
	}

	private final CalendarService calendar;

	CalendarApiController(CalendarService calendar) {
		this.calendar = calendar;
	}

	@Operation(summary = "A year's holidays and adjusted working days, or that it counts Monday to Friday")
	@GetMapping("/{year}")
	CalendarYear year(@PathVariable int year) {
		return calendar.year(year);
	}

	@Operation(summary = "Replace a year's holidays and adjusted working days (administrators)")
	@PutMapping("/{year}")
	CalendarYear change(@PathVariable int year, @RequestBody CalendarChange change, CurrentUser user) {
		return calendar.change(year, change.holidays(), change.workdays(), user);
	}

}
