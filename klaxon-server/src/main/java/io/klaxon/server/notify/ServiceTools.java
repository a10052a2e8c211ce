package io.klaxon.server.notify;

import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every service sender needs: JSON, the console links, the HTTP client, and the few texts they
 * share (one line per alert, the API path under a configured base URL).
 */
record ServiceTools(ObjectMapper json, Payloads payloads, HttpDelivery http) {

  /** Severity colours as RGB numbers (Discord) and hex (Mattermost), as Slack has them. */
  static final Map<Severity, Integer> COLOURS =
      Map.of(
          Severity.CRITICAL, 0xd50000,
          Severity.HIGH, 0xff6d00,
          Severity.MEDIUM, 0xffab00,
          Severity.LOW, 0x2979ff,
          Severity.INFO, 0x9e9e9e);

  ObjectNode object() {
    return json.createObjectNode();
  }

  String write(ObjectNode body) {
    return json.writeValueAsString(body);
  }

  String alertUrl(NotificationItem item) {
    return payloads.alertUrl(item.alertId());
  }

  /** The signed acknowledge link for the item, or null (see {@link Payloads#ackUrl}). */
  @org.jspecify.annotations.Nullable String ackUrl(Message message, NotificationItem item) {
    return payloads.ackUrl(message, item);
  }

  /** The service's API at {@code path}, under a base URL given with or without a final slash. */
  static URI at(URI base, String path) {
    String text = base.toString();
    return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
  }

  /** "opened · critical · open — Disk full (alert 12)". */
  static String line(NotificationItem item) {
    return item.occasion().word()
        + " · "
        + item.severity().word()
        + " · "
        + item.status().word()
        + " — "
        + item.title()
        + " (alert "
        + item.alertId()
        + ")";
  }

  /** Every alert's line and link, one after the other: a plain-text body. */
  String plainText(Message message) {
    StringBuilder text = new StringBuilder();
    for (Message.Entry entry : message.entries()) {
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(line(entry.item())).append('\n').append(alertUrl(entry.item()));
      String ack = ackUrl(message, entry.item());
      if (ack != null) {
        text.append("\nAcknowledge: ").append(ack);
      }
    }
    return text.toString();
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /**
   * Sends one request per alert (services that keep one incident per alert), stopping at the first
   * failure so that a retry sends them again; the services de-duplicate by the alert's key.
   */
  static DeliveryResult perAlert(Message message, Function<Message.Entry, DeliveryResult> send) {
    DeliveryResult last = null;
    for (Message.Entry entry : message.entries()) {
      last = send.apply(entry);
      if (!last.delivered()) {
        return last;
      }
    }
    return last == null ? DeliveryResult.failed(null, null, "nothing to send") : last;
  }
}
