package com.investtrack.project;

/**
 * Published, inside the changing transaction, when a project's park, industry or asset
 * model changed: modules that keep copies of them for their own queries (the milestone
 * timeline the reports read) bring them up to date.
 */
public record ProjectFactsChanged(long projectId, String parkCode, String industryCode, AssetModel assetModel) {
}
