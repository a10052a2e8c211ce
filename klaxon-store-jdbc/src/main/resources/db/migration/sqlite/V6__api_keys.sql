-- API keys (issue 10): only a slow hash of each secret; the id is the public part of the key text.
CREATE TABLE api_keys (
  id            TEXT    PRIMARY KEY,
  name          TEXT    NOT NULL,
  scopes        TEXT    NOT NULL,
  secret_hash   TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  created_by    TEXT    NOT NULL,
  expires_at    INTEGER,
  last_used_at  INTEGER,
  revoked_at    INTEGER
) STRICT;
-- A name names one working key; revoked keys keep theirs for the record.
CREATE UNIQUE INDEX api_keys_working_name ON api_keys (name) WHERE revoked_at IS NULL;
