-- The monthly bulletin lists the milestones agreed for the next month (BulletinQueries.agreedNextMonth): one month's
-- range of each agreed date. Construction and production have had an index since V6; signing and site selection
-- were full scans of project_plan, a quarter of a second at 100,000 projects.
CREATE INDEX ix_plan_signing ON project_plan (signing_on);
CREATE INDEX ix_plan_site_selection ON project_plan (site_selection_on);
