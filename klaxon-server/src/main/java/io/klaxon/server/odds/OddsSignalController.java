package io.klaxon.server.odds;

import io.klaxon.alert.Alert;
import io.klaxon.detect.odds.OddsDetector;
import io.klaxon.detect.odds.OddsSnapshot;
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
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
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
  private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  private final AlertEngine engine;
  private final ObjectMapper json;
  private final OddsDetector detector;
  private final AlertSettings settings;
  // The detector keeps per-series windows and is not thread-safe; requests take turns.
  private final ReentrantLock lock = new ReentrantLock();
  private final InstantSource clock;
  private Instant nextForget = Instant.MIN;

  OddsSignalController(
      AlertEngine engine,
      ObjectMapper json,
      MarketResolver markets,
      AlertSettings settings,
      InstantSource clock) {
    this.engine = engine;
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

  /** What a request did: how many snapshots were taken and which alerts they moved. */
  record Results(int snapshots, List<RaisedAlert> alerts) {}

  /**
   * Drops the windows of events that have kicked off (their alerts expire then, and later snapshots
   * are ignored), at most once a minute, so the detector's memory holds upcoming events only.
   */
  private void forgetStartedEvents() {
    Instant now = clock.instant();
    if (now.isAfter(nextForget)) {
      detector.forgetStarted(now);
      nextForget = now.plus(FORGET_EVERY);
    }
  }

  @PostMapping("/api/signals/odds")
  @Operation(
      summary = "Watch bookmaker odds for risk",
      description =
          "One snapshot or an array of up to 10,000. All or nothing: one bad snapshot refuses the"
              + " request, naming the item and field. Raises price_change, direction_disagreement"
              + " and availability alerts on the house bookmaker's prices; they expire at"
              + " kick-off.")
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

    List<CommandResult> applied;
    lock.lock();
    try {
      forgetStartedEvents();
      List<AlertCommand> commands = detector.onSnapshots(snapshots, settings.current());
      try {
        applied = engine.apply(commands);
      } catch (Unavailable refused) {
        // The windows took these snapshots, but the alerts they called for were not written:
        // take them back, so that the producer's retry gives the same commands again.
        detector.undoLast();
        throw refused;
      }
    } finally {
      lock.unlock();
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
