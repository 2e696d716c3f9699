package com.investtrack.supervision;

/**
 * OPEN awaits the owner's reply; REPLIED awaits a manager who closes or sends it back;
 * CLOSED is 销号.
 */
public enum NoticeStatus {

	OPEN, REPLIED, CLOSED

}
