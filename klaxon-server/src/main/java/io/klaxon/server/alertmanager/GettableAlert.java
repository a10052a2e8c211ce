package io.klaxon.server.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A Klaxon alert in Alertmanager's {@code gettableAlert} shape. Acknowledged alerts are {@code
 * suppressed}; the Klaxon id and status ride along as the annotations {@code klaxon_id} and {@code
 * klaxon_status}, which Alertmanager clients show or ignore.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GettableAlert(
    Map<String, String> annotations,
    List<Receiver> receivers,
    String fingerprint,
    String startsAt,
    String updatedAt,
    String endsAt,
    Status status,
    Map<String, String> labels,
    @Nullable String generatorURL) {

  static final String KLAXON_ID = "klaxon_id";
  static final String KLAXON_STATUS = "klaxon_status";

  /** Alertmanager writes times in UTC with milliseconds. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  /** A receiver, by name. */
  record Receiver(String name) {}

  /**
   * Where the alert stands: {@code suppressed} while a silence matches it (its UUIDs in {@code
   * silencedBy}), an alert inhibits it (that alert's fingerprint in {@code inhibitedBy}), a
   * maintenance window's occurrence holds it (the window ids in {@code mutedBy}) or it is
   * acknowledged, else {@code active}.
   */
  record Status(
      String state, List<String> silencedBy, List<String> inhibitedBy, List<String> mutedBy) {}

  /**
   * @param resolveTimeout gives the {@code endsAt} of an alert sent without one, as Alertmanager
   *     shows it: received time plus the timeout
   */
  static GettableAlert of(
      Alert alert,
      Map<String, String> labels,
      List<String> silencedBy,
      List<String> inhibitedBy,
      List<String> mutedBy,
      String receiver,
      Duration resolveTimeout) {
    Map<String, String> annotations = new TreeMap<>(AlertAttributes.annotations(alert));
    annotations.put(KLAXON_ID, Long.toString(alert.id()));
    annotations.put(KLAXON_STATUS, alert.status().word());
    Instant receivedAt = AlertAttributes.receivedAt(alert);
    Instant endsAt = AlertAttributes.endsAt(alert);
    return new GettableAlert(
        annotations,
        List.of(new Receiver(receiver)),
        LabelFingerprint.hexOf(alert.fingerprint()),
        format(AlertAttributes.startsAt(alert)),
        format(receivedAt),
        format(endsAt != null ? endsAt : receivedAt.plus(resolveTimeout)),
        new Status(
            silencedBy.isEmpty() && inhibitedBy.isEmpty() && mutedBy.isEmpty()
                ? state(alert.status())
                : "suppressed",
            List.copyOf(silencedBy),
            List.copyOf(inhibitedBy),
            List.copyOf(mutedBy)),
        labels,
        AlertAttributes.generatorURL(alert));
  }

  static String state(AlertStatus status) {
    return status == AlertStatus.ACKNOWLEDGED ? "suppressed" : "active";
  }

  static String format(Instant time) {
    return TIME.format(time);
  }
}
