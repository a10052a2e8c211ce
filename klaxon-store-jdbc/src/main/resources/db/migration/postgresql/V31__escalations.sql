-- Escalations (docs/ONCALL.md): one row per alert followed by an escalation policy, with the step
-- it fires next. `claimed_until` keeps other instances off while one fires a step. Nothing
-- references alerts, like the notification tables.
CREATE TABLE escalations (
  id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id      bigint       NOT NULL,
  policy        varchar(64)  NOT NULL,
  route         varchar(64)  NOT NULL,
  round         integer      NOT NULL DEFAULT 0,
  step          integer      NOT NULL DEFAULT 0,
  next_at       timestamptz,
  started_at    timestamptz  NOT NULL,
  last_step_at  timestamptz,
  last_notified text,
  end_reason    varchar(64),
  ended_at      timestamptz,
  claimed_until timestamptz,
  UNIQUE (alert_id, policy)
);
CREATE INDEX escalations_due ON escalations (next_at) WHERE end_reason IS NULL;
