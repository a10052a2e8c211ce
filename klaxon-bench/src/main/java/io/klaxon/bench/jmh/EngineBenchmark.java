package io.klaxon.bench.jmh;

import io.klaxon.alert.Severity;
import io.klaxon.bench.inprocess.AlertmanagerShape;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the alert engine without a database, in commands per second: the in-memory
 * de-duplication, lifecycle and change-set building, and the hand-off to the writer thread. Short
 * by default (one fork, 3 × 2 s warm-up and measurement); pass {@code -f 3 -wi 5 -i 10} for a
 * steadier number.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class EngineBenchmark {

  private static final List<Severity> SEVERITIES = List.of(Severity.values());

  private static final Instant RECEIVED = Instant.parse("2026-12-06T11:00:00Z");

  static final int FINGERPRINTS = 100_000;

  /** Pre-built batches: enough that cycling through them does not replay a cached pattern. */
  private static final int PREPARED = 2_000;

  private AlertEngine engine;
  private List<List<AlertCommand.Trigger>> retriggers100;
  private List<List<AlertCommand.Trigger>> retriggers1000;
  private List<List<AlertCommand.Trigger>> alertmanager100;
  private final AtomicLong next = new AtomicLong();

  @Setup(Level.Trial)
  public void openFingerprints() {
    AlertCommand.Trigger[] all = new AlertCommand.Trigger[FINGERPRINTS];
    for (int i = 0; i < FINGERPRINTS; i++) {
      all[i] = trigger("fp-" + i, i);
    }
    retriggers100 = batches(all, 100, new SplittableRandom(1));
    retriggers1000 = batches(all, 1_000, new SplittableRandom(2));
    engine = started();
    for (int from = 0; from < FINGERPRINTS; from += 1_000) {
      engine.apply(List.of(all).subList(from, from + 1_000));
    }
    // Alertmanager-shaped alerts beside them, re-sent as the server's intake makes a re-send:
    // received later, which the engine's merge keeps as the first receipt, so the attributes come
    // to the alert's own; every string its own object.
    AlertCommand.Trigger[] shaped = new AlertCommand.Trigger[FINGERPRINTS];
    AlertCommand.Trigger[] resent = new AlertCommand.Trigger[FINGERPRINTS];
    for (int i = 0; i < FINGERPRINTS; i++) {
      shaped[i] = AlertmanagerShape.trigger(i, RECEIVED);
      resent[i] = AlertmanagerShape.trigger(i, RECEIVED.plusSeconds(60));
    }
    for (int from = 0; from < FINGERPRINTS; from += 1_000) {
      engine.apply(List.of(shaped).subList(from, from + 1_000));
    }
    alertmanager100 = batches(resent, 100, new SplittableRandom(3));
  }

  @TearDown(Level.Trial)
  public void close() {
    engine.close();
  }

  /** Re-triggers of random open alerts, 100 a call: the dedup hot path. */
  @Benchmark
  @OperationsPerInvocation(100)
  public List<CommandResult> retrigger_batch100() {
    return engine.apply(retriggers100.get(slot()));
  }

  /**
   * Re-sends of random Alertmanager-shaped alerts, 100 a call: pure re-triggers whose attributes
   * are compared with the alert's (the path of the side-by-side benchmark's re-sends).
   */
  @Benchmark
  @OperationsPerInvocation(100)
  public List<CommandResult> retrigger_alertmanager_batch100() {
    return engine.apply(alertmanager100.get(slot()));
  }

  /** The same in batches of 1,000, where the hand-off costs less per command. */
  @Benchmark
  @OperationsPerInvocation(1_000)
  public List<CommandResult> retrigger_batch1000() {
    return engine.apply(retriggers1000.get(slot()));
  }

  /**
   * New alerts, 100 a call. The commands are built in the call (each needs a new fingerprint). Each
   * iteration starts from an engine holding the 100,000 open alerts, so that the active index grows
   * by the same amount in every iteration instead of through the whole trial.
   */
  @Benchmark
  @OperationsPerInvocation(100)
  public List<CommandResult> new_batch100(FreshEngine fresh) {
    List<AlertCommand.Trigger> batch = new ArrayList<>(100);
    for (int i = 0; i < 100; i++) {
      long n = fresh.next++;
      batch.add(trigger("new-" + n, n));
    }
    return fresh.engine.apply(batch);
  }

  /** An engine opened anew for each iteration, for the benchmark of new alerts. */
  @State(Scope.Thread)
  public static class FreshEngine {
    AlertEngine engine;
    long next;

    @Setup(Level.Iteration)
    public void open() {
      engine = started();
      for (int from = 0; from < FINGERPRINTS; from += 1_000) {
        List<AlertCommand.Trigger> batch = new ArrayList<>(1_000);
        for (int i = from; i < from + 1_000; i++) {
          batch.add(trigger("fp-" + i, i));
        }
        engine.apply(batch);
      }
      next = 0;
    }

    @TearDown(Level.Iteration)
    public void close() {
      engine.close();
    }
  }

  static AlertEngine started() {
    return AlertEngine.start(
        new NullStore(), Clock.systemUTC(), EngineSettings.defaults(), EngineMetrics.NONE);
  }

  private int slot() {
    return (int) (next.getAndIncrement() % PREPARED);
  }

  private static List<List<AlertCommand.Trigger>> batches(
      AlertCommand.Trigger[] all, int size, SplittableRandom random) {
    List<List<AlertCommand.Trigger>> batches = new ArrayList<>(PREPARED);
    for (int b = 0; b < PREPARED; b++) {
      List<AlertCommand.Trigger> batch = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        batch.add(all[random.nextInt(FINGERPRINTS)]);
      }
      batches.add(List.copyOf(batch));
    }
    return batches;
  }

  private static AlertCommand.Trigger trigger(String fingerprint, long n) {
    Severity severity = SEVERITIES.get((int) (n % SEVERITIES.size()));
    return AlertCommand.Trigger.of(
        fingerprint, "bench-" + (n % 10), "cpu", severity, "Bench alert " + n);
  }
}
