package com.investtrack.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import com.investtrack.common.Stage;

/**
 * The agreed dates of a form (约定签约, 约定选址, 约定开工, 约定投产). Its properties are named after the
 * stages, so a refusal of the plan service ({@code dates.CONSTRUCTION}) lands next to its
 * field as {@code dates.CONSTRUCTION}.
 */
class AgreedDates {

	private LocalDate signing;

	private LocalDate siteSelection;

	private LocalDate construction;

	private LocalDate production;

	static AgreedDates of(Map<Stage, LocalDate> plan) {
		AgreedDates dates = new AgreedDates();
		dates.signing = plan.get(Stage.SIGNING);
		dates.siteSelection = plan.get(Stage.SITE_SELECTION);
		dates.construction = plan.get(Stage.CONSTRUCTION);
		dates.production = plan.get(Stage.PRODUCTION);
		return dates;
	}

	LocalDate get(Stage stage) {
		return switch (stage) {
			case SIGNING -> signing;
			case SITE_SELECTION -> siteSelection;
			case CONSTRUCTION -> construction;
			case PRODUCTION -> production;
			case NEGOTIATION -> null;
		};
	}

	/** The dates that are set. */
	Map<Stage, LocalDate> set() {
		Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			if (get(stage) != null) {
				dates.put(stage, get(stage));
			}
		}
		return dates;
	}

	// the plan service names its fields dates.SIGNING, dates.SITE_SELECTION, ...: these
	// are those properties

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	public LocalDate getSIGNING() {
		return signing;
	}

	public void setSIGNING(LocalDate signing) {
		this.signing = signing;
	}

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	public LocalDate getSITE_SELECTION() {
		return siteSelection;
	}

	public void setSITE_SELECTION(LocalDate siteSelection) {
		this.siteSelection = siteSelection;
	}

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	public LocalDate getCONSTRUCTION() {
		return construction;
	}

	public void setCONSTRUCTION(LocalDate construction) {
		this.construction = construction;
	}

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	public LocalDate getPRODUCTION() {
		return production;
	}

	public void setPRODUCTION(LocalDate production) {
		this.production = production;
	}

}
