-- Who acknowledged and who ended an alert. (The history's identity column is already never
-- reused, so it serves as the change feed's position without change.)

ALTER TABLE alerts ADD COLUMN acknowledged_by varchar(255);
ALTER TABLE alerts ADD COLUMN resolved_by varchar(255);

-- Filled from the history for alerts acknowledged or ended before this version.
UPDATE alerts a SET acknowledged_by = (
  SELECT h.actor FROM alert_history h
  WHERE h.alert_id = a.id AND h.to_status = 'acknowledged'
  ORDER BY h.version DESC LIMIT 1)
WHERE a.acknowledged_at IS NOT NULL;

UPDATE alerts a SET resolved_by = (
  SELECT h.actor FROM alert_history h
  WHERE h.alert_id = a.id AND h.to_status = a.status
  ORDER BY h.version DESC LIMIT 1)
WHERE a.resolved_at IS NOT NULL;
