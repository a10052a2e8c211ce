-- Inhibition rules (issue 16), Alertmanager's semantics, by name. Matchers as Alertmanager's text
-- ({…}), equal labels one per line.
CREATE TABLE inhibit_rules (
  name            TEXT    PRIMARY KEY,
  source_matchers TEXT    NOT NULL,
  target_matchers TEXT    NOT NULL,
  equal_labels    TEXT    NOT NULL,
  updated_at      INTEGER NOT NULL,
  updated_by      TEXT    NOT NULL
) STRICT;
