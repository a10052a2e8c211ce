-- On-call (docs/ONCALL.md): notify_config also keeps server secrets (the acknowledge-link key) and,
-- as documents like receivers and routes, people, schedules and escalation policies.
ALTER TABLE notify_config DROP CONSTRAINT notify_config_kind_check;
ALTER TABLE notify_config ADD CONSTRAINT notify_config_kind_check
  CHECK (kind IN ('receiver', 'route', 'secret', 'person', 'schedule', 'policy'));
