package io.klaxon.server.odds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic day of odds: events kicking off every five minutes from 03:00, quoted every twenty
 * minutes by the house and three competitors on one mapped market (match result, outcomes 1, X, 2).
 * Each event gets one planted story by its number — a price move of a known size, competitors
 * moving against the house, the house suspending or dropping an outcome, a move on a market with no
 * mapping — and the generator says which alert each story must raise, with which severity and
 * facts. The expectations come from the stories and the rules of issue 5 (7 % → medium, 10 % →
 * high, 15 % → critical, over 60 minutes), never from running the detector.
 */
final class OddsDay {

  static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  static final Duration ROUND = Duration.ofMinutes(20);
  static final int ROUNDS = 72; // 00:00 to 24:00, both included
  static final String HOUSE = "betpawa";
  static final List<String> COMPETITORS = List.of("sportybet", "bet9ja", "onexbet");
  static final List<String> BOOKMAKERS = List.of(HOUSE, "sportybet", "bet9ja", "onexbet");
  static final String MARKET = "1x2";
  static final String CORNERS = "bp-corners";
  static final List<String> OUTCOMES = List.of("1", "X", "2");

  /** What the competitors call the outcomes; the mapping names them for each bookmaker. */
  static final Map<String, String> COMPETITOR_NAMES = Map.of("1", "Home", "X", "Draw", "2", "Away");

  /** The stories, by event number modulo ten. */
  enum Story {
    QUIET,
    DRIFT_8,
    SHORTEN_12,
    DRIFT_16_AWAY,
    ESCALATES_8_TO_13,
    AGAINST_COMPETITORS,
    SUSPENDED_AND_BACK,
    DROPPED,
    UNMAPPED_MOVE,
    EXACTLY_7_SPLIT_COMPETITORS
  }

  /** An alert a story must raise, with the facts the test checks. */
  record Expected(
      String eventId,
      String type,
      String outcome,
      String market,
      String severity,
      String status,
      Instant finalAt,
      @Nullable Double value,
      @Nullable Double changePercent,
      @Nullable String previousSeverity,
      Map<String, Object> attributes) {

    String key() {
      return key(eventId, type, market, outcome);
    }

    static String key(String eventId, String type, String market, String outcome) {
      return eventId + "|" + type + "|" + market + "|" + outcome;
    }
  }

  /** One event of the day. */
  record Event(int number, String id, Instant kickoff, Story story, int moveRound) {

    String name() {
      return "Team " + number + " v Team " + (number + 1000);
    }
  }

  private final List<Event> events = new ArrayList<>();

