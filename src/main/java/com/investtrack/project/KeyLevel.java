package com.investtrack.project;

/** Whether the project is on the city's or the province's list of key projects. */
public enum KeyLevel {

	NONE, CITY, PROVINCE

}
