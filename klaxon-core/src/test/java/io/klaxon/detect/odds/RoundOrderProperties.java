package io.klaxon.detect.odds;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.RandomRuns;
import io.klaxon.mapping.OutcomeMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: snapshots observed at one instant are one round, and no alert depends on the order of a
 * round's items, nor on how consecutive rounds are packed into requests. Random runs of rounds
 * (house and two competitors, 1X2 with the house's "X" being the competitors' "Draw", a total-goals
 * line, suspensions, missing outcomes, big moves) are given three ways — as generated, each round
 * shuffled, pairs of rounds shuffled together into one request — and must give the same commands.
 */
class RoundOrderProperties {

  static final String[] BOOKMAKERS = {"betpawa", "sportybet", "bet9ja"};
  static final String[][] OUTCOMES = {{"1", "Home"}, {"X", "Draw"}, {"2", "Away"}};

  /** One instant's snapshots, as a scraper would send them. */
  record Round(int minute, List<OddsSnapshot> items) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("minute " + minute + ":");
      for (OddsSnapshot s : items) {
        text.append(' ')
            .append(s.eventId())
            .append('/')
            .append(s.bookmaker())
            .append('/')
            .append(s.marketId())
            .append('/')
            .append(s.outcome())
            .append('=')
            .append(s.available() ? s.odds() : "susp");
      }
      return text.toString();
    }
  }

  @Test
  void theOrderOfARoundsItems_andHowRoundsArePacked_changeNoCommand() {
    RandomRuns.check(
        RoundOrderProperties::rounds,
        RoundOrderProperties::simpler,
        run -> {
          List<AlertCommand> asGenerated = new ArrayList<>();
          OddsDetector one = detector();
          for (Round round : run) {
            asGenerated.addAll(one.onSnapshots(round.items(), settings()));
          }

          Random shuffler = new Random(run.hashCode());
          List<AlertCommand> shuffled = new ArrayList<>();
          OddsDetector two = detector();
          for (Round round : run) {
            List<OddsSnapshot> items = new ArrayList<>(round.items());
            Collections.shuffle(items, shuffler);
            shuffled.addAll(two.onSnapshots(items, settings()));
          }

          List<AlertCommand> packed = new ArrayList<>();
          OddsDetector three = detector();
          for (int i = 0; i < run.size(); i += 2) {
            List<OddsSnapshot> items = new ArrayList<>(run.get(i).items());
            if (i + 1 < run.size()) {
              items.addAll(run.get(i + 1).items());
            }
            Collections.shuffle(items, shuffler);
            packed.addAll(three.onSnapshots(items, settings()));
          }

          assertThat(shuffled).as("each round shuffled").isEqualTo(asGenerated);
          assertThat(packed).as("two rounds a request, shuffled").isEqualTo(asGenerated);
        });
  }

  @Test
  void theHousesOutcomeListedAfterACompetitors_isNotMissing() {
    OddsDetector detector = detector();
    detector.onSnapshots(
        List.of(
            snapshot("e1", "betpawa", "1", 2.0, true, 0),
            snapshot("e1", "sportybet", "Home", 2.0, true, 0)),
        settings());

    List<AlertCommand> commands =
        detector.onSnapshots(
            List.of(
                snapshot("e1", "sportybet", "Draw", 3.1, true, 1),
                snapshot("e1", "bet9ja", "X", 3.2, true, 1),
                snapshot("e1", "betpawa", "X", 3.0, true, 1)),
            settings());

    assertThat(commands).as("no availability alert raised and resolved in one request").isEmpty();
  }

  static OddsDetector detector() {
    FakeMarkets markets =
        new FakeMarkets()
            .map(
                "1x2",
                "Match result",
                Map.of("betpawa", "bp-1x2", "sportybet", "sb-1", "bet9ja", "b9-1"),
                new OutcomeMapping("1", Map.of("betpawa", "1", "sportybet", "Home")),
                new OutcomeMapping("X", Map.of("betpawa", "X", "sportybet", "Draw")),
                new OutcomeMapping("2", Map.of("betpawa", "2", "sportybet", "Away")))
            .map(
                "ou",
                "Total goals",
                Map.of("betpawa", "bp-ou", "sportybet", "sb-ou", "bet9ja", "b9-ou"));
    return new OddsDetector(markets);
  }

  static OddsSettings settings() {
    return OddsSettings.defaults(Prices.HOUSE);
  }

  /** Up to 12 rounds, a few minutes apart, over two events. */
  private static List<Round> rounds(Random random) {
    List<Round> rounds = new ArrayList<>();
    int minute = 0;
    for (int r = 0, n = 1 + random.nextInt(12); r < n; r++) {
      minute += 1 + random.nextInt(25);
      List<OddsSnapshot> items = new ArrayList<>();
      for (String event : List.of("e1", "e2")) {
        for (int b = 0; b < BOOKMAKERS.length; b++) {
          if (random.nextInt(4) == 0) {
            continue; // this bookmaker was not scraped this round
          }
          for (String[] outcome : OUTCOMES) {
            if (random.nextInt(5) != 0) {
              String name = b == 1 ? outcome[1] : outcome[0];
              items.add(
                  snapshot(event, BOOKMAKERS[b], name, odds(random), available(random), minute));
            }
          }
          if (random.nextBoolean()) {
            items.add(totalGoals(event, BOOKMAKERS[b], odds(random), available(random), minute));
          }
        }
      }
      rounds.add(new Round(minute, items));
    }
    return rounds;
  }

  /** The round without one of its items. */
  static List<Round> simpler(Round round) {
    List<Round> simpler = new ArrayList<>();
    for (int i = 0; i < round.items().size(); i++) {
      List<OddsSnapshot> items = new ArrayList<>(round.items());
      items.remove(i);
      simpler.add(new Round(round.minute(), items));
    }
    return simpler;
  }

  static double odds(Random random) {
    return 1.5 + random.nextInt(12) / 10.0;
  }

  static boolean available(Random random) {
    return random.nextInt(8) != 0;
  }

  static OddsSnapshot snapshot(
      String event, String bookmaker, String outcome, double odds, boolean available, int minute) {
    String market =
        switch (bookmaker) {
          case "betpawa" -> "bp-1x2";
          case "sportybet" -> "sb-1";
          default -> "b9-1";
        };
    return new OddsSnapshot(
        event,
        event,
        Prices.KICKOFF,
        bookmaker,
        market,
        "Match result",
        null,
        outcome,
        odds,
        available,
        Prices.at(minute));
  }

  static OddsSnapshot totalGoals(
      String event, String bookmaker, double odds, boolean available, int minute) {
    return new OddsSnapshot(
        event,
        event,
        Prices.KICKOFF,
        bookmaker,
        switch (bookmaker) {
          case "betpawa" -> "bp-ou";
          case "sportybet" -> "sb-ou";
          default -> "b9-ou";
        },
        "Total goals",
        2.5,
        "Over",
        odds,
        available,
        Prices.at(minute));
  }
}
