package io.klaxon.server.alertmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies shaped as Prometheus and Alertmanager send them. */
final class Payloads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Payloads() {}

  /** One postableAlert, as Prometheus's notifier writes it. */
  static Map<String, Object> alert(
      Map<String, String> labels,
      Map<String, String> annotations,
      @Nullable Instant startsAt,
      @Nullable Instant endsAt) {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", labels);
    alert.put("annotations", annotations);
    if (startsAt != null) {
      alert.put("startsAt", startsAt.toString());
    }
    if (endsAt != null) {
      alert.put("endsAt", endsAt.toString());
    }
    alert.put("generatorURL", "http://prometheus:9090/graph?g0.expr=up+%3D%3D+0");
    return alert;
  }

  /** The body of POST /api/v2/alerts: the alerts made by {@link #alert}, as an array. */
  static String alerts(Object... alerts) {
    return JSON.writeValueAsString(alerts);
  }

  /** A webhook message (version 4) with the given alerts, each with its status. */
  static String webhook(String status, List<Map<String, Object>> alerts) {
    List<Map<String, Object>> withStatus = new ArrayList<>();
    for (Map<String, Object> alert : alerts) {
      Map<String, Object> copy = new LinkedHashMap<>(alert);
      copy.put("status", status);
      copy.put("fingerprint", "0123456789abcdef");
      copy.putIfAbsent("endsAt", "0001-01-01T00:00:00Z");
      withStatus.add(copy);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("version", "4");
    message.put("groupKey", "{}:{alertname=\"DiskFull\"}");
    message.put("truncatedAlerts", 0);
    message.put("status", status);
    message.put("receiver", "klaxon");
    message.put("groupLabels", Map.of("alertname", "DiskFull"));
    message.put("commonLabels", Map.of());
    message.put("commonAnnotations", Map.of());
    message.put("externalURL", "http://alertmanager:9093");
    message.put("alerts", withStatus);
    return JSON.writeValueAsString(message);
  }
}
