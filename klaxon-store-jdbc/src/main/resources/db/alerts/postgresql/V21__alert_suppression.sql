-- What suppresses an active alert (issue 16): a JSON array of {kind, id, until}; NULL when
-- nothing does. Suppression is not a status: the status column is untouched.
ALTER TABLE alerts ADD COLUMN suppressed_by jsonb;
