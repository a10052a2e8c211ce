-- API keys (issue 10): only a slow hash of each secret; the id is the public part of the key text.
CREATE TABLE api_keys (
  id            varchar(32)  PRIMARY KEY,
  name          varchar(100) NOT NULL,
  scopes        varchar(64)  NOT NULL,
  secret_hash   varchar(255) NOT NULL,
  created_at    timestamptz  NOT NULL,
  created_by    varchar(255) NOT NULL,
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
-- A name names one working key; revoked keys keep theirs for the record.
CREATE UNIQUE INDEX api_keys_working_name ON api_keys (name) WHERE revoked_at IS NULL;
