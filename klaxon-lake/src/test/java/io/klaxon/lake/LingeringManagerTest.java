package io.klaxon.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: a manager that lingers puts the writes of callers arriving together in one commit. */
class LingeringManagerTest {

  @TempDir Path dir;

  @Test
  void writesArrivingWithinTheLinger_shareOneDeltaCommit_andEachCallerGetsItsAlert()
      throws IOException {
    Path lake = dir.resolve("lake");
    DeltaAlertStore store = DeltaAlertStore.open(lake);
    long before = commits(lake);
    List<CompletableFuture<Optional<Alert>>> calls;
    // A long linger, so that the five calls made one after the other surely fall within it.
    try (AlertManager alerts =
        AlertManager.open(store, InstantSource.system(), Duration.ofSeconds(5))) {
      calls = IntStream.range(0, 5).mapToObj(i -> alerts.createAlert(decision(i))).toList();
      for (int i = 0; i < calls.size(); i++) {
        assertThat(calls.get(i).join().orElseThrow().attributes())
            .containsEntry("strategyId", "s" + i);
      }
    }

    assertThat(commits(lake) - before).isEqualTo(1);
    assertThat(calls.stream().map(c -> c.join().orElseThrow().id()).distinct()).hasSize(5);
  }

  @Test
  void closing_commitsWhatIsStillLingering() {
    Path lake = dir.resolve("closing");
    CompletableFuture<Optional<Alert>> call;
    try (AlertManager alerts =
        AlertManager.open(
            DeltaAlertStore.open(lake), InstantSource.system(), Duration.ofMinutes(10))) {
      call = alerts.createAlert(decision(1));
    }

    assertThat(call.join()).isPresent();
  }

  private static long commits(Path lake) throws IOException {
    try (Stream<Path> files = Files.list(lake.resolve("_delta_log"))) {
      return files.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  private static Decision decision(int i) {
    return Decision.of(
        "d-" + i,
        "CLOSE",
        "HIGH",
        "take_profit",
        "SPY",
        "s" + i,
        "linger",
        Map.of(),
        Instant.now());
  }
}
