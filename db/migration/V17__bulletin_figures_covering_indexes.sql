-- The bulletin's figures after a change (issue 15). Funds in place sum two years of months by park: ix_funds_month
-- has no amount, so MariaDB read the whole of project_funds (every month of every project, 172,000 rows at 100,000
-- projects) rather than look each amount up; with the amount in the index the two years are one index range.
CREATE INDEX ix_funds_month_amount ON project_funds (funds_month, project_id, amount_wan);
-- Projects in production by park: signing and construction have had (day, park_code) since V11, production's day
-- index has no park, so each production in the two years was looked up in the table for its park.
CREATE INDEX ix_timeline_production_park ON milestone_timeline (production_day, park_code);
