package com.investtrack.ledger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.investtrack.common.Stage;

/**
 * One data row of the ledger as read: its row number in the sheet (1-based, as Excel
 * shows it), the values of the columns the sheet has (typed and resolved: park and
 * industry codes, usernames, 万元, 亩, dates, enum values; a blank cell has none), the
 * milestones given only by their month, and what could not be read.
 */
record LedgerRow(int row, Map<LedgerColumn, Object> values, Set<Stage> approximate, List<RowError> errors) {

	/**
	 * A problem of one cell: the column's header as the sheet writes it, the message key
	 * and the value as typed.
	 */
	record RowError(String column, String key, String value, Object... more) {
	}

	LedgerRow(int row) {
		this(row, new EnumMap<>(LedgerColumn.class), EnumSet.noneOf(Stage.class), new ArrayList<>());
	}

	@SuppressWarnings("unchecked")
	<T> T get(LedgerColumn column) {
		return (T) values.get(column);
	}

	String text(LedgerColumn column) {
		return (String) values.get(column);
	}

}
