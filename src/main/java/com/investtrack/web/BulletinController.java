package com.investtrack.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.bulletin.Bulletin;
import com.investtrack.bulletin.BulletinPage;
import com.investtrack.bulletin.BulletinPublications;
import com.investtrack.bulletin.BulletinService;
import com.investtrack.bulletin.Indicator;
import com.investtrack.common.ConflictException;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.security.CurrentUser;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The monthly bulletin's page (月通报), its Excel download and, for managers, publishing it.
 * Every signed-in role reads it, like the other reports; the page prints on A4
 * ({@code css/bulletin.css}). A month beyond today is explained on the page with a 400.
 */
@Controller
class BulletinController {

	/**
	 * Entries of each list the page shows; the rest are counted and in the Excel
	 * download. At 100,000 projects the red list alone runs to thousands of entries, a
	 * page of megabytes that no one reads on screen.
	 */
	static final int LIST_LIMIT = 100;

	private final BulletinService bulletins;

	private final BulletinPublications publications;

	private final DomainMessages messages;

	private final Directory directory;

	BulletinController(BulletinService bulletins, BulletinPublications publications, DomainMessages messages,
			Directory directory) {
		this.directory = directory;
		this.bulletins = bulletins;
		this.publications = publications;
		this.messages = messages;
	}

