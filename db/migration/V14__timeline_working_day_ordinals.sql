-- Each milestone's working-day ordinal (work_day.ordinal of its day) beside its day, so that a report counts working
-- days as the difference of two columns of the row it already reads, where it joined work_day twice per project and
-- span (some 380,000 index lookups for time-to-production at 100,000 projects). Written with the day, in the same
-- statement; rewritten from a year on when that year's calendar changes (the calendar announces it, the milestone
-- module listens in the same transaction).
ALTER TABLE milestone_timeline ADD COLUMN negotiation_wd INT;
ALTER TABLE milestone_timeline ADD COLUMN signing_wd INT;
ALTER TABLE milestone_timeline ADD COLUMN site_selection_wd INT;
ALTER TABLE milestone_timeline ADD COLUMN construction_wd INT;
ALTER TABLE milestone_timeline ADD COLUMN production_wd INT;

UPDATE milestone_timeline SET
    negotiation_wd = (SELECT w.ordinal FROM work_day w WHERE w.day_num = milestone_timeline.negotiation_day),
    signing_wd = (SELECT w.ordinal FROM work_day w WHERE w.day_num = milestone_timeline.signing_day),
    site_selection_wd = (SELECT w.ordinal FROM work_day w WHERE w.day_num = milestone_timeline.site_selection_day),
    construction_wd = (SELECT w.ordinal FROM work_day w WHERE w.day_num = milestone_timeline.construction_day),
    production_wd = (SELECT w.ordinal FROM work_day w WHERE w.day_num = milestone_timeline.production_day);

-- V5's covering index for time-to-production, with the ordinals: the report reads both from the index alone.
CREATE INDEX ix_timeline_production_working
    ON milestone_timeline (production_day, negotiation_day, signing_day, site_selection_day, construction_day,
                           negotiation_wd, signing_wd, site_selection_wd, construction_wd, production_wd);
