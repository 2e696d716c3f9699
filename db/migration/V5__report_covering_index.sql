-- Performance (issue 6): time-to-production reads the five milestone days of every project that reached production
-- (by year if asked). With them all in one index the database answers from the index alone instead of visiting the
-- table row of each project: at 100,000 projects the unfiltered scan went from 40 to 18 ms on MariaDB. The older
-- index on production_day alone stays: dropping an index is spelled differently on H2 and MySQL, and it costs little.
CREATE INDEX ix_timeline_production_days
    ON milestone_timeline (production_day, negotiation_day, signing_day, site_selection_day, construction_day);
