package com.example.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EMBEDDING.md "Logging": with Logback on the classpath and no configuration at all (this project
 * has no logback.xml), each example prints what it prints and no line of the libraries under
 * Klaxon (without Klaxon's defaults the Delta example printed 32,459 DEBUG lines); only Klaxon's
 * own INFO line of a new Delta table. Each runs in a JVM of its own, so that Logback starts there
 * as it would in a new program.
 */
class QuietLoggingTest {

  @TempDir Path dir;

  @Test
  void theSqliteExamplePrintsItsResultsAndNoLogLineAtAll() throws Exception {
    List<String> output = run(SqliteExample.class, dir.resolve("alerts.db"));

    assertEquals(
        List.of(
            "changed: 1 OPEN",
            "changed: 1 ACKNOWLEDGED",
            "changed: 1 RESOLVED",
            "active 1, SPY 1, acknowledged 1, history 3"),
        output);
  }

  @Test
  void theDeltaExamplePrintsItsResultsAndOnlyKlaxonsLineOfTheNewTable() throws Exception {
    List<String> output = run(DeltaExample.class, dir.resolve("alerts-lake"));

    assertEquals(2, output.size(), () -> String.join("\n", output));
    String created = ".* INFO io\\.klaxon\\.lake\\.DeltaTable -- Created the Delta table .*";
    assertTrue(output.get(0).matches(created), output.get(0));
    assertTrue(output.get(1).startsWith("SPY alerts: [Alert[id=1, "), output.get(1));
  }

  @Test
  void aProgramsOwnConfigurationIsTakenAsItIs() throws Exception {
    Path config = dir.resolve("logback.xml");
    Files.writeString(
        config,
        """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%level %logger - %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="OUT"/></root>
        </configuration>
        """);

    List<String> output =
        run(
            SqliteExample.class,
            dir.resolve("alerts.db"),
            "-Dlogback.configurationFile=" + config);

    assertTrue(
        output.stream().anyMatch(line -> line.startsWith("INFO org.flywaydb.")),
        () -> String.join("\n", output));
    assertTrue(output.contains("active 1, SPY 1, acknowledged 1, history 3"), output::toString);
  }

  /** Runs an example's main in a new JVM; its standard output and error, line by line. */
  private static List<String> run(Class<?> example, Path argument, String... jvmOptions)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", classpath, example.getName(), argument.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(lines::add);
    }
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the example did not end");
    System.out.println(example.getSimpleName() + " printed " + lines.size() + " lines");
    assertEquals(0, process.exitValue(), () -> String.join("\n", lines));
    return lines;
  }
}
