package io.klaxon.bench.jmh;

import io.klaxon.detect.odds.OddsDetector;
import io.klaxon.detect.odds.OddsSettings;
import io.klaxon.detect.odds.OddsSnapshot;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.MarketResolver;
import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.mapping.UnmappedSighting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the odds detector in-process, in snapshots per second: mapping lookup, the
 * look-back windows and the three rules, with the commands it returns (the engine is not involved).
 * The day: {@value #EVENTS} events, each with a match result (3 outcomes) and a total goals 2.5
 * market (2 outcomes) at the house and three competitors, quoted once a minute for {@value #ROUNDS}
 * minutes with a small random walk and a rare jump of 8–20 % (so alerts are raised and updated
 * too); default settings (60-minute look-back).
 *
 * <p>The snapshots are built once. Before each invocation (not measured) a fresh detector takes the
 * first {@value #WARM_ROUNDS} minutes, so its windows are full; the invocation then takes the
 * remaining {@value #MEASURED} snapshots, the steady state of a running server. Scores are
 * snapshots per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
public class OddsDetectorBenchmark {

  static final int EVENTS = 300;
  static final int ROUNDS = 150;
  static final int WARM_ROUNDS = 61;
  static final int PER_ROUND = EVENTS * 5 * 4;
  static final int MEASURED = PER_ROUND * (ROUNDS - WARM_ROUNDS);
  static final String HOUSE = "betpawa";
  static final List<String> BOOKMAKERS = List.of(HOUSE, "sportybet", "bet9ja", "onexbet");
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
  private static final int BATCH = 1_000;

  private final OddsSettings settings = new OddsSettings(true, 7.0, 10.0, 15.0, 7, 60, HOUSE);
  private MarketResolver markets;
  private OddsSnapshot[] snapshots;
  private List<OddsSnapshot> all;
  private OddsDetector detector;

  @Setup(Level.Trial)
  public void buildTheDay() {
    markets = new MapMarkets();
    List<OddsSnapshot> day = new ArrayList<>(PER_ROUND * ROUNDS);
    SplittableRandom random = new SplittableRandom(5);
    double[][] prices = new double[EVENTS * 5][BOOKMAKERS.size()];
    String[][] outcomes = {{"1", "X", "2"}, {"Over", "Under"}};
    for (int i = 0; i < prices.length; i++) {
      double base = 1.3 + random.nextDouble() * 4;
      for (int b = 0; b < BOOKMAKERS.size(); b++) {
        prices[i][b] = base * (0.97 + random.nextDouble() * 0.06);
      }
    }
    String[] eventIds = new String[EVENTS];
    String[] names = new String[EVENTS];
    Instant[] kickoffs = new Instant[EVENTS];
    for (int e = 0; e < EVENTS; e++) {
      eventIds[e] = "ev-" + e;
      names[e] = "Team " + e + " v Team " + (e + EVENTS);
      kickoffs[e] = START.plus(Duration.ofDays(2));
    }
    for (int round = 0; round < ROUNDS; round++) {
      Instant at = START.plus(Duration.ofMinutes(round));
      for (int e = 0; e < EVENTS; e++) {
        int series = e * 5;
        for (int m = 0; m < 2; m++) {
          for (String outcome : outcomes[m]) {
            for (int b = 0; b < BOOKMAKERS.size(); b++) {
              double step =
                  random.nextInt(2_000) == 0
                      ? (random.nextBoolean() ? 1 : -1) * (0.08 + random.nextDouble() * 0.12)
                      : (random.nextDouble() - 0.5) * 0.01;
              prices[series][b] = Math.max(1.01, prices[series][b] * (1 + step));
              String bookmaker = BOOKMAKERS.get(b);
              day.add(
                  new OddsSnapshot(
                      eventIds[e],
                      names[e],
                      kickoffs[e],
                      bookmaker,
                      marketId(bookmaker, m),
                      m == 0 ? "Match result" : "Total goals",
                      m == 0 ? null : 2.5,
                      outcome,
                      Math.round(prices[series][b] * 100) / 100.0,
                      true,
                      at));
            }
            series++;
          }
        }
      }
    }
    snapshots = day.toArray(OddsSnapshot[]::new);
    all = day;
  }

  /** A fresh detector with full windows: the first minutes of the day, not measured. */
  @Setup(Level.Invocation)
  public void fillTheWindows() {
    detector = new OddsDetector(markets);
    for (int i = 0; i < PER_ROUND * WARM_ROUNDS; i++) {
      detector.onSnapshot(snapshots[i], settings);
    }
  }

  /** One snapshot at a time, as a scraper's stream would arrive. */
  @Benchmark
  @OperationsPerInvocation(MEASURED)
  public int onSnapshot() {
    int commands = 0;
    for (int i = PER_ROUND * WARM_ROUNDS; i < snapshots.length; i++) {
      commands += detector.onSnapshot(snapshots[i], settings).size();
    }
    return commands;
  }

  /** Requests of 1,000 snapshots through {@code onSnapshots}, as the API hands them over. */
  @Benchmark
  @OperationsPerInvocation(MEASURED)
  public int onSnapshots_batch1000() {
    int commands = 0;
    for (int from = PER_ROUND * WARM_ROUNDS; from < snapshots.length; from += BATCH) {
      List<OddsSnapshot> batch = all.subList(from, Math.min(snapshots.length, from + BATCH));
      commands += detector.onSnapshots(batch, settings).size();
    }
    return commands;
  }

  private static String marketId(String bookmaker, int market) {
    return bookmaker.substring(0, 2) + (market == 0 ? "-1x2" : "-ou");
  }

  /** The registry's lookups as it keeps them in memory: by source, then by the source's id. */
  static final class MapMarkets implements MarketResolver {
    private final Map<String, Map<String, MarketMapping>> bySource = new HashMap<>();

    MapMarkets() {
      Instant at = START.minus(Duration.ofDays(1));
      Map<String, String> result = new HashMap<>();
      Map<String, String> goals = new HashMap<>();
      for (String bookmaker : BOOKMAKERS) {
        result.put(bookmaker, marketId(bookmaker, 0));
        goals.put(bookmaker, marketId(bookmaker, 1));
      }
      List<OutcomeMapping> none = List.of();
      add(new MarketMapping(1, "1x2", "Match result", result, none, 0, true, at, at, "bench"));
      add(new MarketMapping(2, "ou", "Total goals", goals, none, 0, true, at, at, "bench"));
    }

    private void add(MarketMapping mapping) {
      mapping
          .sourceIds()
          .forEach(
              (source, id) ->
                  bySource.computeIfAbsent(source, s -> new HashMap<>()).put(id, mapping));
    }

    @Override
    public Optional<MarketMapping> resolve(String source, String externalId) {
      Map<String, MarketMapping> ids = bySource.get(source.strip().toLowerCase(Locale.ROOT));
      return ids == null ? Optional.empty() : Optional.ofNullable(ids.get(externalId.strip()));
    }

    @Override
    public void recordUnmapped(UnmappedSighting sighting) {}
  }
}
