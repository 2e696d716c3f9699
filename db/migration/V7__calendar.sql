-- The working-day calendar (issue 10): the State Council's statutory holidays (放假) and adjusted working days
-- (调休上班) per year, and the count of working days up to every day, so that working days between two dates are one
-- subtraction in Java and one join in SQL. A year without entries counts Monday to Friday.

-- The years that have entries: shipped with the product (from the State Council's notice, unchanged since) or entered
-- by an administrator, who and when.
CREATE TABLE calendar_year (
    year_num    INT          NOT NULL PRIMARY KEY,
    shipped     BOOLEAN      NOT NULL,
    changed_at  TIMESTAMP(3),
    changed_by  VARCHAR(64)
);

-- One row per day that differs from Monday to Friday: a holiday (its whole range as the notice gives it, weekends
-- included), or an adjusted working day (a Saturday or Sunday that is worked).
CREATE TABLE calendar_day (
    calendar_date  DATE        NOT NULL PRIMARY KEY,
    year_num       INT         NOT NULL,
    kind           VARCHAR(8)  NOT NULL,
    CONSTRAINT fk_calendar_day_year FOREIGN KEY (year_num) REFERENCES calendar_year (year_num),
    CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);
-- a year's entries are read and replaced together
CREATE INDEX ix_calendar_day_year ON calendar_day (year_num, calendar_date);

-- Bumped by every change of the calendar, in the same transaction: each node keeps the calendar in memory and reloads
-- it when this number moved. The row is also the lock that serialises changes.
CREATE TABLE calendar_version (
    id       INT     NOT NULL PRIMARY KEY,
    version  BIGINT  NOT NULL
);
INSERT INTO calendar_version (id, version) VALUES (1, 1);

-- Every day from 1990-01-01 to 2100-12-31 (the dates the product accepts): day_num is the day as milestone_timeline
-- stores it (days since 1970-01-01), ordinal the number of working days from 1990-01-01 up to and including it. Working
-- days d with a < d <= b are then ordinal(b) - ordinal(a). Rebuilt from a year on whenever that year's entries change.
CREATE TABLE work_day (
    day_num   INT  NOT NULL PRIMARY KEY,
    year_num  INT  NOT NULL,
    ordinal   INT  NOT NULL
);

-- State Council notices (国务院办公厅关于部分节假日安排的通知) for 2024, 2025 and 2026.
INSERT INTO calendar_year (year_num, shipped) VALUES (2024, TRUE), (2025, TRUE), (2026, TRUE);
INSERT INTO calendar_day (calendar_date, year_num, kind) VALUES
    -- 2024 holidays: 1/1; 2/10-2/17; 4/4-4/6; 5/1-5/5; 6/10; 9/15-9/17; 10/1-10/7
    (DATE '2024-01-01', 2024, 'HOLIDAY'),
    (DATE '2024-02-10', 2024, 'HOLIDAY'), (DATE '2024-02-11', 2024, 'HOLIDAY'), (DATE '2024-02-12', 2024, 'HOLIDAY'),
    (DATE '2024-02-13', 2024, 'HOLIDAY'), (DATE '2024-02-14', 2024, 'HOLIDAY'), (DATE '2024-02-15', 2024, 'HOLIDAY'),
    (DATE '2024-02-16', 2024, 'HOLIDAY'), (DATE '2024-02-17', 2024, 'HOLIDAY'),
    (DATE '2024-04-04', 2024, 'HOLIDAY'), (DATE '2024-04-05', 2024, 'HOLIDAY'), (DATE '2024-04-06', 2024, 'HOLIDAY'),
    (DATE '2024-05-01', 2024, 'HOLIDAY'), (DATE '2024-05-02', 2024, 'HOLIDAY'), (DATE '2024-05-03', 2024, 'HOLIDAY'),
    (DATE '2024-05-04', 2024, 'HOLIDAY'), (DATE '2024-05-05', 2024, 'HOLIDAY'),
    (DATE '2024-06-10', 2024, 'HOLIDAY'),
    (DATE '2024-09-15', 2024, 'HOLIDAY'), (DATE '2024-09-16', 2024, 'HOLIDAY'), (DATE '2024-09-17', 2024, 'HOLIDAY'),
    (DATE '2024-10-01', 2024, 'HOLIDAY'), (DATE '2024-10-02', 2024, 'HOLIDAY'), (DATE '2024-10-03', 2024, 'HOLIDAY'),
    (DATE '2024-10-04', 2024, 'HOLIDAY'), (DATE '2024-10-05', 2024, 'HOLIDAY'), (DATE '2024-10-06', 2024, 'HOLIDAY'),
    (DATE '2024-10-07', 2024, 'HOLIDAY'),
    -- 2024 adjusted working days: 2/4, 2/18, 4/7, 4/28, 5/11, 9/14, 9/29, 10/12
    (DATE '2024-02-04', 2024, 'WORKDAY'), (DATE '2024-02-18', 2024, 'WORKDAY'), (DATE '2024-04-07', 2024, 'WORKDAY'),
    (DATE '2024-04-28', 2024, 'WORKDAY'), (DATE '2024-05-11', 2024, 'WORKDAY'), (DATE '2024-09-14', 2024, 'WORKDAY'),
    (DATE '2024-09-29', 2024, 'WORKDAY'), (DATE '2024-10-12', 2024, 'WORKDAY'),
    -- 2025 holidays: 1/1; 1/28-2/4; 4/4-4/6; 5/1-5/5; 5/31-6/2; 10/1-10/8
    (DATE '2025-01-01', 2025, 'HOLIDAY'),
    (DATE '2025-01-28', 2025, 'HOLIDAY'), (DATE '2025-01-29', 2025, 'HOLIDAY'), (DATE '2025-01-30', 2025, 'HOLIDAY'),
    (DATE '2025-01-31', 2025, 'HOLIDAY'), (DATE '2025-02-01', 2025, 'HOLIDAY'), (DATE '2025-02-02', 2025, 'HOLIDAY'),
    (DATE '2025-02-03', 2025, 'HOLIDAY'), (DATE '2025-02-04', 2025, 'HOLIDAY'),
    (DATE '2025-04-04', 2025, 'HOLIDAY'), (DATE '2025-04-05', 2025, 'HOLIDAY'), (DATE '2025-04-06', 2025, 'HOLIDAY'),
    (DATE '2025-05-01', 2025, 'HOLIDAY'), (DATE '2025-05-02', 2025, 'HOLIDAY'), (DATE '2025-05-03', 2025, 'HOLIDAY'),
    (DATE '2025-05-04', 2025, 'HOLIDAY'), (DATE '2025-05-05', 2025, 'HOLIDAY'),
    (DATE '2025-05-31', 2025, 'HOLIDAY'), (DATE '2025-06-01', 2025, 'HOLIDAY'), (DATE '2025-06-02', 2025, 'HOLIDAY'),
    (DATE '2025-10-01', 2025, 'HOLIDAY'), (DATE '2025-10-02', 2025, 'HOLIDAY'), (DATE '2025-10-03', 2025, 'HOLIDAY'),
    (DATE '2025-10-04', 2025, 'HOLIDAY'), (DATE '2025-10-05', 2025, 'HOLIDAY'), (DATE '2025-10-06', 2025, 'HOLIDAY'),
    (DATE '2025-10-07', 2025, 'HOLIDAY'), (DATE '2025-10-08', 2025, 'HOLIDAY'),
    -- 2025 adjusted working days: 1/26, 2/8, 4/27, 9/28, 10/11
    (DATE '2025-01-26', 2025, 'WORKDAY'), (DATE '2025-02-08', 2025, 'WORKDAY'), (DATE '2025-04-27', 2025, 'WORKDAY'),
    (DATE '2025-09-28', 2025, 'WORKDAY'), (DATE '2025-10-11', 2025, 'WORKDAY'),
    -- 2026 holidays: 1/1-1/3; 2/15-2/23; 4/4-4/6; 5/1-5/5; 6/19-6/21; 9/25-9/27; 10/1-10/7
    (DATE '2026-01-01', 2026, 'HOLIDAY'), (DATE '2026-01-02', 2026, 'HOLIDAY'), (DATE '2026-01-03', 2026, 'HOLIDAY'),
    (DATE '2026-02-15', 2026, 'HOLIDAY'), (DATE '2026-02-16', 2026, 'HOLIDAY'), (DATE '2026-02-17', 2026, 'HOLIDAY'),
    (DATE '2026-02-18', 2026, 'HOLIDAY'), (DATE '2026-02-19', 2026, 'HOLIDAY'), (DATE '2026-02-20', 2026, 'HOLIDAY'),
    (DATE '2026-02-21', 2026, 'HOLIDAY'), (DATE '2026-02-22', 2026, 'HOLIDAY'), (DATE '2026-02-23', 2026, 'HOLIDAY'),
    (DATE '2026-04-04', 2026, 'HOLIDAY'), (DATE '2026-04-05', 2026, 'HOLIDAY'), (DATE '2026-04-06', 2026, 'HOLIDAY'),
    (DATE '2026-05-01', 2026, 'HOLIDAY'), (DATE '2026-05-02', 2026, 'HOLIDAY'), (DATE '2026-05-03', 2026, 'HOLIDAY'),
    (DATE '2026-05-04', 2026, 'HOLIDAY'), (DATE '2026-05-05', 2026, 'HOLIDAY'),
    (DATE '2026-06-19', 2026, 'HOLIDAY'), (DATE '2026-06-20', 2026, 'HOLIDAY'), (DATE '2026-06-21', 2026, 'HOLIDAY'),
    (DATE '2026-09-25', 2026, 'HOLIDAY'), (DATE '2026-09-26', 2026, 'HOLIDAY'), (DATE '2026-09-27', 2026, 'HOLIDAY'),
    (DATE '2026-10-01', 2026, 'HOLIDAY'), (DATE '2026-10-02', 2026, 'HOLIDAY'), (DATE '2026-10-03', 2026, 'HOLIDAY'),
    (DATE '2026-10-04', 2026, 'HOLIDAY'), (DATE '2026-10-05', 2026, 'HOLIDAY'), (DATE '2026-10-06', 2026, 'HOLIDAY'),
    (DATE '2026-10-07', 2026, 'HOLIDAY'),
    -- 2026 adjusted working days: 1/4, 2/14, 2/28, 5/9, 9/20, 10/10
    (DATE '2026-01-04', 2026, 'WORKDAY'), (DATE '2026-02-14', 2026, 'WORKDAY'), (DATE '2026-02-28', 2026, 'WORKDAY'),
    (DATE '2026-05-09', 2026, 'WORKDAY'), (DATE '2026-09-20', 2026, 'WORKDAY'), (DATE '2026-10-10', 2026, 'WORKDAY');

-- work_day, generated without vendor functions: the years 1990..2100 with the day number of their first day, every
-- day of each year with whether it is worked (MOD(day_num + 3, 7) is 0 on Mondays: 1970-01-01 was a Thursday; an
-- entry decides where there is one), then the running count. The helper tables go away at the end.
CREATE TABLE calendar_number (n INT NOT NULL PRIMARY KEY);
INSERT INTO calendar_number (n) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
INSERT INTO calendar_number (n)
SELECT a.n * 100 + b.n * 10 + c.n FROM calendar_number a CROSS JOIN calendar_number b CROSS JOIN calendar_number c
WHERE a.n * 100 + b.n * 10 + c.n >= 10;

CREATE TABLE calendar_year_span (
    year_num        INT NOT NULL PRIMARY KEY,
    first_day       INT NOT NULL,
    next_first_day  INT NOT NULL
);
INSERT INTO calendar_year_span (year_num, first_day, next_first_day)
SELECT 1990 + n,
       TIMESTAMPDIFF(DAY, DATE '1970-01-01', CAST(CONCAT(CAST(1990 + n AS CHAR(4)), '-01-01') AS DATE)),
       TIMESTAMPDIFF(DAY, DATE '1970-01-01', CAST(CONCAT(CAST(1991 + n AS CHAR(4)), '-01-01') AS DATE))
FROM calendar_number WHERE n <= 110;

CREATE TABLE calendar_entry_day (
    day_num  INT NOT NULL PRIMARY KEY,
    working  INT NOT NULL
);
INSERT INTO calendar_entry_day (day_num, working)
SELECT TIMESTAMPDIFF(DAY, DATE '1970-01-01', calendar_date), CASE WHEN kind = 'WORKDAY' THEN 1 ELSE 0 END
FROM calendar_day;

INSERT INTO work_day (day_num, year_num, ordinal)
SELECT s.first_day + n.n, s.year_num,
       SUM(CASE WHEN e.working IS NOT NULL THEN e.working
                WHEN MOD(s.first_day + n.n + 3, 7) < 5 THEN 1
                ELSE 0 END) OVER (ORDER BY s.first_day + n.n ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM calendar_year_span s
JOIN calendar_number n ON n.n < s.next_first_day - s.first_day
LEFT JOIN calendar_entry_day e ON e.day_num = s.first_day + n.n;

DROP TABLE calendar_entry_day;
DROP TABLE calendar_year_span;
DROP TABLE calendar_number;
