-- The bureau's project record, the agreed dates (plan) and the lights computed from them (issue 10).

-- The ledger's facts. Money in 万元 and land in 亩, the units bureaus use; investment_amount_yuan and land_area_m2 stay,
-- derived from them on every write, for the API clients and reports written against them.
ALTER TABLE project ADD COLUMN national_code VARCHAR(32);
ALTER TABLE project ADD COLUMN credit_code VARCHAR(18);
ALTER TABLE project ADD COLUMN total_investment_wan DECIMAL(20, 6);
ALTER TABLE project ADD COLUMN fixed_asset_investment_wan DECIMAL(20, 6);
ALTER TABLE project ADD COLUMN contracted_investment_wan DECIMAL(20, 6);
ALTER TABLE project ADD COLUMN land_mu DECIMAL(16, 6);
ALTER TABLE project ADD COLUMN floor_area_m2 DECIMAL(14, 2);
ALTER TABLE project ADD COLUMN project_type VARCHAR(16);
ALTER TABLE project ADD COLUMN channel VARCHAR(24);
ALTER TABLE project ADD COLUMN referrer VARCHAR(200);
ALTER TABLE project ADD COLUMN funds_origin VARCHAR(16);
ALTER TABLE project ADD COLUMN leader VARCHAR(64);
ALTER TABLE project ADD COLUMN key_level VARCHAR(8) DEFAULT 'NONE' NOT NULL;
ALTER TABLE project ADD CONSTRAINT fk_project_leader FOREIGN KEY (leader) REFERENCES app_user (username);
UPDATE project SET total_investment_wan = investment_amount_yuan / 10000,
    land_mu = CASE WHEN land_area_m2 IS NULL THEN NULL ELSE land_area_m2 * 15 / 10000 END;
-- a leader's "projects I answer for"
CREATE INDEX ix_project_leader ON project (leader, outcome);

-- The plan: the agreed date of each milestone still to come (约定签约, 约定供地, 约定开工, 约定投产), one row per project,
-- beside the first date ever agreed for each (the baseline, which revisions never change). One wide row, so that the
-- lights of a whole page or a list filter need one join by primary key. last_progress_on is the latest dated
-- progress entry (the "no progress" rule); a milestone counts as progress through the project's own stage date.
CREATE TABLE project_plan (
    project_id                  BIGINT NOT NULL PRIMARY KEY,
    signing_on                  DATE,
    site_selection_on           DATE,
    construction_on             DATE,
    production_on               DATE,
    baseline_signing_on         DATE,
    baseline_site_selection_on  DATE,
    baseline_construction_on    DATE,
    baseline_production_on      DATE,
    last_progress_on            DATE,
    CONSTRAINT fk_plan_project FOREIGN KEY (project_id) REFERENCES project (id)
);
-- the bulletin's "agreed for next month" and the fulfilment flags look for agreed dates in a range
CREATE INDEX ix_plan_construction ON project_plan (construction_on);
CREATE INDEX ix_plan_production ON project_plan (production_on);
INSERT INTO project_plan (project_id) SELECT id FROM project;

-- Every change of a plan: who, when, why, and each date's old and new value.
CREATE TABLE plan_revision (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id  BIGINT        NOT NULL,
    revised_at  TIMESTAMP(3)  NOT NULL,
    revised_by  VARCHAR(64)   NOT NULL,
    reason      VARCHAR(1000),
    changes     VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_revision_project FOREIGN KEY (project_id) REFERENCES project (id)
);
CREATE INDEX ix_revision_project ON plan_revision (project_id, id);

-- Each stage's thresholds say their unit, and how late against the plan is yellow and red.
ALTER TABLE stage_threshold ADD COLUMN unit VARCHAR(16) DEFAULT 'CALENDAR_DAYS' NOT NULL;
ALTER TABLE stage_threshold ADD COLUMN late_yellow_days INT DEFAULT 1 NOT NULL;
ALTER TABLE stage_threshold ADD COLUMN late_red_days INT DEFAULT 30 NOT NULL;

-- Reviews of red projects ("Review stalled project"), each its own small process instance started by the sweep.
-- active_project_id is the project's id while the review is OPEN or ACKNOWLEDGED and NULL once it is closed: the
-- unique key lets each project have at most one active review, on every node at once.
CREATE TABLE stall_review (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id           BIGINT        NOT NULL,
    active_project_id    BIGINT,
    status               VARCHAR(16)   NOT NULL,
    process_instance_id  VARCHAR(64)   NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    opened_at            TIMESTAMP(3)  NOT NULL,
    acknowledged_at      TIMESTAMP(3),
    acknowledged_by      VARCHAR(64),
    comment              VARCHAR(2000),
    closed_at            TIMESTAMP(3),
    CONSTRAINT uq_review_active UNIQUE (active_project_id),
    CONSTRAINT uq_review_process UNIQUE (process_instance_id),
    CONSTRAINT fk_review_project FOREIGN KEY (project_id) REFERENCES project (id)
);
CREATE INDEX ix_review_project ON stall_review (project_id, id);
CREATE INDEX ix_review_status ON stall_review (status);
