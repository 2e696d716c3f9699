package com.investtrack.project;

/** Where the money comes from, as the provincial statistics count it. */
public enum FundsOrigin {

	IN_PROVINCE, OUT_OF_PROVINCE, ABROAD

}
