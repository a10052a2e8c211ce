package io.klaxon.lake;

import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import io.klaxon.problem.Unavailable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * One writer process of {@link TwoDeltaWriterProcessesTest}: creates alerts in a Delta store and
 * prints {@code ACK <id> <decisionId>} for each one the manager acknowledged, retrying those
 * refused as {@link Unavailable} (another process won the commit), as a caller is told to.
 */
public final class DeltaWriterProcess {

  private DeltaWriterProcess() {}

  /** Arguments: the store directory, this writer's name, how many alerts to create. */
  public static void main(String[] args) throws InterruptedException {
    Path directory = Path.of(args[0]);
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    try (AlertManager alerts =
        AlertManager.open(DeltaAlertStore.open(directory), InstantSource.system())) {
      for (int i = 0; i < count; i++) {
        String decisionId = name + "-" + i;
        Decision decision =
            Decision.of(
                decisionId,
                "CLOSE",
                "HIGH",
                "take_profit",
                "SPY",
                decisionId,
                "two writers",
                Map.of(),
                Instant.now());
        for (int attempt = 1; ; attempt++) {
          try {
            long id = alerts.createAlert(decision).join().orElseThrow().id();
            System.out.println("ACK " + id + " " + decisionId);
            break;
          } catch (CompletionException e) {
            if (!(e.getCause() instanceof Unavailable) || attempt == 200) {
              throw e;
            }
            System.out.println("RETRY " + decisionId + " " + e.getCause().getMessage());
            Thread.sleep(5 + (long) (Math.random() * 20));
          }
        }
      }
    }
  }
}
