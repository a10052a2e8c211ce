-- Maintenance windows (issue 16): recurring silences. The schedule is an RFC 5545 rule expanded in
-- wall-clock time of an IANA zone from start_date at start_time; each occurrence lasts
-- duration_seconds of wall-clock time. Matcher sets as the silences keep them, one set per line.
-- Dates are ISO-8601 text (yyyy-mm-dd).
CREATE TABLE maintenance_windows (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT    NOT NULL,
  matchers         TEXT    NOT NULL,
  rrule            TEXT    NOT NULL,
  start_time       TEXT    NOT NULL,
  time_zone        TEXT    NOT NULL,
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds > 0),
  start_date       TEXT    NOT NULL,
  end_date         TEXT,
  created_by       TEXT    NOT NULL,
  comment          TEXT    NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;
