package io.klaxon.server.notify;

import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Discord;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Discord webhook: the summary as content, one embed per alert (at most ten, Discord's limit)
 * titled and linked to the alert and coloured by severity; mentions in titles never ping anyone.
 */
final class DiscordSender {

  private static final int MAX_EMBEDS = 10;

  private final ServiceTools tools;

  DiscordSender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Discord receiver, Message message) {
    ObjectNode body = tools.object();
    body.put("content", ServiceTools.cut(Payloads.summary(message), 2000));
    body.putObject("allowed_mentions").putArray("parse");
    ArrayNode embeds = body.putArray("embeds");
    for (Message.Entry entry : message.entries()) {
      if (embeds.size() == MAX_EMBEDS) {
        break;
      }
      NotificationItem item = entry.item();
      ObjectNode embed = embeds.addObject();
      embed.put("title", ServiceTools.cut(item.title(), 256));
      embed.put("url", tools.alertUrl(item));
      embed.put(
          "description",
          item.occasion().word()
              + " · "
              + item.severity().word()
              + " · "
              + item.status().word()
              + (tools.ackUrl(message, item) == null
                  ? ""
                  : "\n[Acknowledge](" + tools.ackUrl(message, item) + ")"));
      embed.put("color", ServiceTools.COLOURS.get(item.severity()));
      embed.put("timestamp", item.at().toString());
      embed.putObject("footer").put("text", "Klaxon alert " + item.alertId());
    }
    return tools.http().post(receiver.url(), tools.write(body), Map.of());
  }
}
