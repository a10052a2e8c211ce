package io.klaxon.detect.odds;

import io.klaxon.alert.Fingerprint;
import io.klaxon.alert.Subject;

/**
 * The fingerprint of an odds alert: one per rule, event and series, whichever bookmaker's price
 * raised it, so a further move updates the alert instead of opening another.
 *
 * <p>Shape: {@code odds|event/{eventId}|{type}/{market}/{line}/{outcome}}, where {@code type} is
 * {@code price_change}, {@code direction_disagreement} or {@code availability}; {@code market} is
 * the canonical market id, or {@code ~{house}:{marketId}} for a house market with no mapping;
 * {@code line} is {@code 2.5}, {@code -1}, or {@code -} for a market without one; {@code outcome}
 * is the canonical outcome (the house's own name when unmapped). Examples: {@code
 * odds|event/e1|price_change/1x2/-/1}, {@code odds|event/e1|availability/ou/2.5/Over}, {@code
 * odds|event/e1|price_change/~betpawa:bp-corners/9.5/Over}. Within the parts {@code %}, {@code /}
 * and {@code ~} are escaped as {@code %25}, {@code %2F} and {@code %7E}, so no two series share
 * one; {@link Fingerprint} then escapes {@code %} and {@code |} and keeps it within 255 characters.
 */
final class OddsFingerprint {

  private OddsFingerprint() {}

  static String of(String eventId, String type, SeriesKey key, String house) {
    String market = key.mapped() ? escape(key.market()) : "~" + house + ":" + escape(key.market());
    String kind = type + "/" + market + "/" + escape(key.lineText()) + "/" + escape(key.outcome());
    return Fingerprint.of(
        null, OddsAlerts.SOURCE, Subject.of(EventBook.SUBJECT_TYPE, eventId, null), kind);
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace("/", "%2F").replace("~", "%7E");
  }
}
