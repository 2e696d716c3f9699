/** The working-day calendar: statutory holidays and adjusted working days, and day counts in either unit. */
package com.investtrack.calendar;
