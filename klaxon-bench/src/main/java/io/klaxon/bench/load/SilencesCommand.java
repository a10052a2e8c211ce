package io.klaxon.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code silences}: what silences cost ingest. Opens the key space of re-triggers (100,000 active
 * alerts by default), then measures re-trigger ingest without silences, with {@code --silences} of
 * them in force (each on one source and subject, together holding about a tenth of the alerts
 * quiet), and without them again, for {@code --rounds} rounds, and prints each rate against the
 * mean of the runs without silences beside it.
 */
@Command(
    name = "silences",
    mixinStandardHelpOptions = true,
    description = "Re-trigger ingest with and without N silences in force, alternating.")
public final class SilencesCommand implements Callable<Integer> {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "server base URL; loopback only (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--key",
      defaultValue = "${env:KLAXON_API_KEY}",
      description = "API key with the ingest, read and operate scopes (default: $KLAXON_API_KEY)")
  String key;

  @Option(
      names = "--silences",
      defaultValue = "1000",
      description = "silences in force during the measured runs (default: ${DEFAULT-VALUE})")
  int silences;

  @Option(
      names = "--fingerprints",
      defaultValue = "100000",
      description = "active alerts, re-triggered at random (default: ${DEFAULT-VALUE})")
  int fingerprints;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      defaultValue = "30s",
      description = "each measured run (default: ${DEFAULT-VALUE})")
  Duration duration;

  @Option(
      names = "--rounds",
      defaultValue = "2",
      description = "rounds of without / with / without (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      description = "requests in flight (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--pid",
      description =
          "the server's process id: also report its CPU time per 1,000 events, which a busy"
              + " machine disturbs less than the rate")
  @Nullable Long pid;

  @Option(
      names = "--source",
      defaultValue = "bench",
      description = "source tag of the alerts (default: ${DEFAULT-VALUE})")
  String source;

  @Override
  public Integer call() throws Exception {
    if (silences < 1 || silences > 10_000 || rounds < 1 || rounds > 20) {
      throw new ParameterException(
          spec.commandLine(), "--silences must be 1 to 10000 and --rounds 1 to 20");
    }
    URI target;
    try {
      target = Loopback.require(url);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LoadPlan plan =
        new LoadPlan(
            Scenario.RETRIGGER,
            Long.MAX_VALUE,
            duration,
            100,
            concurrency,
            fingerprints,
            source,
            1);
    try (Endpoint endpoint = new Endpoint(target, key == null ? "" : key.strip())) {
      List<Double> without = new ArrayList<>();
      List<Double> with = new ArrayList<>();
      cpuWithout.clear();
      cpuWith.clear();
      without.add(measure(endpoint, plan, true, "without silences", cpuWithout));
      for (int round = 1; round <= rounds; round++) {
        List<Long> ids = create(endpoint);
        with.add(measure(endpoint, plan, false, silences + " silences in force", cpuWith));
        expire(endpoint, ids);
        without.add(measure(endpoint, plan, false, "without silences", cpuWithout));
      }
      System.out.println("--- silences summary ---");
      for (int i = 0; i < with.size(); i++) {
        double base = (without.get(i) + without.get(i + 1)) / 2;
        System.out.printf(
            "round %d: without %,.0f / with %,.0f / without %,.0f events/s: with silences at"
                + " %.1f%% of the runs beside it%n",
            i + 1, without.get(i), with.get(i), without.get(i + 1), 100 * with.get(i) / base);
      }
      double meanWith = with.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double meanWithout = without.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      System.out.printf(
          "mean: %,.0f events/s with, %,.0f without: %.1f%%%n",
          meanWith, meanWithout, 100 * meanWith / meanWithout);
      if (pid != null) {
        double cpuOn = cpuWith.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double cpuOff = cpuWithout.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf(
            "server CPU per 1,000 events: with %s, without %s ms: mean %.0f with, %.0f without:"
                + " %.1f%%%n",
            rounded(cpuWith), rounded(cpuWithout), cpuOn, cpuOff, 100 * cpuOn / cpuOff);
      }
    }
    return 0;
  }

  private final List<Double> cpuWith = new ArrayList<>();
  private final List<Double> cpuWithout = new ArrayList<>();

  private double measure(
      Endpoint endpoint, LoadPlan plan, boolean prime, String label, List<Double> cpu)
      throws InterruptedException, IOException {
    System.out.println("=== " + label + " ===");
    IngestRun run = new IngestRun(endpoint, plan);
    if (prime) {
      run.prime();
    }
    long before = pid == null ? 0 : cpuMillis(pid);
    if (run.run(false) != 0) {
      throw new IllegalStateException("the run had HTTP errors: see above");
    }
    if (pid != null) {
      double perThousand = (cpuMillis(pid) - before) * 1000.0 / Math.max(1, run.events());
      cpu.add(perThousand);
      System.out.printf("server CPU: %.0f ms per 1,000 events%n", perThousand);
    }
    return run.rate();
  }

  /** User plus system CPU time of a process, from /proc/PID/stat (clock ticks of 10 ms). */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
  }

  /**
   * Creates the silences, each on one source and one subject (10 sources × 1,000 hosts), and waits
   * until the sweep has marked the alerts they hold.
   */
  private List<Long> create(Endpoint endpoint) throws IOException, InterruptedException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < silences; i++) {
      String body =
          """
          {"matchers": "source=\\"%s\\",subjectKey=\\"host-%d\\"", "startsAt": "%s",
           "endsAt": "%s", "comment": "klaxon-bench silences"}
          """
              .formatted(
                  EventBatches.source(source, i),
                  (i * 7) % 1000,
                  now,
                  now.plus(Duration.ofHours(6)));
      HttpResponse<String> answer = endpoint.post("/api/silences", body);
      if (answer.statusCode() != 201) {
        throw new IllegalStateException(
            "creating a silence: HTTP " + answer.statusCode() + " " + answer.body());
      }
      ids.add(number(ID, answer.body()));
    }
    long held = settle(endpoint, true);
    System.out.printf("%,d silences in force, holding %,d alerts quiet%n", ids.size(), held);
    return ids;
  }

  private void expire(Endpoint endpoint, List<Long> ids) throws IOException, InterruptedException {
    for (long id : ids) {
      HttpResponse<String> answer = endpoint.post("/api/silences/" + id + "/expire", "");
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "expiring silence " + id + ": HTTP " + answer.statusCode() + " " + answer.body());
      }
    }
    settle(endpoint, false);
    System.out.printf("%,d silences expired, no alert held quiet%n", ids.size());
  }

  /**
   * Waits until the number of suppressed alerts stops moving (and is above zero when silences are
   * in force, zero when not); answers it.
   */
  private long settle(Endpoint endpoint, boolean inForce) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer =
          endpoint.get("/api/alerts?suppressed=true&status=open,acknowledged&limit=1");
      long now = number(TOTAL, answer.body());
      if (now == last && (inForce ? now > 0 : now == 0)) {
        return now;
      }
      last = now;
      Thread.sleep(2_000); // the sweep runs each second: two readings a sweep apart agree
    }
    throw new IllegalStateException("suppression did not settle within " + SETTLE_LIMIT);
  }

  private static long number(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in " + body);
    }
    return Long.parseLong(matcher.group(1));
  }
}
