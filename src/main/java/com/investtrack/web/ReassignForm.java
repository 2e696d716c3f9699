package com.investtrack.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Hand a project to another officer. */
class ReassignForm {

	@NotBlank
	@Size(max = 64)
	private String officer;

	public String getOfficer() {
		return officer;
	}

	public void setOfficer(String officer) {
		this.officer = officer;
	}

}
