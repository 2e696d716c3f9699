-- The product's own tables. Camunda owns ACT_*; these are ours, written in the same transaction
-- as the engine's state. Types are chosen to mean the same on H2 and MySQL/MariaDB.

CREATE TABLE park (
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    district    VARCHAR(100) NOT NULL
);

CREATE TABLE industry (
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL
);

CREATE TABLE app_user (
    username       VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name   VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL
);

CREATE TABLE app_user_role (
    username  VARCHAR(64) NOT NULL,
    role      VARCHAR(16) NOT NULL,
    PRIMARY KEY (username, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (username) REFERENCES app_user (username)
);
CREATE INDEX ix_user_role_role ON app_user_role (role);

CREATE TABLE stage_threshold (
    stage        VARCHAR(16) NOT NULL PRIMARY KEY,
    yellow_days  INT         NOT NULL,
    red_days     INT         NOT NULL
);
INSERT INTO stage_threshold (stage, yellow_days, red_days) VALUES
    ('NEGOTIATION', 60, 90), ('SIGNING', 30, 60), ('SITE_SELECTION', 90, 180), ('CONSTRUCTION', 365, 540);

CREATE TABLE project (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                   VARCHAR(32)    NOT NULL,
    name                   VARCHAR(200)   NOT NULL,
    investor               VARCHAR(200)   NOT NULL,
    industry_code          VARCHAR(32)    NOT NULL,
    park_code              VARCHAR(32)    NOT NULL,
    asset_model            VARCHAR(8)     NOT NULL,
    investment_amount_yuan DECIMAL(18, 2) NOT NULL,
    land_area_m2           DECIMAL(14, 2),
    officer                VARCHAR(64)    NOT NULL,
    stage                  VARCHAR(16)    NOT NULL,
    stage_entered_on       DATE           NOT NULL,
    outcome                VARCHAR(16)    NOT NULL,
    dropped_on             DATE,
    drop_reason            VARCHAR(1000),
    process_instance_id    VARCHAR(64),
    created_at             TIMESTAMP(3)   NOT NULL,
    created_by             VARCHAR(64)    NOT NULL,
    version                INT            NOT NULL,
    CONSTRAINT uq_project_code UNIQUE (code),
    CONSTRAINT fk_project_park FOREIGN KEY (park_code) REFERENCES park (code),
    CONSTRAINT fk_project_industry FOREIGN KEY (industry_code) REFERENCES industry (code),
    CONSTRAINT fk_project_officer FOREIGN KEY (officer) REFERENCES app_user (username)
);
-- the board and the health filter walk active projects by stage and entry date
CREATE INDEX ix_project_outcome_stage ON project (outcome, stage, stage_entered_on);
CREATE INDEX ix_project_officer ON project (officer, outcome);
CREATE INDEX ix_project_park ON project (park_code, stage);
CREATE INDEX ix_project_industry ON project (industry_code, stage);
CREATE INDEX ix_project_process ON project (process_instance_id);

-- One row per milestone reached: the truth for every duration.
CREATE TABLE milestone (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id     BIGINT        NOT NULL,
    stage          VARCHAR(16)   NOT NULL,
    effective_on   DATE          NOT NULL,
    entered_at     TIMESTAMP(3)  NOT NULL,
    entered_by     VARCHAR(64)   NOT NULL,
    approved_by    VARCHAR(64),
    comment        VARCHAR(2000),
    CONSTRAINT uq_milestone_project_stage UNIQUE (project_id, stage),
    CONSTRAINT fk_milestone_project FOREIGN KEY (project_id) REFERENCES project (id)
);
-- reports join "from" and "to" milestones of a stage pair by project
CREATE INDEX ix_milestone_stage ON milestone (stage, project_id, effective_on);

CREATE TABLE approval_request (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id     BIGINT        NOT NULL,
    task_id        VARCHAR(64)   NOT NULL,
    to_stage       VARCHAR(16)   NOT NULL,
    effective_on   DATE          NOT NULL,
    requested_by   VARCHAR(64)   NOT NULL,
    requested_at   TIMESTAMP(3)  NOT NULL,
    request_comment VARCHAR(2000),
    status         VARCHAR(16)   NOT NULL,
    decided_by     VARCHAR(64),
    decided_at     TIMESTAMP(3),
    decision_comment VARCHAR(2000),
    CONSTRAINT uq_approval_task UNIQUE (task_id),
    CONSTRAINT fk_approval_project FOREIGN KEY (project_id) REFERENCES project (id)
);
CREATE INDEX ix_approval_project ON approval_request (project_id, status);
CREATE INDEX ix_approval_requester ON approval_request (requested_by, status);

-- Append-only, hash-chained. seq is the chain order; audit_head serialises appends.
CREATE TABLE audit_entry (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    at            TIMESTAMP(3)  NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    project_id    BIGINT,
    from_stage    VARCHAR(16),
    to_stage      VARCHAR(16),
    effective_on  DATE,
    decision      VARCHAR(16),
    comment       VARCHAR(2000),
    details       VARCHAR(4000),
    prev_hash     VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audit_project ON audit_entry (project_id, seq);
CREATE INDEX ix_audit_actor ON audit_entry (actor, seq);
CREATE INDEX ix_audit_action ON audit_entry (action, seq);
CREATE INDEX ix_audit_at ON audit_entry (at);

CREATE TABLE audit_head (
    id         INT          NOT NULL PRIMARY KEY,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
