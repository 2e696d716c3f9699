-- Evidence rules (issue 12): an administrator may require at least one evidence file of a stage before a project
-- steps into it (for signing and production: before their approval is requested). One row per stage a project
-- steps into, all off, so that existing clients keep working until an administrator switches a rule on. Written
-- only by the supervision module.
CREATE TABLE evidence_rule (
    stage              VARCHAR(16)  NOT NULL PRIMARY KEY,
    evidence_required  BOOLEAN      NOT NULL,
    changed_by         VARCHAR(64),
    changed_at         TIMESTAMP(3)
);
INSERT INTO evidence_rule (stage, evidence_required) VALUES ('SIGNING', FALSE);
INSERT INTO evidence_rule (stage, evidence_required) VALUES ('SITE_SELECTION', FALSE);
INSERT INTO evidence_rule (stage, evidence_required) VALUES ('CONSTRUCTION', FALSE);
INSERT INTO evidence_rule (stage, evidence_required) VALUES ('PRODUCTION', FALSE);
