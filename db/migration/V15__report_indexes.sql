-- Time to production under a park (and asset model, or industry) filter read V14's covering index whole and looked up
-- each project's table row for its park and asset model: at 100,000 projects the park and asset filter took 117 ms
-- computed fresh, against 97 ms for the whole city. This index leads with the filter's columns and carries the days
-- and their working-day ordinals, so a filtered report reads only its park's entries and never the table; the
-- dashboard's overview, which reads the facts of every project in production, is answered from it too.
CREATE INDEX ix_timeline_facts_production
    ON milestone_timeline (park_code, asset_model, industry_code, production_day, negotiation_day, signing_day,
                           site_selection_day, construction_day, negotiation_wd, signing_wd, site_selection_wd,
                           construction_wd, production_wd);

-- The year's KPIs count the milestones of three stages reached in the year. With no index on (stage, day) the database
-- read every project and looked up its milestones: 0.74 s at 100,000 projects, most of the dashboard's time after a
-- change. This index gives it the year's milestones of each stage as a range.
CREATE INDEX ix_milestone_stage_day ON milestone (stage, effective_on, project_id);
