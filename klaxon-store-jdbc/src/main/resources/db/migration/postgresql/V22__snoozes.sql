-- Snoozes (issue 16): one alert held quiet until a time; one row per snoozed alert.
CREATE TABLE snoozes (
  alert_id    bigint       PRIMARY KEY,
  until       timestamptz  NOT NULL,
  snoozed_by  varchar(255) NOT NULL,
  note        text
);
