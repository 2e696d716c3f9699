package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectView.StageSpan;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Outcome;

class TimelineTest {

	private static final LocalDate D = LocalDate.of(2025, 1, 1);

	@Test
	void barsAreTheStagesShareOfTheDaysAndProductionIsAMarker() {
		Timeline t = Timeline.of(view(Stage.PRODUCTION, Outcome.IN_PRODUCTION, null,
				List.of(span(Stage.NEGOTIATION, 0, 20), span(Stage.SIGNING, 20, 36), span(Stage.SITE_SELECTION, 36, 70),
						span(Stage.CONSTRUCTION, 70, 527),
						new StageSpan(Stage.PRODUCTION, D.plusDays(527), null, 300))));
		assertThat(t.drawnDays()).isEqualTo(527);
		assertThat(t.production()).isTrue();
		assertThat(t.segments()).extracting(Timeline.Segment::stage).containsExactly(Stage.values());
		assertThat(t.segments().get(0).width()).isCloseTo(100.0 * 20 / 527, within(0.01));
		assertThat(t.segments().get(3).width()).isCloseTo(100.0 * 457 / 527, within(0.01));
		assertThat(t.segments().get(3).x()).isCloseTo(100.0 * 70 / 527, within(0.02));
		assertThat(t.segments().get(4).drawn()).isFalse();
		assertThat(t.segments().get(4).current()).isTrue();
		assertThat(t.segments().stream().mapToDouble(Timeline.Segment::width).sum()).isCloseTo(100.0, within(0.05));
	}

	@Test
	void aSameDayStageStaysVisibleAndTheRestStaysInProportion() {
		Timeline t = Timeline
			.of(view(Stage.SITE_SELECTION, Outcome.ACTIVE, null, List.of(span(Stage.NEGOTIATION, 0, 30),
					span(Stage.SIGNING, 30, 30), new StageSpan(Stage.SITE_SELECTION, D.plusDays(30), null, 90))));
		assertThat(t.segments().get(1).width()).isEqualTo(Timeline.MIN_WIDTH);
		double ratio = t.segments().get(2).width() / t.segments().get(0).width();
		assertThat(ratio).isCloseTo(3.0, within(0.01));
		assertThat(t.segments().get(2).current()).isTrue();
		assertThat(t.segments().get(3).reached()).isFalse();
	}

	@Test
	void aDroppedProjectHasNoRunningStage() {
		Timeline t = Timeline
			.of(view(Stage.NEGOTIATION, Outcome.DROPPED, D.plusDays(37), List.of(span(Stage.NEGOTIATION, 0, 37))));
		assertThat(t.segments().get(0).current()).isFalse();
		assertThat(t.segments().get(0).width()).isEqualTo(100.0);
		assertThat(t.production()).isFalse();
	}

	@Test
	void aProjectCreatedTodayFillsTheBar() {
		Timeline t = Timeline
			.of(view(Stage.NEGOTIATION, Outcome.ACTIVE, null, List.of(new StageSpan(Stage.NEGOTIATION, D, null, 0))));
		assertThat(t.segments().get(0).width()).isEqualTo(100.0);
		assertThat(t.segments().get(0).current()).isTrue();
	}

	private static StageSpan span(Stage stage, int from, int to) {
		return new StageSpan(stage, D.plusDays(from), D.plusDays(to), to - from);
	}

	private static ProjectView view(Stage stage, Outcome outcome, LocalDate droppedOn, List<StageSpan> spans) {
		return new ProjectView(1, "P1", "name", "investor", "EQUIPMENT", "JS-IMP", AssetModel.HEAVY, BigDecimal.TEN,
				null, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null, null, KeyLevel.NONE,
				"officer", stage, spans.get(spans.size() - 1).enteredOn(), outcome, Health.GREEN, "", null, 0,
				droppedOn, null, Map.of(), Map.of(), null, spans);
	}

}
