package io.klaxon.server.notify;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies receivers get: the webhook's JSON (documented in docs/NOTIFICATIONS.md) and Slack's
 * blocks, each alert with a link to the console.
 */
final class Payloads {

  static final String VERSION = "1";

  /** Slack attachment colours by severity. */
  private static final Map<Severity, String> COLOURS =
      Map.of(
          Severity.CRITICAL, "#d50000",
          Severity.HIGH, "#ff6d00",
          Severity.MEDIUM, "#ffab00",
          Severity.LOW, "#2979ff",
          Severity.INFO, "#9e9e9e");

  private final ObjectMapper json;
  private final String consoleBaseUrl;
  private final AckLinks ackLinks;

  Payloads(ObjectMapper json, String consoleBaseUrl, AckLinks ackLinks) {
    this.json = json;
    this.ackLinks = ackLinks;
    this.consoleBaseUrl =
        consoleBaseUrl.endsWith("/")
            ? consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1)
            : consoleBaseUrl;
  }

  ObjectMapper json() {
    return json;
  }

  /**
   * The signed link that acknowledges the item's alert as the receiver the message goes to; null
   * when there is nothing to acknowledge (the change was not an opening, or the alert is no longer
   * open, or it is a test without an alert).
   */
  @org.jspecify.annotations.Nullable String ackUrl(Message message, NotificationItem item) {
    boolean opening =
        switch (item.occasion()) {
          case OPENED, ESCALATED, REPEATED -> true;
          case ACKNOWLEDGED, RESOLVED, EXPIRED -> false;
        };
    if (!opening || item.alertId() <= 0 || item.status() != AlertStatus.OPEN) {
      return null;
    }
    // An escalation step sent to a person acknowledges as that person.
    String actor =
        io.klaxon.escalation.EscalationKey.person(message.notification().groupKey())
            .map(person -> "person:" + person)
            .orElse("receiver:" + message.notification().receiver());
    return ackLinks.url(item.alertId(), actor);
  }

  String alertUrl(long alertId) {
    return consoleBaseUrl + "/alerts/" + alertId;
  }

  /** The webhook body. */
  String webhook(Message message) {
    ObjectNode body = json.createObjectNode();
    body.put("version", VERSION);
    body.put("idempotencyKey", message.notification().idempotencyKey());
    body.put("notificationId", message.notification().id());
    body.put("route", message.notification().route());
    body.put("receiver", message.notification().receiver());
    body.put("groupKey", message.notification().groupKey());
    ArrayNode alerts = body.putArray("alerts");
    for (Message.Entry entry : message.entries()) {
      NotificationItem item = entry.item();
      ObjectNode node = alerts.addObject();
      node.put("occasion", item.occasion().word());
      node.put("at", item.at().toString());
      node.put("alertId", item.alertId());
      node.put("severity", item.severity().word());
      node.put("status", item.status().word());
      node.put("title", item.title());
      node.put("url", alertUrl(item.alertId()));
      String ack = ackUrl(message, item);
      if (ack != null) {
        node.put("ackUrl", ack);
      }
      Alert alert = entry.alert();
      if (alert != null) {
        node.put("fingerprint", alert.fingerprint());
        node.put("source", alert.source());
        node.put("type", alert.type());
        node.put("message", alert.message());
        if (alert.subject() != null) {
          ObjectNode subject = node.putObject("subject");
          subject.put("type", alert.subject().type());
          subject.put("key", alert.subject().key());
          subject.put("name", alert.subject().name());
        }
        node.set("attributes", json.valueToTree(alert.attributes()));
        node.put("detectedAt", alert.detectedAt().toString());
        node.put("currentStatus", alert.status().word());
        node.put("currentSeverity", alert.severity().word());
      }
    }
    return json.writeValueAsString(body);
  }

  /** A Slack incoming-webhook body: one attachment per alert, coloured by severity. */
  String slack(Message message, @org.jspecify.annotations.Nullable String channel) {
    ObjectNode body = json.createObjectNode();
    body.put("text", summary(message));
    if (channel != null) {
      body.put("channel", channel);
    }
    ArrayNode attachments = body.putArray("attachments");
    for (Message.Entry entry : message.entries()) {
      NotificationItem item = entry.item();
      ObjectNode attachment = attachments.addObject();
      attachment.put("color", COLOURS.get(item.severity()));
      ArrayNode blocks = attachment.putArray("blocks");
      ObjectNode section = blocks.addObject();
      section.put("type", "section");
      ObjectNode text = section.putObject("text");
      text.put("type", "mrkdwn");
      text.put(
          "text",
          "*<"
              + alertUrl(item.alertId())
              + "|"
              + escape(item.title())
              + ">*\n"
              + item.occasion().word()
              + " · "
              + item.severity().word()
              + " · "
              + item.status().word()
              + (ackUrl(message, item) == null
                  ? ""
                  : " · <" + ackUrl(message, item) + "|Acknowledge>"));
      ObjectNode context = blocks.addObject();
      context.put("type", "context");
      ObjectNode element = context.putArray("elements").addObject();
      element.put("type", "mrkdwn");
      Alert alert = entry.alert();
      element.put(
          "text",
          "alert "
              + item.alertId()
              + (alert == null ? "" : " · " + escape(alert.source()) + "/" + escape(alert.type()))
              + " · "
              + item.at());
    }
    return json.writeValueAsString(body);
  }

  /** One line for the whole message: a subject, Slack's fallback text. */
  static String summary(Message message) {
    int count = message.entries().size();
    NotificationItem first = message.entries().getFirst().item();
    String head =
        "["
            + first.severity().word().toUpperCase(Locale.ROOT)
            + "] "
            + first.occasion().word()
            + ": "
            + first.title();
    return count == 1 ? head : head + " (+" + (count - 1) + " more)";
  }

  /** Slack's mrkdwn needs &, < and > escaped. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
