package io.klaxon.detect.odds;

import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The three rules of issue 5 over one series, evaluated at a time {@code at} (the observation that
 * changed the series) with the look-back window starting at {@code from}; the house's move over
 * that window is worked out once by the caller and handed to the rules that need it. Each rule adds
 * its command to {@code out} only when what it would say differs from what it last said, so a
 * repeat of the same prices sends nothing and a further move updates the same alert (same
 * fingerprint).
 */
final class OddsRules {

  private OddsRules() {}

  /**
   * {@code price_change}: the house's latest price against its oldest inside the window, tiered by
   * the thresholds. Below warning nothing is sent: an open alert is not resolved, because the move
   * happened and the risk desk should see it until kick-off, even once the window has slid past it.
   */
  static void priceChange(
      EventBook event,
      Series series,
      @Nullable Move move,
      OddsSettings settings,
      Instant at,
      List<AlertCommand> out) {
    if (move == null) {
      return;
    }
    Severity severity = Tiers.of(move.percent(), settings);
    if (severity == null || (severity == series.priceSeverity && move.to() == series.priceOdds)) {
      return;
    }
    series.priceSeverity = severity;
    series.priceOdds = move.to();
    out.add(OddsAlerts.priceChange(event, series, severity, move, settings, at));
  }

  /**
   * {@code direction_disagreement}: the house moved at least the warning threshold one way, and
   * every competitor that moved inside the window moved the other way (at least one did). A
   * competitor whose price did not move is counted in the total but neither agrees nor disagrees.
   */
  static void directionDisagreement(
      EventBook event,
      Series series,
      @Nullable Move houseMove,
      OddsSettings settings,
      long from,
      Instant at,
      List<AlertCommand> out) {
    if (houseMove == null) {
      return;
    }
    Severity severity = Tiers.of(houseMove.percent(), settings);
    if (severity == null) {
      return;
    }
    int quoting = 0;
    int moved = 0;
    int opposite = 0;
    for (PriceWindow competitor : series.competitors()) {
      int direction = competitor.direction(from);
      if (direction == PriceWindow.NO_PRICE) {
        continue;
      }
      quoting++;
      if (direction != 0) {
        moved++;
        if (direction == -houseMove.direction()) {
          opposite++;
        }
      }
    }
    if (moved == 0 || opposite != moved) {
      return;
    }
    String competitorDirection =
        opposite
            + " of "
            + quoting
            + (quoting == 1 ? " competitor " : " competitors ")
            + (houseMove.direction() > 0 ? "shortened" : "drifted");
    String said = severity + "|" + competitorDirection + "|" + houseMove.to();
    if (said.equals(series.disagreement)) {
      return;
    }
    series.disagreement = said;
    out.add(
        OddsAlerts.directionDisagreement(
            event, series, severity, houseMove, competitorDirection, settings, at));
  }

  /**
   * {@code availability}: the house does not offer the outcome (never shown it inside the window,
   * or shows it suspended) while at least one competitor does; resolved, automatically, when the
   * house offers it again. Only once the house has shown some market of the event: before that the
   * house has simply not been scraped yet, and every outcome would look missing.
   */
  static void availability(
      EventBook event,
      Series series,
      OddsSettings settings,
      long from,
      Instant at,
      List<AlertCommand> out) {
    if (!event.houseSeen()) {
      return;
    }
    PriceWindow house = series.house;
    boolean houseOffers = house != null && house.offers(from);
    if (houseOffers) {
      if (series.availabilityOpen) {
        series.availabilityOpen = false;
        out.add(OddsAlerts.availabilityBack(event, series, settings));
      }
      return;
    }
    if (series.availabilityOpen) {
      return;
    }
    int offering = 0;
    for (PriceWindow competitor : series.competitors()) {
      if (competitor.offers(from)) {
        offering++;
      }
    }
    if (offering == 0) {
      return;
    }
    series.availabilityOpen = true;
    boolean suspended = house != null && house.seenSince(from);
    out.add(OddsAlerts.availability(event, series, suspended, offering, settings, at));
  }
}
