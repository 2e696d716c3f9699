/**
 * The year's targets (the city's and each park's) and the monthly bulletin (月通报) for
 * 1–N月: targets against actuals, 序时进度, 同比, the signing cohort's rates, rankings of parks
 * and districts and the lists of projects that need attention; each bulletin can be
 * published once, which freezes its figures. Every figure is an SQL aggregate over the
 * milestones' effective days (milestone_timeline), the funds recorded by
 * {@code fulfilment}, the plan and the notices; nothing walks the projects one by one.
 */
package com.investtrack.bulletin;
