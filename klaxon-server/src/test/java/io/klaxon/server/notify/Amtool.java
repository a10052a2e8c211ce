package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code amtool} (prometheus-alertmanager) as the oracle of Alertmanager's routing:
 * outside CI a test that needs it is skipped when it is not installed; in CI it is required
 * (.ci/run). Answers are kept per file and label set, so the SQLite and PostgreSQL runs ask once.
 */
final class Amtool {

  private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

  private Amtool() {}

  static Path path() {
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

  /** The receivers Alertmanager's router picks for the labels, as amtool prints them. */
  static String routesTest(Path config, Map<String, String> labels) {
    String key = config + " " + labels;
    return ANSWERS.computeIfAbsent(
        key,
        unused -> {
          List<String> args =
              new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config));
          labels.forEach(
              (name, value) ->
                  args.add(
                      name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
          return run(args);
        });
  }

  /** Runs amtool and answers its standard output; fails the test when it exits with an error. */
  static String run(List<String> args) {
    try {
      List<String> command = new ArrayList<>();
      command.add(path().toString());
      command.addAll(args);
      Path errors = Files.createTempFile("amtool-err-", ".txt");
      Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String warnings = Files.readString(errors);
      Files.deleteIfExists(errors);
      assertThat(process.exitValue()).as("amtool %s: %s %s", args, output, warnings).isZero();
      return output.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
