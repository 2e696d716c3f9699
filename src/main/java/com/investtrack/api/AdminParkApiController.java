package com.investtrack.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.project.Park;
import com.investtrack.project.ParkService;
import com.investtrack.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Industrial parks, added and renamed by administrators; everyone reads them at GET
 * /api/parks.
 */
@RestController
@Tag(name = "Parks", description = "Industrial parks (administration)")
@RequestMapping("/api/admin/parks")
@Validated
class AdminParkApiController {

	record NewPark(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 100) String district) {
	}

	record ParkChange(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String district) {
	}

	private final ParkService parks;

	AdminParkApiController(ParkService parks) {
		this.parks = parks;
	}

	@Operation(summary = "Add a park (administrators)")
	@PostMapping
	ResponseEntity<Park> create(@Valid @RequestBody NewPark r, CurrentUser user) {
		Park park = parks.create(new Park(r.code(), r.name(), r.district()), user);
		return ResponseEntity.created(URI.create("/api/parks")).body(park);
	}

	@Operation(summary = "Rename a park or change its district (administrators)")
	@PutMapping("/{code}")
	Park change(@PathVariable @Pattern(regexp = ProjectRequests.CODE) String code, @Valid @RequestBody ParkChange r,
			CurrentUser user) {
		return parks.change(code, r.name(), r.district(), user);
	}

}
