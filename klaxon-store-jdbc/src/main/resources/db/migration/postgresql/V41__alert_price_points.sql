-- Price points of the odds detector's alerts (issue 18) on PostgreSQL: the house's and each
-- competitor's prices of the alerted series within the look-back window, added as the alert
-- updates and bounded per alert (klaxon.odds.max-price-points) by the odds pipeline, beside the
-- alert rows, which only the engine writes. ON DELETE CASCADE: an alert deleted by retention or
-- purged with its subject takes its points. Times in microseconds since the epoch.
CREATE TABLE alert_price_points (
  alert_id  bigint           NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  bookmaker varchar(255)     NOT NULL,
  house     boolean          NOT NULL,
  at        bigint           NOT NULL,
  odds      double precision NOT NULL,
  PRIMARY KEY (alert_id, bookmaker, at)
);
