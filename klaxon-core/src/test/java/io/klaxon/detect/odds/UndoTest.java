package io.klaxon.detect.odds;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Taking back a batch whose commands could not be applied (the engine answered 503): the retry
 * gives the same commands, and a detector that took a batch back behaves from then on exactly as
 * one that never saw it.
 */
class UndoTest {

  @Test
  void aRetriedBatch_givesTheSameCommandsAgain_insteadOfBeingTakenAsRepeats() {
    Prices prices = new Prices();
    prices.detector.onSnapshots(List.of(Prices.house(0, 2.00)), prices.settings);
    List<OddsSnapshot> moved = List.of(Prices.house(5, 2.30));

    List<AlertCommand> first = prices.detector.onSnapshots(moved, prices.settings);
    prices.detector.undoLast();
    List<AlertCommand> retried = prices.detector.onSnapshots(moved, prices.settings);

    assertThat(first).hasSize(1);
    assertThat(Prices.trigger(first.getFirst()).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(retried).isEqualTo(first);
    assertThat(prices.detector.onSnapshots(moved, prices.settings)).as("now a repeat").isEmpty();
  }

  @Test
  void undoingABatch_leavesTheDetectorAsIfItNeverSawIt() {
    Random seeds = new Random(20261123);
    for (int run = 0; run < 300; run++) {
      long seed = seeds.nextLong();
      Random random = new Random(seed);
      OddsDetector reference = new OddsDetector(FakeMarkets.standard());
      OddsDetector undoing = new OddsDetector(FakeMarkets.standard());
      int minute = 0;
      for (int step = 0; step < 25; step++) {
        OddsSettings settings =
            OddsSettings.defaults(random.nextInt(30) == 0 ? "sportybet" : Prices.HOUSE);
        if (random.nextInt(3) == 0) {
          undoing.onSnapshots(batch(random, minute), settings);
          undoing.undoLast();
        }
        List<OddsSnapshot> batch = batch(random, minute);
        minute += 1 + random.nextInt(20);
        assertThat(undoing.onSnapshots(batch, settings))
            .as("run %d (seed %d), step %d", run, seed, step)
            .isEqualTo(reference.onSnapshots(batch, settings));
      }
    }
  }

  /** A few prices from the house and two competitors, mapped and not, some suspended. */
  private static List<OddsSnapshot> batch(Random random, int minute) {
    String[][] quotes = {
      {"betpawa", "bp-1x2"},
      {"sportybet", "sb-1"},
      {"bet9ja", "b9-1"},
      {"betpawa", "bp-ou"},
      {"sportybet", "sb-ou"},
      {"betpawa", "bp-corners"}
    };
    List<OddsSnapshot> batch = new ArrayList<>();
    int size = 1 + random.nextInt(8);
    for (int i = 0; i < size; i++) {
      String[] quote = quotes[random.nextInt(quotes.length)];
      String outcome = random.nextBoolean() ? "1" : "2";
      double odds = 1.5 + random.nextInt(20) / 10.0;
      Double line = quote[1].endsWith("ou") ? 2.5 : null;
      batch.add(
          new OddsSnapshot(
              random.nextBoolean() ? "e1" : "e2",
              "Arsenal v Chelsea",
              Prices.KICKOFF,
              quote[0],
              quote[1],
              "Match result",
              line,
              outcome,
              odds,
              random.nextInt(6) != 0,
              Prices.at(minute + random.nextInt(5))));
    }
    return batch;
  }
}