  OddsDay(int count) {
    for (int i = 0; i < count; i++) {
      Instant kickoff = START.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5L * i));
      int moveRound =
          (int)
              (Duration.between(START, kickoff.minus(Duration.ofHours(2))).toMinutes()
                  / ROUND.toMinutes());
      // QUIET events alternate with a 6.5 % move, under the warning threshold.
      events.add(new Event(i, "ev-" + i, kickoff, Story.values()[i % 10], moveRound));
    }
  }

  List<Event> events() {
    return events;
  }

  static Instant at(int round) {
    return START.plus(ROUND.multipliedBy(round));
  }

  /** The first round at or after the kick-off: when housekeeping run each round expires it. */
  static int kickoffRound(Event event) {
    long minutes = Duration.between(START, event.kickoff()).toMinutes();
    return (int) ((minutes + ROUND.toMinutes() - 1) / ROUND.toMinutes());
  }

  /** The body of one bookmaker's post in one round: every event not kicked off yet. */
  String snapshots(String bookmaker, int round) {
    Instant at = at(round);
    StringBuilder json = new StringBuilder(64 * 1024).append('[');
    for (Event event : events) {
      if (!event.kickoff().isAfter(at)) {
        continue;
      }
      for (String outcome : OUTCOMES) {
        Quote quote = quote(event, bookmaker, outcome, round);
        if (quote != null) {
          append(
              json,
              event,
              bookmaker,
              marketIdOf(bookmaker),
              "Match result",
              null,
              nameOf(bookmaker, outcome),
              quote,
              at);
        }
      }
      if (event.story() == Story.UNMAPPED_MOVE && bookmaker.equals(HOUSE)) {
        double price = round < event.moveRound() ? 1.75 : 2.03; // +16 %
        append(
            json,
            event,
            HOUSE,
            CORNERS,
            "Corners over/under",
            9.5,
            "Over",
            new Quote(price, true),
            at);
      }
    }
    if (json.length() > 1) {
      json.setLength(json.length() - 1);
    }
    return json.append(']').toString();
  }

  /** A price, or a suspended outcome. */
  record Quote(double odds, boolean available) {}

  /** What a bookmaker shows for an outcome in a round; null when it does not show it at all. */
  static @Nullable Quote quote(Event event, String bookmaker, String outcome, int round) {
    boolean house = bookmaker.equals(HOUSE);
    boolean moved = round >= event.moveRound();
    double base =
        switch (outcome) {
          case "1" -> 2.00;
          case "X" -> 3.20;
          default -> 3.00;
        };
    if (event.story() == Story.SHORTEN_12 && outcome.equals("1")) {
      base = 2.50;
    }
    if (!house) {
      if (outcome.equals("1") && moved && event.story() == Story.AGAINST_COMPETITORS) {
        return new Quote(1.94, true); // every competitor shortens 3 % while the house drifts
      }
      if (outcome.equals("1") && moved && event.story() == Story.EXACTLY_7_SPLIT_COMPETITORS) {
        // two shorten, one drifts with the house: no disagreement
        return new Quote(bookmaker.equals("onexbet") ? 2.06 : 1.94, true);
      }
      return new Quote(base, true);
    }
    if (!moved) {
      return new Quote(base, true);
    }
    return switch (event.story()) {
      case QUIET ->
          outcome.equals("1") && event.number() % 20 == 10
              ? new Quote(2.13, true)
              : new Quote(base, true);
      case DRIFT_8, AGAINST_COMPETITORS -> new Quote(outcome.equals("1") ? 2.16 : base, true);
      case SHORTEN_12 -> new Quote(outcome.equals("1") ? 2.20 : base, true);
      case DRIFT_16_AWAY -> new Quote(outcome.equals("2") ? 3.48 : base, true);
      case ESCALATES_8_TO_13 ->
          new Quote(outcome.equals("1") ? (round == event.moveRound() ? 2.16 : 2.26) : base, true);
      case SUSPENDED_AND_BACK ->
          new Quote(base, !outcome.equals("X") || round >= event.moveRound() + 4);
      case DROPPED -> outcome.equals("2") ? null : new Quote(base, true);
      case UNMAPPED_MOVE -> new Quote(base, true);
      case EXACTLY_7_SPLIT_COMPETITORS -> new Quote(outcome.equals("1") ? 2.14 : base, true);
    };
  }

  /**
   * The alerts the day must leave, each with the time it became final: an alert left open expires
   * at the first housekeeping round at or after its kick-off that was not held off ({@code
   * expiryHeldAt}, a round in which another instance held the expiry job).
   */
  List<Expected> expected(int expiryHeldAt) {
    List<Expected> all = new ArrayList<>();
    for (Event event : events) {
      int expiryRound = kickoffRound(event);
      if (expiryRound == expiryHeldAt) {
        expiryRound++;
      }
      Instant expires = at(expiryRound);
      String id = event.id();
      switch (event.story()) {
        case QUIET -> {}
        case DRIFT_8 ->
            all.add(priceChange(id, "1", MARKET, "medium", expires, 2.16, 8.0, null, 2.00, true));
        case SHORTEN_12 ->
            all.add(priceChange(id, "1", MARKET, "high", expires, 2.20, -12.0, null, 2.50, true));
        case DRIFT_16_AWAY ->
            all.add(
                priceChange(id, "2", MARKET, "critical", expires, 3.48, 16.0, null, 3.00, true));
        case ESCALATES_8_TO_13 ->
            all.add(
                priceChange(id, "1", MARKET, "high", expires, 2.26, 13.0, "medium", 2.00, true));
        case AGAINST_COMPETITORS -> {
          all.add(priceChange(id, "1", MARKET, "medium", expires, 2.16, 8.0, null, 2.00, true));
          all.add(
              new Expected(
                  id,
                  "direction_disagreement",
                  "1",
                  MARKET,
                  "medium",
                  "expired",
                  expires,
                  2.16,
                  8.0,
                  null,
                  Map.of(
                      "competitorDirection",
                      "3 of 3 competitors shortened",
                      "bookmaker",
                      HOUSE,
                      "marketId",
                      MARKET)));
        }
        case SUSPENDED_AND_BACK ->
            all.add(
                new Expected(
                    id,
                    "availability",
                    "X",
                    MARKET,
                    "medium",
                    "resolved",
                    at(event.moveRound() + 4),
                    null,
                    null,
                    null,
                    Map.of("houseStatus", "suspended", "competitorsOffering", 3)));
        case DROPPED ->
            all.add(
                new Expected(
                    id,
                    "availability",
                    "2",
                    MARKET,
                    "medium",
                    "expired",
                    expires,
                    null,
                    null,
                    null,
                    Map.of("houseStatus", "missing", "competitorsOffering", 3)));
        case UNMAPPED_MOVE ->
            all.add(
                priceChange(
                    id, "Over", CORNERS, "critical", expires, 2.03, 16.0, null, 1.75, false));
        case EXACTLY_7_SPLIT_COMPETITORS ->
            all.add(priceChange(id, "1", MARKET, "medium", expires, 2.14, 7.0, null, 2.00, true));
      }
    }
    return all;
  }

  private static Expected priceChange(
      String eventId,
      String outcome,
      String market,
      String severity,
      Instant expires,
      double value,
      double percent,
      @Nullable String previousSeverity,
      double previousOdds,
      boolean mapped) {
    return new Expected(
        eventId,
        "price_change",
        outcome,
        market,
        severity,
        "expired",
        expires,
        value,
        percent,
        previousSeverity,
        Map.of(
            "previousOdds",
            previousOdds,
            "bookmaker",
            HOUSE,
            "marketId",
            market,
            "mapped",
            mapped));
  }

  private static String marketIdOf(String bookmaker) {
    return switch (bookmaker) {
      case HOUSE -> "bp-1x2";
      case "sportybet" -> "sb-1x2";
      case "bet9ja" -> "b9-1x2";
      default -> "1x-1x2";
    };
  }

  private static String nameOf(String bookmaker, String outcome) {
    return bookmaker.equals(HOUSE) ? outcome : COMPETITOR_NAMES.get(outcome);
  }

  /** The mapping of the match result market for the four bookmakers, as the API takes it. */
  static String mapping() {
    StringBuilder sources = new StringBuilder();
    for (String bookmaker : BOOKMAKERS) {
      sources
          .append(sources.isEmpty() ? "" : ", ")
          .append('"')
          .append(bookmaker)
          .append("\": \"")
          .append(marketIdOf(bookmaker))
          .append('"');
    }
    StringBuilder outcomes = new StringBuilder();
    for (String outcome : OUTCOMES) {
      StringBuilder names = new StringBuilder();
      for (String bookmaker : BOOKMAKERS) {
        names
            .append(names.isEmpty() ? "" : ", ")
            .append('"')
            .append(bookmaker)
            .append("\": \"")
            .append(nameOf(bookmaker, outcome))
            .append('"');
      }
      outcomes
          .append(outcomes.isEmpty() ? "" : ", ")
          .append("{\"canonical\": \"")
          .append(outcome)
          .append("\", \"sources\": {")
          .append(names)
          .append("}}");
    }
    return """
    {"canonicalId": "%s", "name": "Match result", "sourceIds": {%s},
     "outcomeMapping": [%s], "priority": 1, "reason": "the risk desk's markets"}
    """
        .formatted(MARKET, sources, outcomes);
  }

  private static void append(
      StringBuilder json,
      Event event,
      String bookmaker,
      String marketId,
      String marketName,
      @Nullable Double line,
      String outcome,
      Quote quote,
      Instant at) {
    json.append("{\"eventId\":\"")
        .append(event.id())
        .append("\",\"eventName\":\"")
        .append(event.name())
        .append("\",\"kickoff\":\"")
        .append(event.kickoff())
        .append("\",\"bookmaker\":\"")
        .append(bookmaker)
        .append("\",\"marketId\":\"")
        .append(marketId)
        .append("\",\"marketName\":\"")
        .append(marketName)
        .append('"');
    if (line != null) {
      json.append(",\"line\":").append(line);
    }
    json.append(",\"outcome\":\"")
        .append(outcome)
        .append("\",\"odds\":")
        .append(String.format(Locale.ROOT, "%.2f", quote.odds()))
        .append(",\"available\":")
        .append(quote.available())
        .append(",\"observedAt\":\"")
        .append(at)
        .append("\"},");
  }
}
