package com.investtrack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.investtrack.common.Stage;
import com.investtrack.milestone.Milestone;

/**
 * A stage lasts from its milestone to the next; the last one to the drop date, or to
 * today while it is current.
 */
class StageSpansTest {

	private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

	@Test
	void eachStageLastsUntilTheNextMilestoneAndTheCurrentOneUntilToday() {
		var spans = ProjectViews.spans(List.of(m(Stage.SIGNING, "2024-02-10"), m(Stage.NEGOTIATION, "2024-01-05"),
				m(Stage.SITE_SELECTION, "2024-03-17")), null, TODAY);

		assertThat(spans).containsExactly(
				new ProjectView.StageSpan(Stage.NEGOTIATION, d("2024-01-05"), d("2024-02-10"), 36),
				new ProjectView.StageSpan(Stage.SIGNING, d("2024-02-10"), d("2024-03-17"), 36),
				new ProjectView.StageSpan(Stage.SITE_SELECTION, d("2024-03-17"), null, 105));
	}

	@Test
	void aDroppedProjectsLastStageEndsOnTheDropDate() {
		var spans = ProjectViews.spans(List.of(m(Stage.NEGOTIATION, "2024-01-05"), m(Stage.SIGNING, "2024-02-10")),
				d("2024-02-20"), TODAY);

		assertThat(spans).last()
			.isEqualTo(new ProjectView.StageSpan(Stage.SIGNING, d("2024-02-10"), d("2024-02-20"), 10));
	}

	@Test
	void milestonesOnTheSameDayGiveAStageOfZeroDays() {
		var spans = ProjectViews.spans(List.of(m(Stage.NEGOTIATION, "2024-06-30"), m(Stage.SIGNING, "2024-06-30")),
				null, TODAY);

		assertThat(spans).extracting(ProjectView.StageSpan::days).containsExactly(0L, 0L);
	}

	@Test
	void noMilestonesNoSpans() {
		assertThat(ProjectViews.spans(List.of(), null, TODAY)).isEmpty();
	}

	private static Milestone m(Stage stage, String on) {
		return new Milestone(0, 1, stage, d(on), Instant.EPOCH, "officer", null, null);
	}

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

}
