package io.klaxon.detect.odds;

import java.time.Instant;

/**
 * One bookmaker's price of an alerted series at a time: a dot of the path a risk analyst sees.
 *
 * @param house whether the bookmaker is the house (the rest are competitors)
 */
public record PricePoint(String bookmaker, boolean house, Instant at, double odds) {}
