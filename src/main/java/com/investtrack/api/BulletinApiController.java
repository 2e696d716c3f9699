package com.investtrack.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.bulletin.Bulletin;
import com.investtrack.bulletin.BulletinPublications;
import com.investtrack.bulletin.BulletinService;
import com.investtrack.bulletin.PublishedBulletin;
import com.investtrack.security.CurrentUser;

/**
 * The monthly bulletin (月通报): computed fresh, published (frozen) once per month, and read
 * back as published.
 */
@RestController
@Tag(name = "Reports", description = "Duration reports")
@RequestMapping("/api/reports/monthly")
@Validated
class BulletinApiController {

	private final BulletinService bulletins;

	private final BulletinPublications publications;

	BulletinApiController(BulletinService bulletins, BulletinPublications publications) {
		this.bulletins = bulletins;
		this.publications = publications;
	}

	@Operation(summary = "The monthly bulletin for 1–N月: targets, actuals, 序时进度, 同比, cohort, rankings, lists")
	@GetMapping
	Bulletin monthly(@RequestParam int year, @RequestParam int month, CurrentUser user) {
		return bulletins.monthly(year, month, user);
	}

	@Operation(summary = "Publish (freeze) a month's bulletin; its SHA-256 goes into the audit trail (managers)")
	@PostMapping("/{year}/{month}/publish")
	ResponseEntity<PublishedBulletin> publish(@PathVariable int year, @PathVariable int month, CurrentUser user) {
		PublishedBulletin published = publications.publish(year, month, user);
		return ResponseEntity.created(URI.create("/api/reports/monthly/" + year + "/" + month + "/published"))
			.body(published);
	}

	@Operation(summary = "A month's bulletin as it was published")
	@GetMapping("/{year}/{month}/published")
	PublishedBulletin published(@PathVariable int year, @PathVariable int month, CurrentUser user) {
		return publications.published(year, month, user);
	}

}
