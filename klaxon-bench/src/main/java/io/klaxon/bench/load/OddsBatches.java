package io.klaxon.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the JSON bodies of {@code POST /api/signals/odds}: {@code events} football events, each
 * with a match result (outcomes 1, X, 2) quoted by the house and three competitors, all on one
 * mapped market ({@link #mapping}). Snapshot number n is series n mod 12 of event (n / 12) mod
 * events, in round n / (12 × events); a round is one minute of observed time, so every series gets
 * a newer price each round (none is dropped as a repeat) and a window holds 60 prices at the
 * default look-back. Prices wave by ±3 % and jump by 12 % for a few rounds now and then, so alerts
 * are raised and updated too. Kick-offs are a month away: nothing expires during a run.
 */
final class OddsBatches implements BodySource {

  static final String HOUSE = "betpawa";
  private static final String[] BOOKMAKERS = {HOUSE, "sportybet", "bet9ja", "onexbet"};
  private static final String[] OUTCOMES = {"1", "X", "2"};
  private static final int SERIES = BOOKMAKERS.length * OUTCOMES.length;

  private final int events;
  private final String tag;
  private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final String kickoff;
  private final AtomicLong next = new AtomicLong();

  /**
   * @param events how many events the snapshots spread over
   * @param tag prefix of event ids and market ids, so that runs on one server can be told apart
   */
  OddsBatches(int events, String tag) {
    this.events = events;
    this.tag = tag;
    this.kickoff = start.plus(Duration.ofDays(30)).toString();
  }

  /** The mapping of the bench's match result market at the four bookmakers, for the API. */
  String mapping() {
    StringBuilder sources = new StringBuilder();
    for (String bookmaker : BOOKMAKERS) {
      sources
          .append(sources.isEmpty() ? "" : ",")
          .append('"')
          .append(bookmaker)
          .append("\":\"")
          .append(marketId(bookmaker))
          .append('"');
    }
    return "{\"canonicalId\":\""
        + tag
        + "-1x2\",\"name\":\"Match result\",\"sourceIds\":{"
        + sources
        + "},\"outcomeMapping\":[],\"priority\":1,\"reason\":\"klaxon-bench odds\"}";
  }

  @Override
  public EventBatches.Body next(int units) {
    long first = next.getAndAdd(units);
    StringBuilder json = new StringBuilder(units * 260).append('[');
    for (long n = first; n < first + units; n++) {
      int series = (int) (n % SERIES);
      long event = (n / SERIES) % events;
      long round = n / ((long) SERIES * events);
      String bookmaker = BOOKMAKERS[series / OUTCOMES.length];
      String outcome = OUTCOMES[series % OUTCOMES.length];
      if (n > first) {
        json.append(',');
      }
      json.append("{\"eventId\":\"")
          .append(tag)
          .append("-ev-")
          .append(event)
          .append("\",\"eventName\":\"Team ")
          .append(event)
          .append(" v Team ")
          .append(event + events)
          .append("\",\"kickoff\":\"")
          .append(kickoff)
          .append("\",\"bookmaker\":\"")
          .append(bookmaker)
          .append("\",\"marketId\":\"")
          .append(marketId(bookmaker))
          .append("\",\"marketName\":\"Match result\",\"outcome\":\"")
          .append(outcome)
          .append("\",\"odds\":")
          .append(String.format(Locale.ROOT, "%.2f", odds(event, series, round)))
          .append(",\"observedAt\":\"")
          .append(start.plus(Duration.ofMinutes(round)))
          .append("\"}");
    }
    return new EventBatches.Body(json.append(']').toString(), units);
  }

  private static double odds(long event, int series, long round) {
    double base = 1.5 + (event * 7 + series) % 30 / 10.0;
    double wave = 1 + 0.03 * Math.sin(round * 0.2 + event + series);
    boolean jump = series < OUTCOMES.length && (round + event) % 97 < 3; // the house, now and then
    return base * wave * (jump ? 1.12 : 1);
  }

  private String marketId(String bookmaker) {
    return tag + "-" + bookmaker.substring(0, 2) + "-1x2";
  }
}
