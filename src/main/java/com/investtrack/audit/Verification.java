package com.investtrack.audit;

/**
 * The outcome of re-computing the chain: how many entries were checked and the first that
 * does not fit.
 */
public record Verification(boolean valid, long entries, Long firstBadEntry) {
}
