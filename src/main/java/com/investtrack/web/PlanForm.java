package com.investtrack.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A revision of the agreed dates from the project page: the dates of the milestones still
 * to come, and why.
 */
class PlanForm {

	@Valid
	private AgreedDates dates = new AgreedDates();

	@Size(max = 1000)
	@Pattern(regexp = "^[\\P{Cntrl}\\r\\n\\t]*$")
	private String reason;

	public AgreedDates getDates() {
		return dates;
	}

	public void setDates(AgreedDates dates) {
		this.dates = dates;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
