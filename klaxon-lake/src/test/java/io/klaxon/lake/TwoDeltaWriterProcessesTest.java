package io.klaxon.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.embed.AlertManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: two processes writing one Delta alert store. Each commit version is won by one writer
 * (the log file is put only if absent and Kernel may not rebase the loser), the loser reads the
 * winner's rows and its caller retries: every acknowledged alert is in the table, under its own id.
 */
class TwoDeltaWriterProcessesTest {

  private static final int ALERTS_EACH = 12;

  @TempDir Path dir;

  @Test
  void twoWriterProcesses_everyAcknowledgedAlertIsStored_andNoIdIsHandedOutTwice()
      throws Exception {
    Path lake = dir.resolve("lake");
    DeltaAlertStore.open(lake); // both processes find the table, none races to create it
    Process first = writer(lake, "a");
    Process second = writer(lake, "b");
    List<String> lines = new ArrayList<>(output(first));
    lines.addAll(output(second));

    Map<Long, String> acknowledged = new HashMap<>();
    for (String line : lines) {
      if (line.startsWith("ACK ")) {
        String[] parts = line.split(" ");
        String before = acknowledged.put(Long.parseLong(parts[1]), parts[2]);
        assertThat(before).as("id %s handed out twice", parts[1]).isNull();
      }
    }
    assertThat(acknowledged).hasSize(2 * ALERTS_EACH);
    System.out.println(
        "commits lost to the other writer and retried: "
            + lines.stream().filter(l -> l.startsWith("RETRY ")).count());
    try (AlertManager reopened =
        AlertManager.open(DeltaAlertStore.open(lake), InstantSource.system())) {
      assertThat(reopened.count().join()).isEqualTo(2L * ALERTS_EACH);
      for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
        Alert stored = reopened.findAlert(ack.getKey()).join().orElseThrow();
        assertThat(stored.fingerprint()).contains(ack.getValue());
      }
    }
  }

  private Process writer(Path lake, String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            DeltaWriterProcess.class.getName(),
            lake.toString(),
            name,
            Integer.toString(ALERTS_EACH))
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
  }

  private List<String> output(Process process) throws Exception {
    List<String> lines;
    try (var out = process.inputReader()) {
      lines = out.lines().toList();
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as(() -> "writer failed: " + lines + readQuietly(process))
        .isZero();
    return lines;
  }

  private String readQuietly(Process process) {
    try (var files = Files.list(dir)) {
      StringBuilder errors = new StringBuilder();
      for (Path f : files.filter(p -> p.toString().endsWith(".err")).toList()) {
        errors.append(Files.readString(f));
      }
      return errors.toString();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
