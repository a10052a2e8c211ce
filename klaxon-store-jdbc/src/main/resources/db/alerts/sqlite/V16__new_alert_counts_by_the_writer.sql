-- Write path v2 (issue 22): new alerts counted by the alert writer, not by a trigger per row.
-- The insert triggers of V9 and V10 made every new alert run two upserts on the count tables; a
-- commit of new alerts is mostly of one kind, so the writer (JdbcAlertStore's NewAlertCounts) now
-- adds them with one upsert per kind and ten minutes of detection time, in the same transaction.
-- The update and delete triggers stay: a purged subject's cascade deletes rows the writer never
-- names. Nothing else inserts alert rows. (PostgreSQL's triggers already count per statement; its
-- V16 changes nothing.)
DROP TRIGGER alert_counts_on_insert;
DROP TRIGGER alert_counts_by_time_on_insert;
