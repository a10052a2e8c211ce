-- Every change of a settings section through the API: who, when, and the section before and after.
CREATE TABLE settings_history (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  section    TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  actor      TEXT    NOT NULL,
  old_value  TEXT,
  new_value  TEXT    NOT NULL
) STRICT;
CREATE INDEX settings_history_by_section ON settings_history (section, id DESC);
