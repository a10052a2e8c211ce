-- Snoozes (issue 16): one alert held quiet until a time; one row per snoozed alert.
CREATE TABLE snoozes (
  alert_id    INTEGER PRIMARY KEY,
  until       INTEGER NOT NULL,
  snoozed_by  TEXT    NOT NULL,
  note        TEXT
) STRICT;
