package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.MetricSample;
import io.klaxon.problem.Unchecked;
import io.klaxon.server.problem.FieldErrors;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One metric sample as a producer sends it.
 *
 * @param observedAt when measured; the time received when left out (a retried request is then
 *     counted again, so producers should send it)
 */
record MetricRequest(
    @Nullable String server,
    @Nullable String metric,
    @Nullable Double value,
    @Nullable Instant observedAt) {

  /** The sample, or null with every fault recorded under {@code path}. */
  @Nullable MetricSample toSample(
      String path, Instant now, HostSettings settings, FieldErrors faults) {
    boolean complete = faults.require(path + "server", server);
    complete &= faults.require(path + "metric", metric);
    complete &= faults.require(path + "value", value);
    Metric parsed =
        metric == null || metric.isBlank()
            ? null
            : faults.attempt(path, () -> Metric.parse(metric));
    Instant at = observedAt == null ? now : observedAt;
    settings.refuseObservedAt(at, now).ifPresent(reason -> faults.add(path + "observedAt", reason));
    if (!complete || parsed == null) {
      return null;
    }
    return faults.attempt(
        path, () -> new MetricSample(Unchecked.input(server), parsed, Unchecked.input(value), at));
  }
}
