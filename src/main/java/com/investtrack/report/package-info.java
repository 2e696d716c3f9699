/**
 * Durations and time-to-production, computed in SQL over the product's own milestone
 * table and nothing else.
 */
package com.investtrack.report;
