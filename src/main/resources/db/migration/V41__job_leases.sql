-- Scheduled jobs (bill reminders, the nightly KPI freeze) run on one server at a time when several share this
-- database: each job takes its row's lease (ShedLock); a server that dies mid-job loses it when lock_until passes.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
