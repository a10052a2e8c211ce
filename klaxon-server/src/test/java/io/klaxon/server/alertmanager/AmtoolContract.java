package io.klaxon.server.alertmanager;

import static io.klaxon.server.alertmanager.Payloads.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code amtool} (Debian's prometheus-alertmanager package) against a running Klaxon:
 * silence add, query, update, expire and import, and alert query --silenced. Outside CI the test is
 * skipped, with a message, when amtool is not installed; in CI it is installed and required.
 */
interface AmtoolContract {

  AlertmanagerFixture am();

  private static Path amtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "amtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(ci, "amtool is not installed (apt-get install prometheus-alertmanager); skipped");
    throw new AssertionError("amtool must be installed in CI (see .ci/run)");
  }

  /** Runs amtool against the fixture's server with the admin key; answers its standard output. */
  private static String amtool(AlertmanagerFixture am, String... args) {
    try {
      Path config = Files.createTempFile("amtool-http-", ".yml");
      Files.writeString(
          config,
          "authorization:\n  type: Bearer\n  credentials: "
              + io.klaxon.server.Api.ADMIN_KEY
              + "\n");
      List<String> command = new ArrayList<>();
      command.add(amtool().toString());
      command.add("--alertmanager.url=http://127.0.0.1:" + am.port);
      command.add("--http.config.file=" + config);
      command.addAll(List.of(args));
      // amtool warns on standard error that its version differs from Klaxon's; kept apart.
      Path errors = Files.createTempFile("amtool-err-", ".txt");
      Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String warnings = Files.readString(errors);
      Files.deleteIfExists(config);
      Files.deleteIfExists(errors);
      assertThat(process.exitValue())
          .as("amtool %s: %s %s", List.of(args), output, warnings)
          .isZero();
      return output.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  default void amtool_addsQueriesUpdatesAndExpiresSilences_andSeesSilencedAlerts() {
    var am = am();
    am.post(
        alerts(am.firing("DiskFull", "critical", "nas-01:9100"), am.firing("Load", "low", "x:1")));
    Instant now = am.now();
    String run = "run=" + am.run;

    String id =
        amtool(
            am,
            "silence",
            "add",
            run,
            "alertname=DiskFull",
            "--start=" + now,
            "--end=" + now.plus(Duration.ofHours(1)),
            "--author=ann",
            "--comment=disk swap");
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(amtool(am, "silence", "query", "-q", run)).isEqualTo(id);

    JsonNode silenced =
        AmClient.json(amtool(am, "-o", "json", "alert", "query", "--silenced", run));
    assertThat(silenced.size()).isEqualTo(1);
    assertThat(silenced.at("/0/labels/alertname").asString()).isEqualTo("DiskFull");
    assertThat(silenced.at("/0/status/silencedBy/0").asString()).isEqualTo(id);
    JsonNode active = AmClient.json(amtool(am, "-o", "json", "alert", "query", run));
    assertThat(active.size()).isEqualTo(1);
    assertThat(active.at("/0/labels/alertname").asString()).isEqualTo("Load");

    Instant later = now.plus(Duration.ofHours(2));
    // amtool 0.25's update -q prints a Go pointer instead of the id, so its output is not read.
    amtool(am, "silence", "update", "-q", id, "--end=" + later);
    JsonNode updated = AmClient.json(amtool(am, "-o", "json", "silence", "query", run));
    assertThat(updated.size()).isEqualTo(1);
    assertThat(updated.at("/0/id").asString()).isEqualTo(id);
    assertThat(Instant.parse(updated.at("/0/endsAt").asString())).isEqualTo(later);

    amtool(am, "silence", "expire", id);
    // amtool splits active from expired by the wall clock, which the fixture's clock runs ahead
    // of; the server's own state for the silence is what is checked, in either list.
    List<JsonNode> listed = new ArrayList<>();
    AmClient.json(amtool(am, "-o", "json", "silence", "query", run)).forEach(listed::add);
    AmClient.json(amtool(am, "-o", "json", "silence", "query", "--expired", run))
        .forEach(listed::add);
    assertThat(listed).hasSize(1);
    assertThat(listed.getFirst().at("/id").asString()).isEqualTo(id);
    assertThat(listed.getFirst().at("/status/state").asString()).isEqualTo("expired");
    assertThat(AmClient.json(amtool(am, "-o", "json", "alert", "query", run)).size()).isEqualTo(2);
  }

  @Test
  default void amtool_importsSilences() throws IOException {
    var am = am();
    Instant now = am.now();
    Path file = Files.createTempFile("silences-", ".json");
    Files.writeString(
        file,
        "["
            + SilencesV2Contract.silence(
                "[" + SilencesV2Contract.eq("run", am.run) + "]",
                now,
                now.plus(Duration.ofHours(1)))
            + ","
            + SilencesV2Contract.silence(
                "["
                    + SilencesV2Contract.eq("run", am.run)
                    + ","
                    + SilencesV2Contract.eq("alertname", "Load")
                    + "]",
                now,
                now.plus(Duration.ofHours(1)))
            + "]");

    String imported = amtool(am, "silence", "import", file.toString());
    Files.delete(file);

    assertThat(imported.lines().toList()).hasSize(2);
    assertThat(amtool(am, "silence", "query", "-q", "run=" + am.run).lines().toList())
        .containsExactlyInAnyOrderElementsOf(imported.lines().toList());
  }
}
