-- Write path v2 (issue 22). PostgreSQL's V18 gives the count tables a row per engine partition,
-- so that partitions committing side by side do not wait on one count row. SQLite commits one
-- transaction at a time under its write lock, so its counts stay as they are; this version keeps
-- the two dialects' sequences alike.
SELECT 1;
