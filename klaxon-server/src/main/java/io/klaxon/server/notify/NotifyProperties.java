package io.klaxon.server.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code klaxon.notify.*}); defaults in docs/OPERATIONS.md.
 *
 * @param enabled plan and send notifications at all (the API works either way)
 * @param dispatch send the outbox; false only plans (for maintenance, and tests of a restart)
 * @param configFile a YAML file of receivers and routes applied at start-up; none when empty
 * @param allowedHosts hosts receivers may reach; empty means public addresses only
 * @param pollInterval how often the job looks for work when nothing wakes it
 * @param batchSize changes planned, and notifications claimed, per round
 * @param lease how long a claimed notification is kept from another claim (longer than a send)
 * @param connectTimeout to reach a receiver
 * @param sendTimeout for a receiver's whole answer
 * @param retry the back-off of failed sends and when they become dead letters
 */
@ConfigurationProperties("klaxon.notify")
public record NotifyProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean dispatch,
    @Nullable Path configFile,
    @DefaultValue List<String> allowedHosts,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("200") int batchSize,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue Retry retry) {

  /**
   * How failed deliveries are retried.
   *
   * @param initial the wait after the first failure
   * @param max the longest wait between two tries
   * @param multiplier how much each wait grows
   * @param giveUpAfter how long after the first try a notification becomes a dead letter
   */
  public record Retry(
      @DefaultValue("1s") Duration initial,
      @DefaultValue("5m") Duration max,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("24h") Duration giveUpAfter) {}
}
