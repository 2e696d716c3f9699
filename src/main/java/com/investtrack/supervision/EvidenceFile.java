package com.investtrack.supervision;

import java.time.Instant;

import com.investtrack.common.Stage;

/**
 * One evidence file of a project's milestone: what it is, told by its content, and its
 * SHA-256.
 */
public record EvidenceFile(long id, long projectId, Stage stage, String name, String contentType, long size,
		String sha256, String uploadedBy, Instant uploadedAt) {
}
