package com.investtrack.ledger;

import java.util.List;

/**
 * The benchmark's way to the ledger module's reader, which stays package-private in the
 * application: it measures in its own JVM what reading a workbook allocates and keeps.
 */
public final class LedgerReading {

	/** The first sheet's rows, as the import reads them. */
	public static List<List<Object>> rows(byte[] xlsx) {
		return SheetReader.read(xlsx);
	}

	private LedgerReading() {
	}

}
