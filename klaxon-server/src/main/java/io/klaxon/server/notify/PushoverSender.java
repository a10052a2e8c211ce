package io.klaxon.server.notify;

import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.Pushover;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pushover's {@code POST /1/messages.json}, form-encoded as documented: token, user, the summary as
 * title, a line per alert as message, the first alert as the supplementary URL, and high priority
 * (1) for critical alerts. Emergency priority (2) is not used: it needs retry and expiry settings
 * and a receipt to cancel.
 */
final class PushoverSender {

  private final ServiceTools tools;

  PushoverSender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Pushover receiver, Message message) {
    NotificationItem first = message.entries().getFirst().item();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", receiver.token());
    form.put("user", receiver.user());
    form.put("title", ServiceTools.cut(Payloads.summary(message), 250));
    form.put("message", ServiceTools.cut(tools.plainText(message), 1024));
    form.put("url", tools.alertUrl(first));
    form.put("url_title", "Open alert " + first.alertId());
    form.put("priority", first.severity() == Severity.CRITICAL ? "1" : "0");
    form.put("timestamp", String.valueOf(first.at().getEpochSecond()));
    String body =
        form.entrySet().stream()
            .map(
                field ->
                    field.getKey()
                        + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return tools
        .http()
        .post(
            ServiceTools.at(receiver.url(), "/1/messages.json"),
            body,
            "application/x-www-form-urlencoded",
            Map.of());
  }
}
