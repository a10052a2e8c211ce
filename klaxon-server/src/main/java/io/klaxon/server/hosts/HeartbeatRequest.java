package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.Heartbeat;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.ServiceStatus;
import io.klaxon.problem.Unchecked;
import io.klaxon.server.problem.FieldErrors;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One heartbeat as a server sends it.
 *
 * @param observedAt when sent; the time received when left out
 * @param services service name to {@code up} or {@code down}; services left out keep their state
 */
record HeartbeatRequest(
    @Nullable String server,
    @Nullable Instant observedAt,
    @Nullable Map<String, @Nullable String> services) {

  /**
   * The heartbeat, or null, with every fault recorded under {@code path}; the caller refuses the
   * request when any item had one.
   */
  @Nullable Heartbeat toHeartbeat(
      String path, Instant now, HostSettings settings, FieldErrors faults) {
    boolean complete = faults.require(path + "server", server);
    Instant at = observedAt == null ? now : observedAt;
    settings.refuseObservedAt(at, now).ifPresent(reason -> faults.add(path + "observedAt", reason));
    Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
    if (services != null) {
      services.forEach(
          (name, status) -> {
            String field = path + "services." + name;
            if (faults.require(field, status)) {
              ServiceStatus parsed = faults.attempt("", () -> ServiceStatus.parse(field, status));
              if (parsed != null) {
                statuses.put(name, parsed);
              }
            }
          });
    }
    return complete
        ? faults.attempt(path, () -> new Heartbeat(Unchecked.input(server), at, statuses))
        : null;
  }
}
