package com.investtrack.project;

/** HEAVY projects buy land and build; LIGHT ones move into standard factory buildings. */
public enum AssetModel {

	HEAVY, LIGHT

}
