package io.klaxon.detect.odds;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.detect.odds.PendingRounds.Due;
import io.klaxon.detect.odds.RoundOrderProperties.Round;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.RandomRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a round split across requests that arrive together gives the alerts the whole round
 * gives, whatever the order the parts arrive in. Random runs of rounds (as in {@link
 * RoundOrderProperties}) are sent two ways: each round whole, straight to the detector; and each
 * round cut into its producers' parts (one bookmaker's quotes of one event), the parts shuffled and
 * packed at random into requests that arrive a few milliseconds apart, through {@link
 * PendingRounds} on a clock the test moves (no sleeps). Each event's commands must be the same. The
 * first round, in which every bookmaker quotes every event, is sent whole: PendingRounds waits only
 * for bookmakers it has seen.
 */
class SplitRoundProperties {

  static final Duration GRACE = Duration.ofMillis(200);
  static final Instant START = Instant.parse("2026-03-01T11:00:00Z");

  @Test
  void aRoundSplitAcrossRequestsInAnyOrder_givesTheCommandsOfTheWholeRound() {
    RandomRuns.check(
        SplitRoundProperties::rounds,
        RoundOrderProperties::simpler,
        run -> {
          if (!everyBookmakerIsExpected(run)) {
            return; // a shrunk run outside what PendingRounds promises (see its Javadoc)
          }
          OddsDetector whole = RoundOrderProperties.detector();
          List<AlertCommand> expected = new ArrayList<>();
          for (Round round : run) {
            expected.addAll(whole.onSnapshots(round.items(), RoundOrderProperties.settings()));
          }

          Random random = new Random(run.hashCode());
          OddsDetector split = RoundOrderProperties.detector();
          PendingRounds pending = new PendingRounds(GRACE);
          List<AlertCommand> actual = new ArrayList<>();
          Instant now = START;
          for (Round round : run) {
            // The first round whole: a bookmaker never seen since the start is not waited for.
            List<List<OddsSnapshot>> requests =
                round == run.get(0) ? List.of(round.items()) : requests(round, random);
            for (List<OddsSnapshot> request : requests) {
              now = now.plusMillis(random.nextInt(40)); // four requests at most: within the grace
              pending.add(request, now);
              judge(pending.takeDue(now, RoundOrderProperties.settings()), split, actual);
            }
            now = now.plus(GRACE);
            judge(pending.takeDue(now, RoundOrderProperties.settings()), split, actual);
            assertThat(pending.waiting()).as("every round judged after its grace").isZero();
          }

          assertThat(byEvent(actual)).isEqualTo(byEvent(expected));
        });
  }

  @Test
  void aRoundWaitsForTheHousesPart_andIsJudgedAtOnceWhenItArrives() {
    PendingRounds pending = new PendingRounds(GRACE);
    OddsDetector detector = RoundOrderProperties.detector();
    OddsSettings settings = RoundOrderProperties.settings();
    List<AlertCommand> commands = new ArrayList<>();
    pending.add(
        List.of(
            RoundOrderProperties.snapshot("e1", "betpawa", "1", 2.0, true, 0),
            RoundOrderProperties.snapshot("e1", "sportybet", "Home", 2.0, true, 0)),
        START);
    judge(pending.takeDue(START, settings), detector, commands);

    pending.add(
        List.of(
            RoundOrderProperties.snapshot("e1", "sportybet", "Draw", 3.1, true, 1),
            RoundOrderProperties.snapshot("e1", "sportybet", "Home", 2.0, true, 1)),
        START.plusSeconds(60));
    Due withoutTheHouse = pending.takeDue(START.plusSeconds(60), settings);
    pending.add(
        List.of(RoundOrderProperties.snapshot("e1", "betpawa", "X", 3.0, true, 1)),
        START.plusSeconds(60).plusMillis(150));
    Due withTheHouse = pending.takeDue(START.plusSeconds(60).plusMillis(150), settings);
    judge(withTheHouse, detector, commands);

    assertThat(withoutTheHouse.isEmpty()).as("the house's part is expected").isTrue();
    assertThat(withTheHouse.rounds()).hasSize(1);
    assertThat(commands).as("the house offers X: no availability alert").isEmpty();
  }

  @Test
  void aRoundWithAPartMissing_isJudgedOnceItsGraceHasPassed() {
    PendingRounds pending = new PendingRounds(GRACE);
    OddsSettings settings = RoundOrderProperties.settings();
    pending.add(
        List.of(
            RoundOrderProperties.snapshot("e1", "betpawa", "1", 2.0, true, 0),
            RoundOrderProperties.snapshot("e1", "sportybet", "Home", 2.0, true, 0)),
        START);
    pending.takeDue(START, settings);
    pending.add(
        List.of(RoundOrderProperties.snapshot("e1", "sportybet", "Home", 2.4, true, 1)), START);

    assertThat(pending.takeDue(START.plus(GRACE).minusMillis(1), settings).isEmpty()).isTrue();
    assertThat(pending.nextDue()).isEqualTo(START.plus(GRACE));
    assertThat(pending.takeDue(START.plus(GRACE), settings).rounds()).hasSize(1);
    assertThat(pending.nextDue()).isNull();
  }

  private static void judge(Due due, OddsDetector detector, List<AlertCommand> out) {
    due.rounds()
        .values()
        .forEach(round -> out.addAll(detector.onSnapshots(round, RoundOrderProperties.settings())));
  }

