-- The Excel ledger (台账) import, issue 11.

-- A preview waiting for its confirmation: the file itself (re-read on confirm, so that what is applied is exactly what
-- was shown), who sent it, and the action the preview showed for each row (confirm refuses when they changed since).
CREATE TABLE ledger_import (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    file_name     VARCHAR(255)  NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       LONGBLOB       NOT NULL,
    actions       LONGTEXT       NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP(3)  NOT NULL,
    confirmed_at  TIMESTAMP(3),
    confirmed_by  VARCHAR(64)
);

-- A milestone taken over from the ledger rather than recorded as it happened, and one whose ledger gave only a month
-- (its date is the first of that month).
ALTER TABLE milestone ADD COLUMN imported BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE milestone ADD COLUMN approximate BOOLEAN DEFAULT FALSE NOT NULL;
