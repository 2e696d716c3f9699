-- Contract fulfilment (履约), the year's targets and the monthly bulletin (issue 13).

-- Funds in place (到位资金) per project and month: one amount per month, the first day of the month stands for it.
-- Written by the fulfilment module; the bulletin sums a range of months over every project.
CREATE TABLE project_funds (
    project_id   BIGINT         NOT NULL,
    funds_month  DATE           NOT NULL,
    amount_wan   DECIMAL(20, 6) NOT NULL,
    recorded_by  VARCHAR(64)    NOT NULL,
    recorded_at  TIMESTAMP(3)   NOT NULL,
    CONSTRAINT pk_project_funds PRIMARY KEY (project_id, funds_month),
    CONSTRAINT fk_funds_project FOREIGN KEY (project_id) REFERENCES project (id)
);
CREATE INDEX ix_funds_month ON project_funds (funds_month, project_id);

-- Tax paid per project and calendar year (亩均税收 divides the latest full year's by the land).
CREATE TABLE project_tax (
    project_id   BIGINT         NOT NULL,
    tax_year     INT            NOT NULL,
    amount_wan   DECIMAL(20, 6) NOT NULL,
    recorded_by  VARCHAR(64)    NOT NULL,
    recorded_at  TIMESTAMP(3)   NOT NULL,
    CONSTRAINT pk_project_tax PRIMARY KEY (project_id, tax_year),
    CONSTRAINT fk_tax_project FOREIGN KEY (project_id) REFERENCES project (id)
);

-- The day the project reached its designed capacity (达产), a fact recorded once production runs.
CREATE TABLE project_capacity (
    project_id   BIGINT       NOT NULL PRIMARY KEY,
    capacity_on  DATE         NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_capacity_project FOREIGN KEY (project_id) REFERENCES project (id)
);

-- The minimums a park publishes for investment intensity and tax per 亩 (both 万元/亩); NULL: none.
CREATE TABLE park_minimum (
    park_code                 VARCHAR(32)    NOT NULL PRIMARY KEY,
    min_intensity_wan_per_mu  DECIMAL(20, 6),
    min_tax_per_mu_wan        DECIMAL(20, 6),
    changed_by                VARCHAR(64)    NOT NULL,
    changed_at                TIMESTAMP(3)   NOT NULL,
    CONSTRAINT fk_minimum_park FOREIGN KEY (park_code) REFERENCES park (code)
);

-- The city's targets of a year and each park's (NULL: no target for that indicator). major_project_wan is the
-- contracted investment from which a signing counts among the "signed projects" (1亿元 by default).
CREATE TABLE target_year (
    target_year                INT            NOT NULL PRIMARY KEY,
    signed_projects            INT,
    contracted_investment_wan  DECIMAL(20, 6),
    started_projects           INT,
    production_projects        INT,
    funds_in_place_wan         DECIMAL(20, 6),
    major_project_wan          DECIMAL(20, 6) NOT NULL,
    changed_by                 VARCHAR(64)    NOT NULL,
    changed_at                 TIMESTAMP(3)   NOT NULL
);
CREATE TABLE target_park (
    target_year                INT            NOT NULL,
    park_code                  VARCHAR(32)    NOT NULL,
    signed_projects            INT,
    contracted_investment_wan  DECIMAL(20, 6),
    started_projects           INT,
    production_projects        INT,
    funds_in_place_wan         DECIMAL(20, 6),
    major_project_wan          DECIMAL(20, 6) NOT NULL,
    changed_by                 VARCHAR(64)    NOT NULL,
    changed_at                 TIMESTAMP(3)   NOT NULL,
    CONSTRAINT pk_target_park PRIMARY KEY (target_year, park_code),
    CONSTRAINT fk_target_park FOREIGN KEY (park_code) REFERENCES park (code)
);

-- A published bulletin: the figures as they were when a manager froze them, byte for byte, with their SHA-256
-- (also in the audit trail). One per month: the primary key makes a second publication fail on every node.
CREATE TABLE bulletin_published (
    bulletin_year   INT          NOT NULL,
    bulletin_month  INT          NOT NULL,
    body            LONGTEXT     NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    published_by    VARCHAR(64)  NOT NULL,
    published_at    TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_bulletin_published PRIMARY KEY (bulletin_year, bulletin_month)
);

-- The bulletin counts signings and starts in a range of days; production already has ix_timeline_production.
CREATE INDEX ix_timeline_signing ON milestone_timeline (signing_day, park_code);
CREATE INDEX ix_timeline_construction ON milestone_timeline (construction_day, park_code);
