-- Silences (issue 16): matcher sets as Alertmanager's matcher text, one set per line; expired
-- silences stay as the record of what was silenced.
CREATE TABLE silences (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT    NOT NULL UNIQUE,
  matchers    TEXT    NOT NULL,
  starts_at   INTEGER NOT NULL,
  ends_at     INTEGER NOT NULL,
  created_by  TEXT    NOT NULL,
  comment     TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX silences_ends_at ON silences (ends_at);
