package com.investtrack.audit;

import java.time.LocalDate;

/**
 * Criteria of the audit list; null means "any". Dates are inclusive days of the entry's
 * time.
 */
public record AuditFilter(LocalDate from, LocalDate to, String actor, Long projectId, String action) {
}
