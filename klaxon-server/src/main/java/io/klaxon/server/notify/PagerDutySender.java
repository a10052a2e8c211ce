package io.klaxon.server.notify;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.PagerDuty;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}): one event per alert, keyed {@code
 * klaxon-<alertId>}, so that PagerDuty keeps one incident per alert; acknowledged and resolved
 * alerts send {@code acknowledge} and {@code resolve} for that key.
 */
final class PagerDutySender {

  /** PagerDuty's severities: critical, error, warning, info. */
  private static final Map<Severity, String> SEVERITIES =
      Map.of(
          Severity.CRITICAL, "critical",
          Severity.HIGH, "error",
          Severity.MEDIUM, "warning",
          Severity.LOW, "info",
          Severity.INFO, "info");

  private final ServiceTools tools;

  PagerDutySender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(PagerDuty receiver, Message message) {
    return ServiceTools.perAlert(
        message,
        entry ->
            tools
                .http()
                .post(
                    ServiceTools.at(receiver.url(), "/v2/enqueue"),
                    tools.write(event(receiver, message, entry)),
                    Map.of()));
  }

  static String dedupKey(long alertId) {
    return "klaxon-" + alertId;
  }

  private ObjectNode event(PagerDuty receiver, Message message, Message.Entry entry) {
    NotificationItem item = entry.item();
    ObjectNode event = tools.object();
    event.put("routing_key", receiver.routingKey());
    event.put("dedup_key", dedupKey(item.alertId()));
    String action =
        switch (item.occasion()) {
          case RESOLVED, EXPIRED -> "resolve";
          case ACKNOWLEDGED -> "acknowledge";
          case OPENED, ESCALATED, REPEATED -> "trigger";
        };
    event.put("event_action", action);
    if (!action.equals("trigger")) {
      return event; // resolve and acknowledge take only the key
    }
    Alert alert = entry.alert();
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", ServiceTools.cut(item.title(), 1024));
    payload.put("source", alert == null ? "klaxon" : alert.source());
    payload.put("severity", SEVERITIES.get(item.severity()));
    payload.put("timestamp", item.at().toString());
    if (alert != null) {
      payload.put("class", alert.type());
      ObjectNode details = payload.putObject("custom_details");
      details.put("message", alert.message());
      details.put("fingerprint", alert.fingerprint());
      details.set("attributes", tools.json().valueToTree(alert.attributes()));
    }
    event.put("client", "Klaxon");
    event.put("client_url", tools.alertUrl(item));
    ArrayNode links = event.putArray("links");
    ObjectNode link = links.addObject();
    link.put("href", tools.alertUrl(item));
    link.put("text", "Open in Klaxon");
    String ack = tools.ackUrl(message, item);
    if (ack != null) {
      ObjectNode acknowledge = links.addObject();
      acknowledge.put("href", ack);
      acknowledge.put("text", "Acknowledge in Klaxon");
    }
    return event;
  }
}
