-- Write path v2 (issue 22). SQLite's V16 drops its per-row insert triggers of the count tables,
-- and the alert writer counts a commit's new alerts instead. PostgreSQL's triggers already count
-- once per statement (V18), so they stay; this version keeps the two dialects' sequences alike.
SELECT 1;
