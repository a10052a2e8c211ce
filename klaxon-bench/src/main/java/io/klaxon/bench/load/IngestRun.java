package io.klaxon.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Sends event batches from a fixed number of virtual-thread workers, one request in flight each,
 * until the budget of events is spent or the time is up. A 503 is waited out as its Retry-After
 * asks and the same batch sent again.
 */
final class IngestRun {

  private static final String REFUSED = "\"outcome\":\"refused\"";
  private static final Duration PRIME_LIMIT = Duration.ofMinutes(10);

  private final Endpoint endpoint;
  private final LoadPlan plan;
  private final BodySource batches;
  private final String path;
  private final @Nullable OddsBatches odds;
  private final EventBatches alerts;
  private final LoadStats stats = new LoadStats();
  private final AtomicLong budget;
  private final AtomicBoolean firstErrorShown = new AtomicBoolean();
  private long deadline;
  private double rate;

  IngestRun(Endpoint endpoint, LoadPlan plan) {
    this.endpoint = endpoint;
    this.plan = plan;
    this.odds =
        plan.scenario() == Scenario.ODDS ? new OddsBatches(plan.events(), plan.tag()) : null;
    this.alerts = new EventBatches(plan.scenario(), plan.tag(), plan.fingerprints());
    this.batches = odds != null ? odds : alerts;
    this.path = odds != null ? "/api/signals/odds" : "/api/alerts/events";
    this.budget = new AtomicLong(plan.units());
  }

  /** Runs to the end and prints the summary; returns the process exit code. */
  int run() throws InterruptedException {
    return run(plan.scenario() == Scenario.RETRIGGER || plan.scenario() == Scenario.MIXED);
  }

  /**
   * Runs to the end and prints the summary; returns the process exit code.
   *
   * @param prime open the key space first (a later run on the same server may skip it)
   */
  int run(boolean prime) throws InterruptedException {
    if (prime) {
      prime();
    }
    if (odds != null) {
      mapMarket(odds);
    }
    System.out.printf(
        "%s: batch=%d concurrency=%d limit=%s url=%s%n",
        plan.scenario().name().toLowerCase(Locale.ROOT),
        plan.batch(),
        plan.concurrency(),
        plan.limit(),
        endpoint.base());
    long started = System.nanoTime();
    deadline = started + plan.limit().toNanos();
    List<Thread> workers = new ArrayList<>();
    Progress progress = new Progress("events", stats.events::sum, stats);
    try {
      for (int i = 0; i < plan.concurrency(); i++) {
        workers.add(Thread.ofVirtual().name("load-" + i).start(this::work));
      }
      for (Thread worker : workers) {
        worker.join();
      }
    } finally {
      progress.close();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long events = stats.events.sum();
    rate = events / seconds;
    System.out.printf("--- %s summary ---%n", plan.scenario().name().toLowerCase(Locale.ROOT));
    System.out.printf(
        "events committed: %,d in %.1f s = %,.0f events/s (%,d requests of %d)%n",
        events, seconds, events / seconds, stats.requests.sum(), plan.batch());
    System.out.println("request latency: " + LoadStats.percentiles(stats.latency()));
    System.out.printf(
        "503 answers (retried): %,d; refused outcomes: %,d; HTTP errors: %s%n",
        stats.unavailable.sum(), stats.refused.sum(), stats.errorsByKind());
    return stats.errorCount() == 0 ? 0 : 2;
  }

  /** Events committed in the measured part of the last {@link #run}. */
  long events() {
    return stats.events.sum();
  }

  /** Events committed per second in the measured part of the last {@link #run}. */
  double rate() {
    return rate;
  }

  /**
   * Opens every fingerprint of the key space once, unmeasured, so that the run re-triggers. It has
   * its own time limit: a short --duration must not cut it off.
   */
  void prime() throws InterruptedException {
    System.out.printf("priming %,d fingerprints…%n", plan.fingerprints());
    long started = System.nanoTime();
    deadline = started + PRIME_LIMIT.toNanos();
    Histogram ignored = LoadStats.histogram();
    for (int from = 0; from < plan.fingerprints(); from += 1_000) {
      int count = Math.min(1_000, plan.fingerprints() - from);
      if (!send(alerts.prime(from, count), ignored)) {
        throw new IllegalStateException("priming failed or took over " + PRIME_LIMIT);
      }
    }
    System.out.printf("primed in %.1f s%n", (System.nanoTime() - started) / 1e9);
    stats.events.reset();
    stats.requests.reset();
  }

  /** Maps the odds market at the four bookmakers; a mapping left by an earlier run will do. */
  private void mapMarket(OddsBatches batches) throws InterruptedException {
    try {
      HttpResponse<String> answer = endpoint.post("/api/mappings", batches.mapping());
      if (answer.statusCode() != 201 && answer.statusCode() != 409) {
        throw new IllegalStateException(
            "could not map the odds market: HTTP " + answer.statusCode() + " " + answer.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not map the odds market: " + e, e);
    }
  }

  private void work() {
    Histogram latency = LoadStats.histogram();
    try {
      int units;
      while (System.nanoTime() < deadline && (units = claim()) > 0) {
        send(batches.next(units), latency);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stats.merge(latency);
    }
  }

  /** Takes up to a batch from the budget; 0 once it is spent. */
  private int claim() {
    long left;
    int take;
    do {
      left = budget.get();
      take = (int) Math.min(plan.batch(), left);
    } while (take > 0 && !budget.compareAndSet(left, left - take));
    return take;
  }

  /** Sends one batch until it is committed, refused for good, or time is up. */
  private boolean send(EventBatches.Body body, Histogram latency) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      long sent = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = endpoint.post(path, body.json());
      } catch (IOException e) {
        stats.error("io");
        showFirstError("I/O: " + e);
        Thread.sleep(100); // a server that is down must not be spun against
        continue;
      }
      int status = response.statusCode();
      if (status == 503) {
        stats.unavailable.increment();
        long waitMillis = Endpoint.retryAfterSeconds(response) * 1_000;
        // At least a moment, so that a Retry-After of 0 does not turn into a busy loop.
        Thread.sleep(
            Math.max(50, Math.min(waitMillis, (deadline - System.nanoTime()) / 1_000_000)));
        continue;
      }
      stats.requests.increment();
      if (status / 100 != 2) {
        stats.error(Integer.toString(status));
        showFirstError("HTTP " + status + ": " + abbreviate(response.body()));
        return false;
      }
      LoadStats.record(latency, System.nanoTime() - sent);
      stats.events.add(body.events());
      stats.refused.add(Endpoint.count(response.body(), REFUSED));
      return true;
    }
    return false;
  }

  private void showFirstError(String what) {
    if (firstErrorShown.compareAndSet(false, true)) {
      System.err.println("first error: " + what);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }
}
