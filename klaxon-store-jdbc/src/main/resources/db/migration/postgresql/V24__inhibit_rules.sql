-- Inhibition rules (issue 16), Alertmanager's semantics, by name. Matchers as Alertmanager's text
-- ({…}), equal labels one per line.
CREATE TABLE inhibit_rules (
  name            varchar(255) PRIMARY KEY,
  source_matchers text         NOT NULL,
  target_matchers text         NOT NULL,
  equal_labels    text         NOT NULL,
  updated_at      timestamptz  NOT NULL,
  updated_by      varchar(255) NOT NULL
);
