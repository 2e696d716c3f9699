package com.investtrack.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The light-sweep model's timer cycle ({@code app.lights.sweep-cycle}, ISO 8601, every
 * minute by default); public because the engine reads it through an expression.
 */
@Component("lightSweepSchedule")
public class LightSweepSchedule {

	private final String cycle;

	LightSweepSchedule(@Value("${app.lights.sweep-cycle:R/PT1M}") String cycle) {
		this.cycle = cycle;
	}

	public String getCycle() {
		return cycle;
	}

}
