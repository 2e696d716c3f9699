package com.investtrack.project;

/** 招商渠道: how the investor was found. */
public enum Channel {

	BUSINESS_REFERRAL, RESIDENT_OFFICE, AGENCY, FUND, EXPO, ONLINE, OTHER

}
