package com.investtrack.supervision;

/**
 * A notice's colour: blue when issued, yellow when overdue without a reply, red some days
 * later.
 */
public enum NoticeLevel {

	BLUE, YELLOW, RED

}
