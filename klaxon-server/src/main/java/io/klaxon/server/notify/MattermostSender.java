package io.klaxon.server.notify;

import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Mattermost;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Mattermost incoming webhook: the summary as text and one Slack-style attachment per alert,
 * titled and linked to the alert and coloured by severity.
 */
final class MattermostSender {

  private final ServiceTools tools;

  MattermostSender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Mattermost receiver, Message message) {
    ObjectNode body = tools.object();
    body.put("text", Payloads.summary(message));
    if (receiver.channel() != null) {
      body.put("channel", receiver.channel());
    }
    ArrayNode attachments = body.putArray("attachments");
    for (Message.Entry entry : message.entries()) {
      NotificationItem item = entry.item();
      ObjectNode attachment = attachments.addObject();
      attachment.put("fallback", ServiceTools.line(item));
      attachment.put("color", String.format("#%06x", ServiceTools.COLOURS.get(item.severity())));
      attachment.put("title", item.title());
      attachment.put("title_link", tools.alertUrl(item));
      attachment.put(
          "text",
          item.occasion().word()
              + " · "
              + item.severity().word()
              + " · "
              + item.status().word()
              + (tools.ackUrl(message, item) == null
                  ? ""
                  : " · [Acknowledge](" + tools.ackUrl(message, item) + ")"));
    }
    return tools.http().post(receiver.url(), tools.write(body), Map.of());
  }
}
