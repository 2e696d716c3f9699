package com.investtrack.common;

/** Security roles; their names are also the engine's candidate groups. */
public enum Role {

	OFFICER, MANAGER, AUDITOR, ADMIN,

	/**
	 * 包保领导: follows the projects they answer for; reads only, unless they also hold
	 * another role.
	 */
	LEADER

}
