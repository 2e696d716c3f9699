package com.investtrack.common;

/** Security roles; their names are also the engine's candidate groups. */
public enum Role {

	OFFICER, MANAGER, AUDITOR, ADMIN

}
