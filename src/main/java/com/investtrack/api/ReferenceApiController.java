package com.investtrack.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.investtrack.project.Industry;
import com.investtrack.project.Park;
import com.investtrack.project.ReferenceData;

@RestController
@Tag(name = "Reference data", description = "Parks and industries")
@RequestMapping("/api")
class ReferenceApiController {

	private final ReferenceData reference;

	ReferenceApiController(ReferenceData reference) {
		this.reference = reference;
	}

	@Operation(summary = "The industrial parks with their districts")
	@GetMapping("/parks")
	List<Park> parks() {
		return reference.parks();
	}

	@Operation(summary = "The leading industries")
	@GetMapping("/industries")
	List<Industry> industries() {
		return reference.industries();
	}

}
