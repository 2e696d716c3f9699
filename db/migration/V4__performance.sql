-- Performance (issue 6).
--
-- milestone_timeline: one row per project with the effective day (days since 1970-01-01) of each milestone reached,
-- next to copies of the columns the reports filter on. It is part of the milestone table: MilestoneRepository writes
-- it in the same statement batch and transaction as the milestone row, ProjectRepository keeps the filter copies in
-- step with the project. The duration reports read only this table: one narrow row per project, so a report over
-- 100,000 projects is one scan of a few megabytes and day differences are integer subtraction on every database.
CREATE TABLE milestone_timeline (
    project_id          BIGINT      NOT NULL PRIMARY KEY,
    park_code           VARCHAR(32) NOT NULL,
    industry_code       VARCHAR(32) NOT NULL,
    asset_model         VARCHAR(8)  NOT NULL,
    negotiation_day     INT,
    signing_day         INT,
    site_selection_day  INT,
    construction_day    INT,
    production_day      INT,
    CONSTRAINT fk_timeline_project FOREIGN KEY (project_id) REFERENCES project (id)
);
-- time-to-production (and every report ending at production) reads the projects that reached it, by year if asked
CREATE INDEX ix_timeline_production ON milestone_timeline (production_day);

INSERT INTO milestone_timeline (project_id, park_code, industry_code, asset_model, negotiation_day, signing_day,
                                site_selection_day, construction_day, production_day)
SELECT p.id, p.park_code, p.industry_code, p.asset_model,
       (SELECT TIMESTAMPDIFF(DAY, DATE '1970-01-01', m.effective_on) FROM milestone m WHERE m.project_id = p.id AND m.stage = 'NEGOTIATION'),
       (SELECT TIMESTAMPDIFF(DAY, DATE '1970-01-01', m.effective_on) FROM milestone m WHERE m.project_id = p.id AND m.stage = 'SIGNING'),
       (SELECT TIMESTAMPDIFF(DAY, DATE '1970-01-01', m.effective_on) FROM milestone m WHERE m.project_id = p.id AND m.stage = 'SITE_SELECTION'),
       (SELECT TIMESTAMPDIFF(DAY, DATE '1970-01-01', m.effective_on) FROM milestone m WHERE m.project_id = p.id AND m.stage = 'CONSTRUCTION'),
       (SELECT TIMESTAMPDIFF(DAY, DATE '1970-01-01', m.effective_on) FROM milestone m WHERE m.project_id = p.id AND m.stage = 'PRODUCTION')
FROM project p;
