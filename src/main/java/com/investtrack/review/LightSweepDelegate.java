package com.investtrack.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The light-sweep model's "Open and close stalled-project reviews" service task. */
@Component("lightSweep")
class LightSweepDelegate implements JavaDelegate {

	private final ReviewSweep sweep;

	LightSweepDelegate(ReviewSweep sweep) {
		this.sweep = sweep;
	}

	@Override
	public void execute(DelegateExecution execution) {
		sweep.run();
	}

}
