-- What a cluster of identical nodes on one database shares besides the engine's ACT_* tables.

-- HTTP sessions (Spring Session JDBC), so that any node serves any logged-in user. Spring Session's own schema,
-- with BLOB instead of the per-database binary types so that it means the same on H2 and MySQL/MariaDB.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID             CHAR(36)     NOT NULL,
    SESSION_ID             CHAR(36)     NOT NULL,
    CREATION_TIME          BIGINT       NOT NULL,
    LAST_ACCESS_TIME       BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL  INT          NOT NULL,
    EXPIRY_TIME            BIGINT       NOT NULL,
    PRINCIPAL_NAME         VARCHAR(100),
    PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID  CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME      VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES     BLOB         NOT NULL,
    PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID)
        ON DELETE CASCADE
);

-- The first answer to each write sent with an Idempotency-Key, per user. The row is written in the same transaction
-- as the write itself, so a crash can never keep the key without the change or the change without the key; a retry
-- with the same key gets this answer back instead of doing the write again.
CREATE TABLE idempotency_key (
    username       VARCHAR(64)   NOT NULL,
    idem_key       VARCHAR(100)  NOT NULL,
    method         VARCHAR(8)    NOT NULL,
    path           VARCHAR(400)  NOT NULL,
    request_hash   CHAR(64)      NOT NULL,
    status         INT           NOT NULL,
    location       VARCHAR(400),
    response_body  MEDIUMTEXT,
    created_at     TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (username, idem_key)
);
-- the clean-up deletes expired keys oldest first
CREATE INDEX ix_idempotency_created ON idempotency_key (created_at);
