package io.klaxon.server.odds;

import io.klaxon.alert.Alert;
import io.klaxon.detect.odds.OddsDetector;
import io.klaxon.detect.odds.OddsSettings;
import io.klaxon.detect.odds.OddsSnapshot;
import io.klaxon.detect.odds.PendingRounds;
import io.klaxon.detect.odds.PendingRounds.RoundKey;
import io.klaxon.detect.odds.PricePaths;
import io.klaxon.detect.odds.PricePoint;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import io.klaxon.mapping.MarketResolver;
import io.klaxon.problem.Unavailable;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.JsonItems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Takes odds snapshots, runs the risk rules on the house prices and raises what they find. */
@RestController
@Tag(name = "signals")
class OddsSignalController {

  static final int MAX_SNAPSHOTS = 10_000;
  private static final Logger log = LoggerFactory.getLogger(OddsSignalController.class);
  private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  private final AlertEngine engine;
  private final ObjectMapper json;
  private final OddsDetector detector;
  private final AlertSettings settings;
  // The detector keeps per-series windows and is not thread-safe; requests take turns.
  private final ReentrantLock lock = new ReentrantLock();
  private final InstantSource clock;
  private final PricePaths paths;
  private final int maxPricePoints;
  private Instant nextForget = Instant.MIN;
  // Rounds that came in part wait for their other parts (issue 18); requests wait for their
  // rounds' judgments. Both under the lock. Arrivals are timed on the real clock: the grace is the
  // server's own time, not the domain clock (which tests move by hand).
  private final PendingRounds pending;
  private final Map<RoundKey, CompletableFuture<List<CommandResult>>> judgments = new HashMap<>();
  private final InstantSource arrivals = InstantSource.system();
  private final Duration grace;

  OddsSignalController(
      AlertEngine engine,
      ObjectMapper json,
      MarketResolver markets,
      AlertSettings settings,
      InstantSource clock,
      PricePaths paths,
      OddsProperties properties) {
    this.engine = engine;
    this.paths = paths;
    this.maxPricePoints = properties.maxPricePoints();
    this.grace = properties.roundGrace();
    this.pending = new PendingRounds(grace);
    this.clock = clock;
    this.json = json;
    this.detector = new OddsDetector(markets);
    this.settings = settings;
  }

  /** An alert the snapshots raised or changed. */
  record RaisedAlert(
      String outcome,
      @Nullable Long alertId,
      @Nullable String fingerprint,
      @Nullable String type,
      @Nullable String severity,
      @Nullable String status) {}

  /** The price points behind one alert the request opened or updated. */
  private record Path(long alertId, List<PricePoint> points) {}

  /**
   * Adds the price points behind the alerts the request moved to their paths, beside the alerts
   * (the engine wrote those). Outside the detector's lock; a failure here is logged and does not
   * refuse the request, whose alerts are committed: the alert's next update adds its window again.
   */
  private void keep(List<Path> toKeep) {
    for (Path path : toKeep) {
      try {
        paths.keep(path.alertId(), path.points(), maxPricePoints);
      } catch (RuntimeException e) {
        log.warn("Price points of alert {} not kept: {}", path.alertId(), e.toString());
      }
    }
  }

  /**
   * What a request did: how many snapshots were taken and which alerts their rounds moved (a round
   * sent in parts by several requests is reported to each of them).
   */
  record Results(int snapshots, List<RaisedAlert> alerts) {}

  /**
   * Drops the windows of events that have kicked off (their alerts expire then, and later snapshots
   * are ignored), at most once a minute, so the detector's memory holds upcoming events only.
   */
  private void forgetStartedEvents() {
    Instant now = clock.instant();
    if (now.isAfter(nextForget)) {
      detector.forgetStarted(now);
      pending.forgetStarted(now);
      nextForget = now.plus(FORGET_EVERY);
    }
  }

