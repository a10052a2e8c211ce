package io.klaxon.bench.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The writer and heap commands on small runs: they finish and print a figure they measured. */
class InProcessCommandsTest {

  @TempDir Path scratch;

  @Test
  void theLabelSetKeyIsAlertmanagersFingerprintAsTheServerPrefixesIt() {
    // Alertmanager's FNV-1a 64 of {alertname=DiskFull, instance=host-0, job=node,
    // severity=warning}, worked out independently of this code.
    assertThat(AlertmanagerShape.fingerprint("host-0")).isEqualTo("am:e3e941cf168d18f6");
    assertThat(AlertmanagerShape.trigger(0, Instant.EPOCH).fingerprint())
        .isEqualTo("am:e3e941cf168d18f6");
  }

  @Test
  void theWriterCommandPrintsTheWriterCpuPerRetrigger() {
    String out =
        run(
            new WriterCommand(),
            "--alerts",
            "300",
            "--retriggers",
            "600",
            "--batch",
            "100",
            "--synchronous",
            "OFF",
            "--dir",
            scratch.toString());

    Matcher figure = Pattern.compile("([0-9.]+) µs of writer CPU per re-trigger").matcher(out);
    assertThat(figure.find()).as(out).isTrue();
    assertThat(Double.parseDouble(figure.group(1))).isPositive();
    assertThat(out).contains("600 re-triggers of 300 open alerts");
  }

  @Test
  void theWriterCommandPrintsTheWriterCpuPerNewAlert() {
    String out =
        run(
            new WriterCommand(),
            "--alerts",
            "300",
            "--new",
            "500",
            "--batch",
            "100",
            "--synchronous",
            "OFF",
            "--dir",
            scratch.toString());

    Matcher figure = Pattern.compile("([0-9.]+) µs of writer CPU per new alert").matcher(out);
    assertThat(figure.find()).as(out).isTrue();
    assertThat(Double.parseDouble(figure.group(1))).isPositive();
    assertThat(out).contains("500 new alerts beside 300 open alerts");
  }

  @Test
  void theWriterCommandWithSeveralCallersPostsEveryNewAlertOnceAndCountsTheCommits() {
    String out =
        run(
            new WriterCommand(),
            "--alerts",
            "300",
            "--new",
            "500",
            "--batch",
            "30",
            "--callers",
            "4",
            "--synchronous",
            "OFF",
            "--dir",
            scratch.toString());

    assertThat(out).contains("500 new alerts beside 300 open alerts").contains("4 callers");
    Matcher commits = Pattern.compile("([0-9,]+) commits of ([0-9,]+) commands").matcher(out);
    assertThat(commits.find()).as(out).isTrue();
    int count = Integer.parseInt(commits.group(1).replace(",", ""));
    // 17 requests of at most 30: never more commits than requests, never fewer than 500 / 20,000.
    assertThat(count).isBetween(1, 17);
  }

  @Test
  void theWriterCommandRefusesAnEmptyRun() {
    CommandLine command = new CommandLine(new WriterCommand());
    command.setErr(new java.io.PrintWriter(new ByteArrayOutputStream()));

    assertThat(command.execute("--alerts", "0", "--dir", scratch.toString())).isEqualTo(2);
  }

  @Test
  void theHeapCommandPrintsTheBytesPerActiveAlert() {
    String out = run(new HeapCommand(), "--alerts", "2000", "--passes", "1", "--histogram", "3");

    Matcher figure = Pattern.compile("([0-9,]+) bytes per active alert").matcher(out);
    assertThat(figure.find()).as(out).isTrue();
    assertThat(Long.parseLong(figure.group(1).replace(",", ""))).isPositive();
    assertThat(out).contains("2,000 active alerts").contains("class name");
  }

  /** Runs a command as the bench jar does and returns what it printed; it must succeed. */
  private static String run(Callable<Integer> command, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      exit = new CommandLine(command).execute(args);
    } finally {
      System.setOut(original);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isZero();
    return out;
  }
}
