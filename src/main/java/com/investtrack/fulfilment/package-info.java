/**
 * Contract fulfilment (履约): funds in place by month, tax paid by year and the capacity
 * date (达产) of each project; from them investment intensity, tax per 亩 and the funds
 * rate, the parks' minimums, and the flags of projects that do not keep their agreement
 * ({@link com.investtrack.fulfilment.Flag}). The flags are one rule in SQL
 * ({@link com.investtrack.fulfilment.FlagRules}), used for one project and for the
 * bulletin's lists alike.
 */
package com.investtrack.fulfilment;
