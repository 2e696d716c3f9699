package com.investtrack.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.investtrack.project.Industry;
import com.investtrack.project.Park;
import com.investtrack.project.ReferenceData;

@RestController
@RequestMapping("/api")
class ReferenceApiController {

	private final ReferenceData reference;

	ReferenceApiController(ReferenceData reference) {
		this.reference = reference;
	}

	@GetMapping("/parks")
	List<Park> parks() {
		return reference.parks();
	}

	@GetMapping("/industries")
	List<Industry> industries() {
		return reference.industries();
	}

}