	/** Without a month: the last month that has ended. */
	@GetMapping("/reports/monthly")
	String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
			Model model, HttpServletResponse response, CurrentUser user) {
		LocalDate lastMonth = bulletins.today().minusMonths(1);
		int y = year == null ? lastMonth.getYear() : year;
		int m = month == null ? (year == null ? lastMonth.getMonthValue() : 12) : month;
		model.addAttribute("year", y);
		model.addAttribute("month", m);
		int thisYear = bulletins.today().getYear();
		model.addAttribute("years", IntStream.rangeClosed(0, 10).map(i -> thisYear - i).boxed().toList());
		model.addAttribute("months", IntStream.rangeClosed(1, 12).boxed().toList());
		model.addAttribute("indicators", Indicator.values());
		model.addAttribute("canPublish", user.isManager());
		model.addAttribute("names", directory.names());
		model.addAttribute("listLimit", LIST_LIMIT);
		try {
			// the page's own bounded bulletin: the whole one reads and describes every
			// red project of the city to show a hundred
			BulletinPage page = bulletins.page(y, m, LIST_LIMIT, user);
			model.addAttribute("bulletin", page.bulletin());
			model.addAttribute("totals", page.totals());
			model.addAttribute("published", publications.find(y, m).orElse(null));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", reasons(ex));
		}
		return "reports/monthly";
	}

	@PostMapping("/reports/monthly/{year}/{month}/publish")
	String publish(@PathVariable int year, @PathVariable int month, RedirectAttributes flash, CurrentUser user) {
		try {
			publications.publish(year, month, user);
			flash.addFlashAttribute(FormActions.NOTICE, "bulletin.published");
		}
		catch (InvalidInputException ex) {
			flash.addFlashAttribute(FormActions.PROBLEM, reasons(ex));
		}
		catch (ConflictException | ForbiddenException ex) {
			flash.addFlashAttribute(FormActions.PROBLEM, messages.translate(ex.getMessage()));
		}
		return "redirect:/reports/monthly?year=" + year + "&month=" + month;
	}

	/**
	 * The bulletin as a workbook: the indicators and the cohort, the parks, the districts
	 * and the lists.
	 */
	@GetMapping("/reports/monthly.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam int year, @RequestParam int month, CurrentUser user) {
		Bulletin b = bulletins.monthly(year, month, user);
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Sheet summary = workbook.createSheet(text("bulletin.sheet.indicators"));
			row(summary, text("bulletin.heading", String.valueOf(b.year()), String.valueOf(b.month())),
					text("bulletin.asOf", b.asOf().toString()));
			row(summary, text("bulletin.schedule"), b.schedulePercent());
			row(summary, text("bulletin.col.indicator"), text("bulletin.col.target"), text("bulletin.col.actual"),
					text("bulletin.col.monthActual"), text("bulletin.col.percent"), text("bulletin.col.ahead"),
					text("bulletin.col.lastYear"), text("bulletin.col.yoy"));
			for (Bulletin.IndicatorRow i : b.indicators()) {
				row(summary, text("bulletin.indicator." + i.code()), i.target(), i.actual(), i.monthActual(),
						i.percent(), i.aheadPoints(), i.lastYear(), i.yoyPercent());
			}
			var c = b.cohort();
			row(summary);
			row(summary, text("bulletin.cohort"));
			row(summary, text("bulletin.cohort.signed"), c.signed());
			row(summary, text("bulletin.cohort.started"), c.started(), c.startedRate());
			row(summary, text("bulletin.cohort.inProduction"), c.inProduction(), c.productionRate());
			row(summary, text("bulletin.cohort.fundsRate"), null, c.fundsRate());
			row(summary, text("bulletin.cohort.fulfilmentRate"), null, c.fulfilmentRate());

			Sheet parks = workbook.createSheet(text("bulletin.sheet.parks"));
			header(parks, text("bulletin.col.rank"), text("bulletin.col.park"), text("bulletin.col.district"));
			for (Bulletin.ParkRow p : b.byPark()) {
				ranked(parks, p.rank(), p.percent(), p.indicators(), p.name(), p.district());
			}
			Sheet districts = workbook.createSheet(text("bulletin.sheet.districts"));
			header(districts, text("bulletin.col.rank"), text("bulletin.col.district"));
			for (Bulletin.DistrictRow d : b.byDistrict()) {
				ranked(districts, d.rank(), d.percent(), d.indicators(), d.district());
			}
			Sheet lists = workbook.createSheet(text("bulletin.sheet.lists"));
			row(lists, text("bulletin.col.list"), text("bulletin.col.code"), text("bulletin.col.project"),
					text("bulletin.col.park"), text("bulletin.col.leader"), text("bulletin.col.detail"));
			b.lists()
				.red()
				.forEach(r -> row(lists, text("bulletin.kind.red"), r.code(), r.name(), r.parkCode(), r.leader(),
						r.reason()));
			flagged(lists, "bulletin.kind.signedNotStarted", b.lists().signedNotStarted());
			flagged(lists, "bulletin.kind.builtNotProducing", b.lists().builtNotProducing());
			flagged(lists, "bulletin.kind.idleLand", b.lists().idleLand());
			b.lists()
				.openNotices()
				.forEach(n -> row(lists, text("bulletin.kind.notices"), null, n.projectName(), null, n.owner(),
						n.deadline() + " " + n.text()));
			b.lists()
				.agreedNextMonth()
				.forEach(a -> row(lists, text("bulletin.kind.agreedNextMonth"), a.code(), a.name(), a.parkCode(),
						a.leader(), text("milestone." + a.milestone()) + " " + a.agreedOn()));
			workbook.write(out);
			return ResponseEntity.ok()
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("bulletin-" + year + "-" + (month < 10 ? "0" : "") + month + ".xlsx")
							.build()
							.toString())
				.body(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A ranked row: rank, names, the row's percent, then actual and target of each
	 * indicator.
	 */
	private void ranked(Sheet sheet, int rank, BigDecimal percent, List<Bulletin.IndicatorRow> indicators,
			Object... names) {
		Object[] cells = new Object[2 + names.length + indicators.size() * 2];
		cells[0] = rank;
		System.arraycopy(names, 0, cells, 1, names.length);
		cells[1 + names.length] = percent;
		int i = 2 + names.length;
		for (Bulletin.IndicatorRow r : indicators) {
			cells[i++] = r.actual();
			cells[i++] = r.target();
		}
		row(sheet, cells);
	}

	/**
	 * The header of a ranked sheet: the names' columns, the percent, actual and target
	 * per indicator.
	 */
	private void header(Sheet sheet, String... names) {
		Object[] cells = new Object[names.length + 1 + Indicator.values().length * 2];
		System.arraycopy(names, 0, cells, 0, names.length);
		cells[names.length] = text("bulletin.col.percentOfTarget");
		int i = names.length + 1;
		for (Indicator indicator : Indicator.values()) {
			cells[i++] = text("bulletin.indicator." + indicator);
			cells[i++] = text("bulletin.col.target");
		}
		row(sheet, cells);
	}

	private void flagged(Sheet sheet, String list, List<Bulletin.FlaggedProject> projects) {
		projects.forEach(p -> row(sheet, text(list), p.code(), p.name(), p.parkCode(), p.leader(), p.since()));
	}

	/**
	 * Appends a row: numbers as numeric cells, null as an empty cell, anything else as
	 * text.
	 */
	private static void row(Sheet sheet, Object... values) {
		Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			if (v instanceof Number n) {
				row.createCell(i).setCellValue(n.doubleValue());
			}
			else if (v != null) {
				row.createCell(i).setCellValue(v.toString());
			}
		}
	}

	private String reasons(InvalidInputException ex) {
		return ex.fields()
			.entrySet()
			.stream()
			.map(e -> messages.text("bulletin.field." + e.getKey()) + ": " + messages.translate(e.getValue()))
			.collect(Collectors.joining("; "));
	}

	private String text(String key, Object... args) {
		return messages.text(key, args);
	}

}
