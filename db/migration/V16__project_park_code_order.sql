-- The bulletin page's lists (red, signed not started, built not producing, idle land) show the first 100 projects
-- by park and code: in this order the database reads the matching projects one by one and stops at the 100th,
-- where otherwise it reads and sorts every match among all projects.
CREATE INDEX ix_project_park_code ON project (park_code, code);