  /**
   * Judges the rounds due now, oldest first, each through the engine, and hands each round's
   * results to the requests waiting for it. Under the lock. When the engine refuses a round, the
   * detector takes it back and that round and the later ones of this call fail with the refusal,
   * unjudged: their producers retry, and a retried older round must not meet a newer one already in
   * the windows (it would be taken as a repeat).
   */
  private void judgeDue(List<Path> toKeep) {
    OddsSettings current = settings.current();
    PendingRounds.Due due = pending.takeDue(arrivals.instant(), current);
    RuntimeException refusal = null;
    for (Map.Entry<RoundKey, List<OddsSnapshot>> round : due.rounds().entrySet()) {
      CompletableFuture<List<CommandResult>> judgment = judgments.remove(round.getKey());
      if (judgment == null) {
        judgment = new CompletableFuture<>(); // every waiting round has one; kept for safety
      }
      if (refusal != null) {
        judgment.completeExceptionally(refusal);
        continue;
      }
      List<AlertCommand> commands;
      List<CommandResult> applied;
      try {
        commands = detector.onSnapshots(round.getValue(), current);
        applied = commands.isEmpty() ? List.of() : engine.apply(commands);
      } catch (RuntimeException refused) {
        // The windows took these snapshots, but the alerts they called for were not written
        // (503 when the engine refused them): take them back, so that the producer's retry gives
        // the same commands again. Every waiting request hears of it, none waits forever.
        detector.undoLast();
        refusal = refused;
        judgment.completeExceptionally(refused);
        continue;
      }
      for (int i = 0; i < commands.size(); i++) {
        Alert alert = applied.get(i).alert();
        if (commands.get(i) instanceof AlertCommand.Trigger trigger && alert != null) {
          toKeep.add(new Path(alert.id(), detector.pricePath(trigger, current)));
        }
      }
      judgment.complete(applied);
    }
  }

  /**
   * A round's results once it is judged: by this request, by another whose part completed it, or by
   * this request when the round's grace runs out first.
   */
  private List<CommandResult> await(CompletableFuture<List<CommandResult>> judgment) {
    while (true) {
      Duration wait;
      lock.lock();
      try {
        Instant next = pending.nextDue();
        wait = next == null ? grace : Duration.between(arrivals.instant(), next);
      } finally {
        lock.unlock();
      }
      try {
        return judgment.get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException graceOver) {
        List<Path> toKeep = new ArrayList<>();
        lock.lock();
        try {
          judgeDue(toKeep);
        } finally {
          lock.unlock();
        }
        keep(toKeep);
      } catch (ExecutionException failed) {
        if (failed.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw new IllegalStateException(failed.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unavailable("interrupted while waiting for the round's other parts", e);
      }
    }
  }

  @PostMapping("/api/signals/odds")
  @Operation(
      summary = "Watch bookmaker odds for risk",
      description =
          "One snapshot or an array of up to 10,000. All or nothing: one bad snapshot refuses the"
              + " request, naming the item and field. Raises price_change, direction_disagreement"
              + " and availability alerts on the house bookmaker's prices; they expire at"
              + " kick-off. A round (one event's snapshots observed at one instant) may come in"
              + " parts, in requests that arrive together: it is judged whole once every expected"
              + " bookmaker's part is in, or klaxon.odds.round-grace (200 ms) after its first part;"
              + " each request answers with the alerts of its rounds.")
  Results odds(@RequestBody JsonNode body) {
    JsonItems items = JsonItems.of(body, MAX_SNAPSHOTS, "snapshots");
    FieldErrors errors = new FieldErrors();
    List<OddsSnapshot> snapshots = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String path = items.path(i);
      SnapshotRequest request = errors.read(json, items.get(i), SnapshotRequest.class, path);
      snapshots.add(request == null ? null : errors.attempt(path, request::toSnapshot));
    }
    errors.throwIfAny();

    Map<RoundKey, CompletableFuture<List<CommandResult>>> mine = new LinkedHashMap<>();
    List<Path> toKeep = new ArrayList<>();
    lock.lock();
    try {
      forgetStartedEvents();
      for (RoundKey round : pending.add(snapshots, arrivals.instant())) {
        mine.put(round, judgments.computeIfAbsent(round, k -> new CompletableFuture<>()));
      }
      judgeDue(toKeep);
    } finally {
      lock.unlock();
    }
    keep(toKeep);
    List<CommandResult> applied = new ArrayList<>();
    for (CompletableFuture<List<CommandResult>> judgment : mine.values()) {
      applied.addAll(await(judgment));
    }
    List<RaisedAlert> alerts = new ArrayList<>(applied.size());
    for (CommandResult result : applied) {
      Alert alert = result.alert();
      alerts.add(
          new RaisedAlert(
              result.outcome().word(),
              alert == null ? null : alert.id(),
              alert == null ? null : alert.fingerprint(),
              alert == null ? null : alert.type(),
              alert == null ? null : alert.severity().word(),
              alert == null ? null : alert.status().word()));
    }
    return new Results(snapshots.size(), alerts);
  }
}
