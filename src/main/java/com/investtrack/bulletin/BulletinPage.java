package com.investtrack.bulletin;

/**
 * The bulletin as its page shows it: every figure, and of each list the first
 * {@code limit} entries in the list's order, with {@code totals} saying how many the
 * whole list has (the API and the Excel download carry every entry).
 */
public record BulletinPage(Bulletin bulletin, int limit, Totals totals) {

	/** The number of entries of each of {@link Bulletin.Lists}' lists. */
	public record Totals(long red, long signedNotStarted, long builtNotProducing, long idleLand, long openNotices,
			long agreedNextMonth) {
	}

}
