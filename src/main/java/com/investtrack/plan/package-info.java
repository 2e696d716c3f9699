/**
 * The plan: each project's agreed dates (约定签约, 约定供地, 约定开工, 约定投产), their revisions and
 * baseline, the stage thresholds, and the one rule for the lights and its reasons, in
 * words and as a list filter.
 */
package com.investtrack.plan;
