-- Price points of the odds detector's alerts (issue 18) on SQLite: the house's and each
-- competitor's prices of the alerted series within the look-back window, added as the alert
-- updates and bounded per alert (klaxon.odds.max-price-points) by the odds pipeline, beside the
-- alert rows, which only the engine writes. ON DELETE CASCADE: an alert deleted by retention or
-- purged with its subject takes its points. Times in microseconds since the epoch.
CREATE TABLE alert_price_points (
  alert_id  INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  bookmaker TEXT    NOT NULL,
  house     INTEGER NOT NULL CHECK (house IN (0, 1)),
  at        INTEGER NOT NULL,
  odds      REAL    NOT NULL,
  PRIMARY KEY (alert_id, bookmaker, at)
) STRICT, WITHOUT ROWID;
