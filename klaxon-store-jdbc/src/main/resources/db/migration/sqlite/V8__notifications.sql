-- Notifications (docs/NOTIFICATIONS.md): configuration, the planner's cursor into the change
-- feed, the outbox of notifications with their items and delivery attempts, and the reminders
-- of alerts still open. Types as in V1: STRICT tables, INTEGER microsecond timestamps.
--
-- Nothing references alerts: the notification log outlives an alert's retention purge.

-- Receivers and routes, each as the JSON document it was configured with (secrets included:
-- the API masks them). Routes are tried in `position` order.
CREATE TABLE notify_config (
  kind       TEXT    NOT NULL CHECK (kind IN ('receiver', 'route')),
  name       TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  document   TEXT    NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL,
  PRIMARY KEY (kind, name)
) STRICT;

-- The position in the change feed (alert_history.id) of the last change planned.
CREATE TABLE notify_cursor (
  reader   TEXT    PRIMARY KEY,
  position INTEGER NOT NULL
) STRICT;

-- One message to one receiver. It gathers the changes of its group while `sealed_at` is null;
-- the dispatcher seals it when it claims it, and `claimed_until` keeps other claims off while it
-- sends. AUTOINCREMENT: ids appear in the API and the log, never handed out twice.
CREATE TABLE notifications (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key  TEXT    NOT NULL UNIQUE,
  route            TEXT    NOT NULL,
  receiver         TEXT    NOT NULL,
  group_key        TEXT    NOT NULL,
  status           TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  created_at       INTEGER NOT NULL,
  due_at           INTEGER NOT NULL,
  next_attempt_at  INTEGER NOT NULL,
  sealed_at        INTEGER,
  claimed_until    INTEGER,
  attempts         INTEGER NOT NULL DEFAULT 0,
  first_attempt_at INTEGER,
  last_error       TEXT,
  finished_at      INTEGER
) STRICT;

-- The dispatcher's query: pending and due.
CREATE INDEX notifications_due ON notifications (next_attempt_at, id) WHERE status = 'pending';
-- The planner's: a group's gathering notification and its latest sealed one.
CREATE INDEX notifications_group ON notifications (route, receiver, group_key, due_at);
CREATE INDEX notifications_dead ON notifications (id) WHERE status = 'dead';

CREATE TABLE notification_items (
  notification_id INTEGER NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  alert_id        INTEGER NOT NULL,
  occasion        TEXT    NOT NULL,
  severity        TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  title           TEXT    NOT NULL,
  at              INTEGER NOT NULL,
  PRIMARY KEY (notification_id, seq)
) STRICT;
CREATE INDEX notification_items_alert ON notification_items (alert_id, notification_id);

CREATE TABLE notification_attempts (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id INTEGER NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  receiver        TEXT    NOT NULL,
  at              INTEGER NOT NULL,
  delivered       INTEGER NOT NULL CHECK (delivered IN (0, 1)),
  status_code     INTEGER,
  latency_micros  INTEGER NOT NULL,
  error           TEXT
) STRICT;
CREATE INDEX notification_attempts_notification ON notification_attempts (notification_id, id);

-- The next reminder of an open alert, per route and receiver.
CREATE TABLE notification_repeats (
  route    TEXT    NOT NULL,
  receiver TEXT    NOT NULL,
  alert_id INTEGER NOT NULL,
  due_at   INTEGER NOT NULL,
  PRIMARY KEY (route, receiver, alert_id)
) STRICT;
CREATE INDEX notification_repeats_due ON notification_repeats (due_at);
CREATE INDEX notification_repeats_alert ON notification_repeats (alert_id);
