-- Security: session revocation and login throttling.

-- Bumped by every change to a user's status, roles or password. A session remembers the version it was opened
-- with and ends on its next request once the stored version differs, on every node sharing this database.
ALTER TABLE app_user ADD COLUMN auth_version INT DEFAULT 0 NOT NULL;

-- Failed logins counted per username ('u:...') and per remote address ('a:...'), shared by all nodes, so that a
-- locked account stays locked whichever node the next attempt reaches.
CREATE TABLE login_attempt (
    attempt_key   VARCHAR(200) NOT NULL PRIMARY KEY,
    failures      INT          NOT NULL,
    window_start  TIMESTAMP(3) NOT NULL,
    locked_until  TIMESTAMP(3) NULL
);
CREATE INDEX ix_login_attempt_window ON login_attempt (window_start);
