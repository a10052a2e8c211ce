-- Who holds a claim (issue 15, cluster mode): with several dispatchers on one database, an
-- instance starting up ends only its own earlier claims, never those of another instance that is
-- sending right now. A claim whose holder died is retaken once `claimed_until` has passed.
ALTER TABLE notifications ADD COLUMN claimed_by TEXT;
ALTER TABLE escalations ADD COLUMN claimed_by TEXT;
