-- The approval backlog metric (operations.BacklogMetrics) counts the requests still PENDING every few seconds on every
-- node; with the status leading an index that count reads only the pending entries instead of the whole table.
CREATE INDEX ix_approval_status ON approval_request (status);
