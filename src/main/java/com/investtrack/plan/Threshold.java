package com.investtrack.plan;

import com.investtrack.calendar.DayUnit;
import com.investtrack.common.Stage;

/**
 * A stage's limits, counted in {@code unit}: without an agreed date for the next
 * milestone the stage turns yellow and red after {@code yellowDays} and {@code redDays}
 * in it; with one, {@code lateYellowDays} and {@code lateRedDays} after that date.
 */
public record Threshold(Stage stage, int yellowDays, int redDays, DayUnit unit, int lateYellowDays, int lateRedDays) {
}
