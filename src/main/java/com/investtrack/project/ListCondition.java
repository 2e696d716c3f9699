package com.investtrack.project;

import java.util.Map;

/**
 * A criterion of the project list that another module computes (the lights, from the
 * plan): SQL over the project table (alias {@code p}) and the tables it joins, with its
 * named parameters.
 */
public record ListCondition(String join, String where, Map<String, Object> params) {
}
