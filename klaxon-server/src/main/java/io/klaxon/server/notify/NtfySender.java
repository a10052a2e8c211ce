package io.klaxon.server.notify;

import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.Ntfy;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ntfy, published as JSON to the server's root: the topic, the summary as title, a line per alert
 * as message, the severity as priority (5 urgent … 1 min), the first alert as the click target and
 * a "view" action per alert (ntfy takes at most three).
 */
final class NtfySender {

  private static final Map<Severity, Integer> PRIORITIES =
      Map.of(
          Severity.CRITICAL, 5,
          Severity.HIGH, 4,
          Severity.MEDIUM, 3,
          Severity.LOW, 2,
          Severity.INFO, 1);

  private static final int MAX_ACTIONS = 3;

  private final ServiceTools tools;

  NtfySender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Ntfy receiver, Message message) {
    NotificationItem first = message.entries().getFirst().item();
    ObjectNode body = tools.object();
    body.put("topic", receiver.topic());
    body.put("title", Payloads.summary(message));
    body.put("message", tools.plainText(message));
    body.put("priority", PRIORITIES.get(first.severity()));
    body.putArray("tags").add(first.severity().word()).add(first.occasion().word());
    body.put("click", tools.alertUrl(first));
    ArrayNode actions = body.putArray("actions");
    String ack = tools.ackUrl(message, first);
    if (ack != null) {
      ObjectNode acknowledge = actions.addObject();
      acknowledge.put("action", "view");
      acknowledge.put("label", "Acknowledge");
      acknowledge.put("url", ack);
    }
    for (Message.Entry entry : message.entries()) {
      if (actions.size() == MAX_ACTIONS) {
        break;
      }
      ObjectNode view = actions.addObject();
      view.put("action", "view");
      view.put("label", "Open alert " + entry.item().alertId());
      view.put("url", tools.alertUrl(entry.item()));
    }
    Map<String, String> headers =
        receiver.token() == null ? Map.of() : Map.of("Authorization", "Bearer " + receiver.token());
    return tools.http().post(ServiceTools.at(receiver.url(), "/"), tools.write(body), headers);
  }
}
