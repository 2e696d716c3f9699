package com.investtrack.supervision;

import java.time.Instant;

import com.investtrack.common.Stage;

/**
 * Whether a project needs at least one evidence file of {@code stage} before it steps
 * into that stage (for signing and production: before their approval is requested); who
 * last switched it and when (null while it keeps its default, off).
 */
public record EvidenceRule(Stage stage, boolean required, String changedBy, Instant changedAt) {
}
