package io.klaxon.detect.odds;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The commands that open, update and resolve the odds detector's alerts, one alert per rule and
 * series ({@link OddsFingerprint}). Source and actor are {@code odds}; every trigger is about the
 * subject {@code event/{eventId}} and expires at the event's kick-off.
 */
final class OddsAlerts {

  static final String SOURCE = "odds";
  static final String PRICE_CHANGE = "price_change";
  static final String DIRECTION_DISAGREEMENT = "direction_disagreement";
  static final String AVAILABILITY = "availability";

  private OddsAlerts() {}

  static AlertCommand.Trigger priceChange(
      EventBook event,
      Series series,
      Severity severity,
      Move move,
      OddsSettings settings,
      Instant at) {
    Map<String, Object> attributes = attributes(series, settings);
    attributes.put("previousOdds", move.from());
    String title =
        describe(series)
            + ": "
            + settings.houseBookmaker()
            + " "
            + (move.direction() > 0 ? "drifted " : "shortened ")
            + percent(move.size());
    String message =
        odds(move.from())
            + " → "
            + odds(move.to())
            + " within "
            + settings.lookbackMinutes()
            + " min";
    return trigger(
        event, series, PRICE_CHANGE, severity, title, message, move, attributes, settings, at);
  }

  static AlertCommand.Trigger directionDisagreement(
      EventBook event,
      Series series,
      Severity severity,
      Move house,
      String competitorDirection,
      OddsSettings settings,
      Instant at) {
    Map<String, Object> attributes = attributes(series, settings);
    attributes.put("previousOdds", house.from());
    attributes.put("competitorDirection", competitorDirection);
    String title =
        describe(series)
            + ": "
            + settings.houseBookmaker()
            + (house.direction() > 0 ? " drifted " : " shortened ")
            + percent(house.size())
            + ", "
            + competitorDirection;
    String message = odds(house.from()) + " → " + odds(house.to()) + " at the house";
    return trigger(
        event,
        series,
        DIRECTION_DISAGREEMENT,
        severity,
        title,
        message,
        house,
        attributes,
        settings,
        at);
  }

  static AlertCommand.Trigger availability(
      EventBook event,
      Series series,
      boolean suspended,
      int offering,
      OddsSettings settings,
      Instant at) {
    Map<String, Object> attributes = attributes(series, settings);
    attributes.put("houseStatus", suspended ? "suspended" : "missing");
    attributes.put("competitorsOffering", offering);
    String title =
        describe(series)
            + ": "
            + settings.houseBookmaker()
            + (suspended ? " suspended it, " : " does not offer it, ")
            + offering
            + (offering == 1 ? " competitor offers it" : " competitors offer it");
    return new AlertCommand.Trigger(
        OddsFingerprint.of(event.eventId, AVAILABILITY, series.key, settings.houseBookmaker()),
        SOURCE,
        AVAILABILITY,
        Severity.MEDIUM,
        fit(title),
        null,
        event.subject(),
        null,
        null,
        null,
        attributes,
        at,
        event.kickoff(),
        Actor.of(SOURCE));
  }

  static AlertCommand.Change availabilityBack(
      EventBook event, Series series, OddsSettings settings) {
    return new AlertCommand.Change(
        AlertRef.fingerprint(
            OddsFingerprint.of(event.eventId, AVAILABILITY, series.key, settings.houseBookmaker())),
        Transition.RESOLVE,
        Actor.of(SOURCE),
        settings.houseBookmaker() + " offers it again",
        true);
  }

  private static AlertCommand.Trigger trigger(
      EventBook event,
      Series series,
      String type,
      Severity severity,
      String title,
      String message,
      Move move,
      Map<String, Object> attributes,
      OddsSettings settings,
      Instant at) {
    return new AlertCommand.Trigger(
        OddsFingerprint.of(event.eventId, type, series.key, settings.houseBookmaker()),
        SOURCE,
        type,
        severity,
        fit(title),
        message,
        event.subject(),
        move.to(),
        Tiers.threshold(severity, settings),
        move.percent(),
        attributes,
        at,
        event.kickoff(),
        Actor.of(SOURCE),
        move.from());
  }

  /**
   * The title cut to what the engine accepts: a market and an outcome name may each be 255
   * characters, and a snapshot valid on its own must never make the detector's command invalid.
   */
  private static String fit(String title) {
    int max = AlertCommand.Limits.TITLE;
    return title.length() <= max ? title : title.substring(0, max - 1) + "…";
  }

  /** What the risk desk filters on: the house, the market (canonical or own id), line, outcome. */
  private static Map<String, Object> attributes(Series series, OddsSettings settings) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("bookmaker", settings.houseBookmaker());
    attributes.put("marketId", series.key.market());
    attributes.put("marketName", series.marketName);
    attributes.put("mapped", series.key.mapped());
    if (series.houseMarketId != null && series.key.mapped()) {
      attributes.put("bookmakerMarketId", series.houseMarketId);
    }
    if (series.key.line() != null) {
      attributes.put("line", series.key.line());
    }
    attributes.put("outcome", series.key.outcome());
    return attributes;
  }

  private static String describe(Series series) {
    return series.key.outcome()
        + " · "
        + series.marketName
        + (series.key.line() == null ? "" : " " + series.key.lineText());
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.2f %%", value);
  }

  private static String odds(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
