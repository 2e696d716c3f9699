package com.investtrack.project;

/** 项目类型: a new plant, an expansion, a technical upgrade or a relocation. */
public enum ProjectType {

	NEW, EXPANSION, UPGRADE, RELOCATION

}
