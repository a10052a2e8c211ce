package io.klaxon.server.mapping;

import io.klaxon.mapping.MappingRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry in step on a timer of its own: reloads lookups that another instance changed,
 * and writes buffered unmapped sightings. A failed round is logged and tried again at the next tick
 * (sightings stay buffered).
 */
final class MappingUpkeep implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MappingUpkeep.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("klaxon-mapping-upkeep").daemon().factory());

  MappingUpkeep(MappingRegistry registry, MappingProperties properties) {
    every(properties.refreshInterval(), "refresh the mapping lookups", registry::refresh);
    every(properties.flushInterval(), "write unmapped sightings", registry::flushUnmapped);
  }

  /** Stops the timer; the registry itself writes what is still buffered when it closes. */
  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void every(Duration interval, String what, Runnable task) {
    long millis = interval.toMillis();
    // Its future holds nothing: the task logs its own failures.
    var unused =
        timer.scheduleWithFixedDelay(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                log.warn("Could not {}: {}", what, e.getMessage());
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS);
  }
}
