package io.klaxon.server.alertmanager;

import io.klaxon.alert.Severity;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Alertmanager compatibility ({@code klaxon.alertmanager.*}); documented in
 * docs/ALERTMANAGER.md.
 *
 * @param resolveTimeout how long after its last {@code endsAt} (or, without one, after it was last
 *     received) an alert posted to {@code /api/v2/alerts} is resolved when it is not sent again;
 *     Alertmanager's {@code resolve_timeout}
 * @param defaultSeverity the severity of an alert whose {@code severity} label is missing or a word
 *     Klaxon does not know
 * @param checkInterval how often overdue alerts are looked for
 * @param receiver the one receiver name reported to Alertmanager clients
 */
@ConfigurationProperties("klaxon.alertmanager")
record AlertmanagerSettings(
    @DefaultValue("5m") Duration resolveTimeout,
    @DefaultValue("medium") String defaultSeverity,
    @DefaultValue("15s") Duration checkInterval,
    @DefaultValue("klaxon") String receiver) {

  AlertmanagerSettings {
    if (!resolveTimeout.isPositive()) {
      throw new IllegalArgumentException("klaxon.alertmanager.resolve-timeout must be positive");
    }
    if (!checkInterval.isPositive()) {
      throw new IllegalArgumentException("klaxon.alertmanager.check-interval must be positive");
    }
    if (!receiver.matches("[A-Za-z0-9_.-]{1,100}")) {
      // It is written into the YAML that /api/v2/status shows: keep it a plain word.
      throw new IllegalArgumentException(
          "klaxon.alertmanager.receiver must be 1 to 100 letters, digits, '_', '.' or '-'");
    }
    severity(defaultSeverity); // a wrong word stops the start, not the first alert
  }

  /** The default severity, parsed. */
  Severity severity() {
    return severity(defaultSeverity);
  }

  private static Severity severity(String word) {
    try {
      return Severity.parse(word);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "klaxon.alertmanager.default-severity: " + e.getMessage(), e);
    }
  }
}
