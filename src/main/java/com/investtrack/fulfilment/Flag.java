package com.investtrack.fulfilment;

/**
 * Why a project is flagged: below its park's minimums, or not keeping the dates of its
 * agreement.
 */
public enum Flag {

	/** Fixed-asset investment per 亩 below the park's minimum. */
	BELOW_MIN_INTENSITY,
	/** Tax per 亩 (latest full year, at capacity) below the park's minimum. */
	BELOW_MIN_TAX_PER_MU,
	/** 签而未建: signed, the agreed construction start has passed, no construction. */
	SIGNED_NOT_STARTED,
	/** 建而未投: construction reached, the agreed production has passed, not producing. */
	BUILT_NOT_PRODUCING,
	/** 闲置: heavy asset, land delivered more than 365 days ago, no construction. */
	IDLE_LAND

}
