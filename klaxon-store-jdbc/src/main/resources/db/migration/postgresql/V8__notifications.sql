-- Notifications (docs/NOTIFICATIONS.md): configuration, the planner's cursor into the change
-- feed, the outbox of notifications with their items and delivery attempts, and the reminders
-- of alerts still open.
--
-- Nothing references alerts: the notification log outlives an alert's retention purge.

-- Receivers and routes, each as the JSON document it was configured with (secrets included:
-- the API masks them). Routes are tried in `position` order.
CREATE TABLE notify_config (
  kind       varchar(16)  NOT NULL CHECK (kind IN ('receiver', 'route')),
  name       varchar(64)  NOT NULL,
  position   integer      NOT NULL,
  document   jsonb        NOT NULL,
  updated_at timestamptz  NOT NULL,
  updated_by varchar(255) NOT NULL,
  PRIMARY KEY (kind, name)
);

-- The position in the change feed (alert_history.id) of the last change planned.
CREATE TABLE notify_cursor (
  reader   varchar(64) PRIMARY KEY,
  position bigint      NOT NULL
);

-- One message to one receiver. It gathers the changes of its group while `sealed_at` is null;
-- the dispatcher seals it when it claims it, and `claimed_until` keeps other claims off while it
-- sends.
CREATE TABLE notifications (
  id               bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key  varchar(64)  NOT NULL UNIQUE,
  route            varchar(64)  NOT NULL,
  receiver         varchar(64)  NOT NULL,
  group_key        text         NOT NULL,
  status           varchar(16)  NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  created_at       timestamptz  NOT NULL,
  due_at           timestamptz  NOT NULL,
  next_attempt_at  timestamptz  NOT NULL,
  sealed_at        timestamptz,
  claimed_until    timestamptz,
  attempts         integer      NOT NULL DEFAULT 0,
  first_attempt_at timestamptz,
  last_error       text,
  finished_at      timestamptz
);

CREATE INDEX notifications_due ON notifications (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX notifications_group ON notifications (route, receiver, group_key, due_at);
CREATE INDEX notifications_dead ON notifications (id) WHERE status = 'dead';

CREATE TABLE notification_items (
  notification_id bigint       NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  seq             integer      NOT NULL,
  alert_id        bigint       NOT NULL,
  occasion        varchar(16)  NOT NULL,
  severity        varchar(16)  NOT NULL,
  status          varchar(16)  NOT NULL,
  title           text         NOT NULL,
  at              timestamptz  NOT NULL,
  PRIMARY KEY (notification_id, seq)
);
CREATE INDEX notification_items_alert ON notification_items (alert_id, notification_id);

CREATE TABLE notification_attempts (
  id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notification_id bigint       NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  receiver        varchar(64)  NOT NULL,
  at              timestamptz  NOT NULL,
  delivered       boolean      NOT NULL,
  status_code     integer,
  latency_micros  bigint       NOT NULL,
  error           text
);
CREATE INDEX notification_attempts_notification ON notification_attempts (notification_id, id);

CREATE TABLE notification_repeats (
  route    varchar(64) NOT NULL,
  receiver varchar(64) NOT NULL,
  alert_id bigint      NOT NULL,
  due_at   timestamptz NOT NULL,
  PRIMARY KEY (route, receiver, alert_id)
);
CREATE INDEX notification_repeats_due ON notification_repeats (due_at);
CREATE INDEX notification_repeats_alert ON notification_repeats (alert_id);
