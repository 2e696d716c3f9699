package com.investtrack.calendar;

/**
 * What a calendar entry says about its day: a statutory holiday, or a weekend day that is
 * worked (调休上班).
 */
enum DayKind {

	HOLIDAY, WORKDAY

}
