package com.investtrack.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import com.investtrack.common.Stage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Record the next milestone: which stage is entered, the day it really happened, and a
 * note.
 */
class MilestoneForm {

	@NotNull
	private Stage to;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveOn;

	@Size(max = 2000)
	private String comment;

	public Stage getTo() {
		return to;
	}

	public void setTo(Stage to) {
		this.to = to;
	}

	public LocalDate getEffectiveOn() {
		return effectiveOn;
	}

	public void setEffectiveOn(LocalDate effectiveOn) {
		this.effectiveOn = effectiveOn;
	}

	public String getComment() {
		return comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

}
