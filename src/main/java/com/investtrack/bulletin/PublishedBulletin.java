package com.investtrack.bulletin;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A bulletin as it was published: its JSON byte for byte as stored ({@code bulletin}),
 * the SHA-256 of those bytes (also in the audit trail), who published it and when.
 */
public record PublishedBulletin(int year, int month, Instant publishedAt, String publishedBy, String sha256,
		@JsonRawValue String bulletin) {
}
