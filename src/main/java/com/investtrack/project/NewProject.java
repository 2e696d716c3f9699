package com.investtrack.project;

import java.time.LocalDate;

/**
 * The validated facts of a project about to be created; a null code is assigned as
 * P{year}-{id}.
 */
public record NewProject(String code, ProjectFacts facts, String officer, LocalDate negotiationStartedOn) {
}
