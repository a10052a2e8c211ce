package io.klaxon.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load}: drives a running server on this machine and reports throughput and latency. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Send events or queries to a Klaxon server on this machine.")
public final class LoadCommand implements Callable<Integer> {

  /** No run goes on longer than this, whatever was asked: the generator must stop by itself. */
  private static final Duration HARD_LIMIT = Duration.ofHours(2);

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "server base URL; loopback only (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--key",
      defaultValue = "${env:KLAXON_API_KEY}",
      description =
          "API key with the ingest and read scopes (default: $KLAXON_API_KEY), e.g. $(cat"
              + " data/admin.key)")
  String key;

  @Option(
      names = "--scenario",
      defaultValue = "new",
      description = "new | retrigger | mixed | query | seed | odds (default: ${DEFAULT-VALUE})")
  String scenario;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "run this long, e.g. 30s (default 30s unless --total or --seed-count)")
  @Nullable Duration duration;

  @Option(names = "--total", description = "send this many events, then stop")
  @Nullable Long total;

  @Option(names = "--seed-count", description = "seed: store this many alerts, e.g. 1000000")
  @Nullable Long seedCount;

  @Option(
      names = "--max-time",
      converter = DurationConverter.class,
      defaultValue = "30m",
      description =
          "stop a --total or --seed-count run after this long anyway (default: ${DEFAULT-VALUE})")
  Duration maxTime;

  @Option(names = "--batch", description = "events per request (default 100; 5000 for seed)")
  @Nullable Integer batch;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      description = "requests in flight, one virtual thread each (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--fingerprints",
      defaultValue = "100000",
      description = "key space of retrigger and mixed (default: ${DEFAULT-VALUE})")
  int fingerprints;

  @Option(
      names = "--events",
      defaultValue = "1000",
      description = "odds: football events quoted, 12 series each (default: ${DEFAULT-VALUE})")
  int events;

  @Option(
      names = "--source",
      defaultValue = "bench",
      description = "source tag: events come from TAG-0 … TAG-9 (default: ${DEFAULT-VALUE})")
  String source;

  @Override
  public Integer call() throws Exception {
    LoadPlan plan = plan();
    try (Endpoint endpoint = new Endpoint(target(), key == null ? "" : key.strip())) {
      return plan.scenario() == Scenario.QUERY
          ? new QueryRun(endpoint, plan).run()
          : new IngestRun(endpoint, plan).run();
    }
  }

  private URI target() {
    try {
      return Loopback.require(url);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private LoadPlan plan() {
    Scenario chosen;
    try {
      chosen = Scenario.valueOf(scenario.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refuse("--scenario must be one of new, retrigger, mixed, query, seed, odds");
    }
    int size = batch != null ? batch : chosen == Scenario.SEED ? 5_000 : 100;
    if (size < 1 || size > 10_000) {
      throw refuse("--batch must be 1 to 10000 (the server takes at most 10,000 events)");
    }
    if (concurrency < 1 || concurrency > 256) {
      throw refuse("--concurrency must be 1 to 256");
    }
    if (fingerprints < 1) {
      throw refuse("--fingerprints must be positive");
    }
    if (events < 1 || events > 1_000_000) {
      throw refuse("--events must be 1 to 1000000");
    }
    if (!source.matches("[A-Za-z0-9._-]{1,64}")) {
      throw refuse("--source must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    long units = Long.MAX_VALUE;
    if (chosen == Scenario.SEED) {
      if (seedCount == null || seedCount < 1) {
        throw refuse("seed needs --seed-count N (alerts to store)");
      }
      units = seedCount;
    } else if (total != null) {
      if (total < 1 || chosen == Scenario.QUERY) {
        throw refuse("--total must be positive, and query runs by --duration");
      }
      units = total;
    }
    Duration limit =
        duration != null ? duration : units == Long.MAX_VALUE ? Duration.ofSeconds(30) : maxTime;
    if (limit.isNegative() || limit.isZero() || limit.compareTo(HARD_LIMIT) > 0) {
      throw refuse("--duration and --max-time must be above 0 and at most " + HARD_LIMIT);
    }
    return new LoadPlan(chosen, units, limit, size, concurrency, fingerprints, source, events);
  }

  private ParameterException refuse(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
