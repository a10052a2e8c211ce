package io.klaxon.server.notify;

import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.Telegram;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram Bot API {@code sendMessage}: HTML text with the summary in bold and a line per alert,
 * and an inline keyboard with a URL button per alert.
 */
final class TelegramSender {

  private static final int MAX_TEXT = 4096;
  private static final int MAX_BUTTONS = 8;

  private final ServiceTools tools;

  TelegramSender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Telegram receiver, Message message) {
    ObjectNode body = tools.object();
    body.put("chat_id", receiver.chatId());
    StringBuilder text = new StringBuilder("<b>").append(escape(Payloads.summary(message)));
    text.append("</b>");
    ArrayNode keyboard = body.putObject("reply_markup").putArray("inline_keyboard");
    for (Message.Entry entry : message.entries()) {
      NotificationItem item = entry.item();
      text.append('\n').append(escape(ServiceTools.line(item)));
      if (keyboard.size() < MAX_BUTTONS) {
        ArrayNode row = keyboard.addArray();
        ObjectNode button = row.addObject();
        button.put("text", "Open alert " + item.alertId());
        button.put("url", tools.alertUrl(item));
        String ack = tools.ackUrl(message, item);
        if (ack != null) {
          ObjectNode acknowledge = row.addObject();
          acknowledge.put("text", "Acknowledge");
          acknowledge.put("url", ack);
        }
      }
    }
    body.put("text", ServiceTools.cut(text.toString(), MAX_TEXT));
    body.put("parse_mode", "HTML");
    body.putObject("link_preview_options").put("is_disabled", true);
    return tools
        .http()
        .post(
            ServiceTools.at(receiver.url(), "/bot" + receiver.botToken() + "/sendMessage"),
            tools.write(body),
            Map.of());
  }

  /** Telegram's HTML mode needs &, < and > escaped. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
