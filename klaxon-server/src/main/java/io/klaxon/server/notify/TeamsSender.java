package io.klaxon.server.notify;

import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.Teams;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Teams Workflows webhook: a message with one Adaptive Card attachment (version 1.4), a heading,
 * one block per alert coloured by severity, and an "Open" button per alert.
 */
final class TeamsSender {

  /** Adaptive Card text colours by severity. */
  private static final Map<Severity, String> COLOURS =
      Map.of(
          Severity.CRITICAL, "Attention",
          Severity.HIGH, "Attention",
          Severity.MEDIUM, "Warning",
          Severity.LOW, "Accent",
          Severity.INFO, "Default");

  private final ServiceTools tools;

  TeamsSender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Teams receiver, Message message) {
    ObjectNode body = tools.object();
    body.put("type", "message");
    ObjectNode attachment = body.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode blocks = card.putArray("body");
    ObjectNode heading = blocks.addObject();
    heading.put("type", "TextBlock");
    heading.put("text", Payloads.summary(message));
    heading.put("weight", "Bolder");
    heading.put("size", "Medium");
    heading.put("wrap", true);
    ArrayNode actions = card.putArray("actions");
    for (Message.Entry entry : message.entries()) {
      NotificationItem item = entry.item();
      ObjectNode block = blocks.addObject();
      block.put("type", "TextBlock");
      block.put("text", ServiceTools.line(item));
      block.put("color", COLOURS.get(item.severity()));
      block.put("wrap", true);
      if (actions.size() < 5) { // Teams shows at most a handful of buttons
        ObjectNode open = actions.addObject();
        open.put("type", "Action.OpenUrl");
        open.put("title", "Open alert " + item.alertId());
        open.put("url", tools.alertUrl(item));
        String ack = tools.ackUrl(message, item);
        if (ack != null) {
          ObjectNode acknowledge = actions.addObject();
          acknowledge.put("type", "Action.OpenUrl");
          acknowledge.put("title", "Acknowledge " + item.alertId());
          acknowledge.put("url", ack);
        }
      }
    }
    return tools.http().post(receiver.url(), tools.write(body), Map.of());
  }
}
