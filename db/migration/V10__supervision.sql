-- Supervision (issue 12): the progress log and supervision notices (督办单).

-- Dated progress entries of a project (周调度): what moved, what blocks it, what comes next. The latest entry's day is
-- also kept in project_plan.last_progress_on, so that the "no progress" light needs no join to this table.
CREATE TABLE progress_entry (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id   BIGINT        NOT NULL,
    progress_on  DATE          NOT NULL,
    progress     VARCHAR(2000) NOT NULL,
    problems     VARCHAR(2000),
    next_steps   VARCHAR(2000),
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_progress_project FOREIGN KEY (project_id) REFERENCES project (id)
);
CREATE INDEX ix_progress_project ON progress_entry (project_id, progress_on, id);

-- Supervision notices: a problem with an owner, a deadline and a reply, each notice its own process instance
-- (bpmn/supervision-notice.bpmn) whose timers raise its level (BLUE, YELLOW, RED) while no reply comes.
CREATE TABLE supervision_notice (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id           BIGINT        NOT NULL,
    owner                VARCHAR(64)   NOT NULL,
    deadline             DATE          NOT NULL,
    text                 VARCHAR(2000) NOT NULL,
    level                VARCHAR(8)    NOT NULL,
    status               VARCHAR(8)    NOT NULL,
    process_instance_id  VARCHAR(64)   NOT NULL,
    issued_by            VARCHAR(64)   NOT NULL,
    issued_at            TIMESTAMP(3)  NOT NULL,
    reply                VARCHAR(2000),
    replied_at           TIMESTAMP(3),
    closed_by            VARCHAR(64),
    closed_at            TIMESTAMP(3),
    comment              VARCHAR(2000),
    CONSTRAINT uq_notice_process UNIQUE (process_instance_id),
    CONSTRAINT fk_notice_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_notice_owner FOREIGN KEY (owner) REFERENCES app_user (username)
);
CREATE INDEX ix_notice_project ON supervision_notice (project_id, id);
CREATE INDEX ix_notice_owner ON supervision_notice (owner, status);
CREATE INDEX ix_notice_status ON supervision_notice (status, level);
