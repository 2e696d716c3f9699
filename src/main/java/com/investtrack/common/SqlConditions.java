package com.investtrack.common;

import java.util.Map;

/**
 * The optional criteria of a list or report as {@code AND} conditions with named
 * parameters: a criterion that is null adds nothing. Column names come from the code,
 * never from the request; values always travel as parameters.
 */
public final class SqlConditions {

	private final StringBuilder sql = new StringBuilder();

	private final Map<String, Object> params;

	/** Conditions whose values are put into {@code params} under the names given. */
	public SqlConditions(Map<String, Object> params) {
		this.params = params;
	}

	/** {@code column = :param}, if the value is given; enums are compared by name. */
	public SqlConditions equal(String column, String param, Object value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = :").append(param);
			params.put(param, value instanceof Enum<?> e ? e.name() : value);
		}
		return this;
	}

	/**
	 * {@code column >= :from AND column < :to}, for a half-open range such as a calendar
	 * year.
	 */
	public SqlConditions halfOpen(String column, String fromParam, Object from, String toParam, Object to) {
		sql.append(" AND ").append(column).append(" >= :").append(fromParam);
		sql.append(" AND ").append(column).append(" < :").append(toParam);
		params.put(fromParam, from);
		params.put(toParam, to);
		return this;
	}

	/** Any other condition, with its parameters already put. */
	public SqlConditions add(String condition) {
		sql.append(" AND ").append(condition);
		return this;
	}

	/** The conditions, each starting with {@code " AND "}; empty if none was given. */
	@Override
	public String toString() {
		return sql.toString();
	}

}
