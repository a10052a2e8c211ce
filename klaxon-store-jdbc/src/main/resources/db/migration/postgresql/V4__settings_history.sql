-- Every change of a settings section through the API: who, when, and the section before and after.
CREATE TABLE settings_history (
  id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  section    varchar(64)  NOT NULL,
  at         timestamptz  NOT NULL,
  actor      varchar(255) NOT NULL,
  old_value  jsonb,
  new_value  jsonb        NOT NULL
);
CREATE INDEX settings_history_by_section ON settings_history (section, id DESC);
