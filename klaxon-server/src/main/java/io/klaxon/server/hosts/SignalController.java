package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.Heartbeat;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.detect.hosts.MetricSample;
import io.klaxon.detect.hosts.SignalReport;
import io.klaxon.server.problem.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes metric samples and heartbeats from servers. A request is checked whole first: any bad item
 * refuses it (400 naming each, e.g. {@code [3].value}) and nothing is written.
 */
@RestController
@RequestMapping("/api/signals")
@Tag(name = "hosts")
class SignalController {

  private final HostMonitor monitor;
  private final MetricHistory history;
  private final InstantSource clock;
  private final ObjectMapper json;

  SignalController(
      HostMonitor monitor, MetricHistory history, InstantSource clock, ObjectMapper json) {
    this.monitor = monitor;
    this.history = history;
    this.clock = clock;
    this.json = json;
  }

  @PostMapping("/metrics")
  @Operation(
      summary = "Take cpu, memory and disk samples (percent)",
      description =
          "One {server, metric, value, observedAt} object or an array of up to 10,000. Unknown"
              + " servers are registered unless klaxon.hosts auto-registration is off (404).")
  SignalView metrics(@RequestBody JsonNode body) {
    SignalItems items = SignalItems.of(body, "metric sample");
    Instant now = clock.instant();
    HostSettings settings = monitor.settings();
    FieldErrors faults = new FieldErrors();
    List<MetricSample> samples = new ArrayList<>(items.nodes().size());
    for (int i = 0; i < items.nodes().size(); i++) {
      String path = items.path(i);
      MetricRequest request = faults.read(json, items.nodes().get(i), MetricRequest.class, path);
      MetricSample sample = request == null ? null : request.toSample(path, now, settings, faults);
      if (sample != null) {
        samples.add(sample);
      }
    }
    faults.throwIfAny();
    SignalReport report = monitor.takeMetrics(samples);
    // After the detector, which registers unknown servers: a sample is kept for a known server.
    // A retry after a failure here is a repeat to the detector and kept once by the history.
    history.keep(samples);
    return SignalView.of(report);
  }

  @PostMapping("/heartbeats")
  @Operation(
      summary = "Take heartbeats, with the state of services",
      description = "One {server, observedAt, services: {name: up|down}} object or an array.")
  SignalView heartbeats(@RequestBody JsonNode body) {
    SignalItems items = SignalItems.of(body, "heartbeat");
    Instant now = clock.instant();
    HostSettings settings = monitor.settings();
    FieldErrors faults = new FieldErrors();
    List<Heartbeat> heartbeats = new ArrayList<>(items.nodes().size());
    for (int i = 0; i < items.nodes().size(); i++) {
      String path = items.path(i);
      HeartbeatRequest request =
          faults.read(json, items.nodes().get(i), HeartbeatRequest.class, path);
      Heartbeat heartbeat =
          request == null ? null : request.toHeartbeat(path, now, settings, faults);
      if (heartbeat != null) {
        heartbeats.add(heartbeat);
      }
    }
    faults.throwIfAny();
    return SignalView.of(monitor.takeHeartbeats(heartbeats));
  }
}
