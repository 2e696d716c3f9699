package com.investtrack.project;

import java.time.LocalDate;
import java.util.Map;

import com.investtrack.common.Stage;

/** For each stage with thresholds: an active project that entered it on or before these dates is yellow / red today. */
public record HealthCutoffs(Map<Stage, Cutoff> byStage) {

	public record Cutoff(LocalDate yellowOnOrBefore, LocalDate redOnOrBefore) {
	}

}
