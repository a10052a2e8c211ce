package io.klaxon.server.notify;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.Opsgenie;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opsgenie Alert API: an opened (or escalated, repeated) alert is created under the alias {@code
 * klaxon-<alertId>} ({@code POST /v2/alerts}, which Opsgenie de-duplicates by alias), an
 * acknowledged one acknowledged and a resolved or expired one closed by that alias.
 */
final class OpsgenieSender {

  private static final Map<Severity, String> PRIORITIES =
      Map.of(
          Severity.CRITICAL, "P1",
          Severity.HIGH, "P2",
          Severity.MEDIUM, "P3",
          Severity.LOW, "P4",
          Severity.INFO, "P5");

  private final ServiceTools tools;

  OpsgenieSender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Opsgenie receiver, Message message) {
    Map<String, String> auth = Map.of("Authorization", "GenieKey " + receiver.apiKey());
    return ServiceTools.perAlert(
        message,
        entry -> {
          NotificationItem item = entry.item();
          String alias = PagerDutySender.dedupKey(item.alertId());
          String byAlias = "/v2/alerts/" + alias;
          return switch (item.occasion()) {
            case RESOLVED, EXPIRED ->
                tools
                    .http()
                    .post(
                        ServiceTools.at(receiver.url(), byAlias + "/close?identifierType=alias"),
                        tools.write(note(item)),
                        auth);
            case ACKNOWLEDGED ->
                tools
                    .http()
                    .post(
                        ServiceTools.at(
                            receiver.url(), byAlias + "/acknowledge?identifierType=alias"),
                        tools.write(note(item)),
                        auth);
            case OPENED, ESCALATED, REPEATED ->
                tools
                    .http()
                    .post(
                        ServiceTools.at(receiver.url(), "/v2/alerts"),
                        tools.write(create(message, entry, alias)),
                        auth);
          };
        });
  }

  private ObjectNode note(NotificationItem item) {
    ObjectNode body = tools.object();
    body.put("source", "Klaxon");
    body.put("note", item.occasion().word() + " in Klaxon: " + tools.alertUrl(item));
    return body;
  }

  private ObjectNode create(Message message, Message.Entry entry, String alias) {
    NotificationItem item = entry.item();
    ObjectNode body = tools.object();
    body.put("message", ServiceTools.cut(item.title(), 130));
    body.put("alias", alias);
    body.put("priority", PRIORITIES.get(item.severity()));
    body.put("source", "Klaxon");
    Alert alert = entry.alert();
    String description = ServiceTools.line(item) + "\n" + tools.alertUrl(item);
    if (alert != null) {
      if (alert.message() != null) {
        description = alert.message() + "\n\n" + description;
      }
      if (alert.subject() != null) {
        body.put("entity", ServiceTools.cut(alert.subject().name(), 512));
      }
    }
    body.put("description", ServiceTools.cut(description, 15000));
    body.putArray("tags").add(item.severity().word()).add("klaxon");
    ObjectNode details = body.putObject("details");
    details.put("alertId", String.valueOf(item.alertId()));
    details.put("url", tools.alertUrl(item));
    String ack = tools.ackUrl(message, item);
    if (ack != null) {
      details.put("ackUrl", ack);
      description += "\nAcknowledge: " + ack;
    }
    if (alert != null) {
      details.put("source", alert.source());
      details.put("type", alert.type());
    }
    return body;
  }
}
