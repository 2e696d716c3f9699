package com.investtrack.report;

import java.math.BigDecimal;

/**
 * A year's progress: contracts signed, constructions commenced and productions started in
 * it, and the heavy-asset projects that commenced construction with the land they take
 * (the seed's "48 heavy-asset projects, 4 million m²").
 */
public record YearKpis(int year, long signed, long commenced, long inProduction, long heavyCommenced,
		BigDecimal heavyCommencedLandM2) {
}
