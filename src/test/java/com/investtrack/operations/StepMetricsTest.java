package com.investtrack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The steps metric's tags: names of few values, whatever the URL. */
class StepMetricsTest {

	static class ProjectApiController {

	}

	static class ProjectController {

	}

	static class AdminUserApiController {

	}

	static class UserAdminController {

	}

	static class ThresholdApiController {

	}

	@Test
	void theSubjectIsTheControllersNameWithoutChannelOrAdministration() {
		assertThat(StepMetrics.subject(ProjectApiController.class)).isEqualTo("project");
		assertThat(StepMetrics.subject(ProjectController.class)).isEqualTo("project");
		assertThat(StepMetrics.subject(AdminUserApiController.class)).isEqualTo("user");
		assertThat(StepMetrics.subject(UserAdminController.class)).isEqualTo("user");
		assertThat(StepMetrics.subject(ThresholdApiController.class)).isEqualTo("threshold");
	}

	@Test
	void theOutcomeFollowsTheStatus() {
		assertThat(StepOutcome.ofStatus(200)).isEqualTo(StepOutcome.OK);
		assertThat(StepOutcome.ofStatus(202)).isEqualTo(StepOutcome.OK);
		assertThat(StepOutcome.ofStatus(302)).isEqualTo(StepOutcome.OK);
		assertThat(StepOutcome.ofStatus(400)).isEqualTo(StepOutcome.INVALID);
		assertThat(StepOutcome.ofStatus(422)).isEqualTo(StepOutcome.INVALID);
		assertThat(StepOutcome.ofStatus(401)).isEqualTo(StepOutcome.FORBIDDEN);
		assertThat(StepOutcome.ofStatus(403)).isEqualTo(StepOutcome.FORBIDDEN);
		assertThat(StepOutcome.ofStatus(404)).isEqualTo(StepOutcome.NOT_FOUND);
		assertThat(StepOutcome.ofStatus(409)).isEqualTo(StepOutcome.CONFLICT);
		assertThat(StepOutcome.ofStatus(503)).isEqualTo(StepOutcome.UNAVAILABLE);
		assertThat(StepOutcome.ofStatus(500)).isEqualTo(StepOutcome.ERROR);
	}

}
