package io.klaxon.suppress;

import io.klaxon.alert.Alert;
import java.util.HashMap;
import java.util.Map;

/**
 * The label set that matchers see for an alert: {@code source}, {@code type}, {@code severity},
 * {@code status}, {@code subjectType}, {@code subjectKey}, {@code fingerprint}, and every scalar
 * attribute under its own name. Alertmanager's labels, kept as {@code labels.<name>} attributes,
 * also match under their bare name and win over Klaxon's own, so an amtool silence on {@code
 * severity="critical"} matches what Prometheus sent.
 */
public final class Labels {

  /** The prefix of the attributes that keep an Alertmanager alert's labels. */
  public static final String ALERTMANAGER_LABEL = "labels.";

  private Labels() {}

  /** The alert's labels; never null, values never null. */
  public static Map<String, String> of(Alert alert) {
    Map<String, String> labels = new HashMap<>();
    alert
        .attributes()
        .forEach(
            (name, value) -> {
              if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                labels.put(name, value.toString());
              }
            });
    labels.put("source", alert.source());
    labels.put("type", alert.type());
    labels.put("severity", alert.severity().word());
    labels.put("status", alert.status().word());
    labels.put("fingerprint", alert.fingerprint());
    if (alert.subject() != null) {
      labels.put("subjectType", alert.subject().type());
      labels.put("subjectKey", alert.subject().key());
    }
    alert
        .attributes()
        .forEach(
            (name, value) -> {
              if (name.startsWith(ALERTMANAGER_LABEL) && value instanceof String text) {
                labels.put(name.substring(ALERTMANAGER_LABEL.length()), text);
              }
            });
    return labels;
  }
}