  /** A round's producers' parts (one bookmaker, one event), shuffled, packed into 1–4 requests. */
  private static List<List<OddsSnapshot>> requests(Round round, Random random) {
    Map<String, List<OddsSnapshot>> parts = new LinkedHashMap<>();
    for (OddsSnapshot snapshot : round.items()) {
      parts
          .computeIfAbsent(snapshot.eventId() + "/" + snapshot.bookmaker(), k -> new ArrayList<>())
          .add(snapshot);
    }
    List<List<OddsSnapshot>> shuffled = new ArrayList<>(parts.values());
    Collections.shuffle(shuffled, random);
    int count = Math.min(shuffled.size(), 1 + random.nextInt(4));
    List<List<OddsSnapshot>> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(new ArrayList<>());
    }
    for (int i = 0; i < shuffled.size(); i++) {
      // every request gets a part first, then the rest at random
      requests.get(i < count ? i : random.nextInt(count)).addAll(shuffled.get(i));
    }
    requests.forEach(request -> Collections.shuffle(request, random));
    return requests;
  }

  /**
   * What PendingRounds can wait for: every bookmaker quotes every event in the first round, and
   * never leaves an event unquoted for longer than the look-back window.
   */
  private static boolean everyBookmakerIsExpected(List<Round> run) {
    if (run.isEmpty()) {
      return true;
    }
    Map<String, Integer> lastMinute = new HashMap<>();
    for (String event : List.of("e1", "e2")) {
      for (String bookmaker : RoundOrderProperties.BOOKMAKERS) {
        lastMinute.put(event + "/" + bookmaker, null);
      }
    }
    for (int r = 0; r < run.size(); r++) {
      Round round = run.get(r);
      for (OddsSnapshot snapshot : round.items()) {
        String key = snapshot.eventId() + "/" + snapshot.bookmaker();
        Integer last = lastMinute.get(key);
        boolean firstRound = r == 0;
        if ((last == null && !firstRound)
            || (last != null && round.minute() - last > settingsLookback())) {
          return false;
        }
        lastMinute.put(key, round.minute());
      }
    }
    for (String key : lastMinute.keySet()) {
      if (!containsKey(run.get(0), key)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsKey(Round round, String key) {
    return round.items().stream()
        .anyMatch(snapshot -> key.equals(snapshot.eventId() + "/" + snapshot.bookmaker()));
  }

  private static int settingsLookback() {
    return RoundOrderProperties.settings().lookbackMinutes();
  }

  /**
   * Up to 12 rounds over two events, every bookmaker in the first; later a bookmaker skips an
   * event's round at random, never three in a row, rounds 1 to 20 minutes apart.
   */
  private static List<Round> rounds(Random random) {
    List<Round> rounds = new ArrayList<>();
    Map<String, Integer> skipped = new HashMap<>();
    int minute = 0;
    for (int r = 0, n = 1 + random.nextInt(12); r < n; r++) {
      minute += 1 + random.nextInt(20);
      List<OddsSnapshot> items = new ArrayList<>();
      for (String event : List.of("e1", "e2")) {
        for (int b = 0; b < RoundOrderProperties.BOOKMAKERS.length; b++) {
          String bookmaker = RoundOrderProperties.BOOKMAKERS[b];
          String key = event + "/" + bookmaker;
          if (r > 0 && skipped.getOrDefault(key, 0) < 2 && random.nextInt(4) == 0) {
            skipped.merge(key, 1, Integer::sum);
            continue;
          }
          skipped.put(key, 0);
          List<OddsSnapshot> part = new ArrayList<>();
          for (String[] outcome : RoundOrderProperties.OUTCOMES) {
            if (part.isEmpty() || random.nextInt(5) != 0) {
              String name = b == 1 ? outcome[1] : outcome[0];
              part.add(
                  RoundOrderProperties.snapshot(
                      event,
                      bookmaker,
                      name,
                      RoundOrderProperties.odds(random),
                      RoundOrderProperties.available(random),
                      minute));
            }
          }
          if (random.nextBoolean()) {
            part.add(
                RoundOrderProperties.totalGoals(
                    event,
                    bookmaker,
                    RoundOrderProperties.odds(random),
                    RoundOrderProperties.available(random),
                    minute));
          }
          items.addAll(part);
        }
      }
      rounds.add(new Round(minute, items));
    }
    return rounds;
  }

  /** Each event's commands in order (events are judged independently of each other). */
  private static Map<String, List<AlertCommand>> byEvent(List<AlertCommand> commands) {
    Map<String, List<AlertCommand>> byEvent = new TreeMap<>();
    for (AlertCommand command : commands) {
      byEvent.computeIfAbsent(eventOf(command), k -> new ArrayList<>()).add(command);
    }
    return byEvent;
  }

  private static String eventOf(AlertCommand command) {
    String fingerprint =
        switch (command) {
          case AlertCommand.Trigger trigger -> trigger.fingerprint();
          case AlertCommand.Change change
              when change.target() instanceof AlertRef.ByFingerprint(String value) ->
              value;
          default -> throw new AssertionError("not an odds command: " + command);
        };
    return fingerprint.split("\\|")[1]; // odds|event/{id}|…
  }
}
