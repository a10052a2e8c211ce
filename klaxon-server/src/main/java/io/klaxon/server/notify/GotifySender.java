package io.klaxon.server.notify;

import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Gotify;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gotify's {@code POST /message} with the application token in {@code X-Gotify-Key}: the summary as
 * title, a line per alert as message, the severity as priority (10 … 1) and the first alert as the
 * notification's click URL ({@code client::notification} extra).
 */
final class GotifySender {

  private static final Map<Severity, Integer> PRIORITIES =
      Map.of(
          Severity.CRITICAL, 10,
          Severity.HIGH, 8,
          Severity.MEDIUM, 5,
          Severity.LOW, 3,
          Severity.INFO, 1);

  private final ServiceTools tools;

  GotifySender(ServiceTools tools) {
    this.tools = tools;
  }

  DeliveryResult send(Gotify receiver, Message message) {
    NotificationItem first = message.entries().getFirst().item();
    ObjectNode body = tools.object();
    body.put("title", Payloads.summary(message));
    body.put("message", tools.plainText(message));
    body.put("priority", PRIORITIES.get(first.severity()));
    ObjectNode extras = body.putObject("extras");
    extras.putObject("client::display").put("contentType", "text/plain");
    extras.putObject("client::notification").putObject("click").put("url", tools.alertUrl(first));
    return tools
        .http()
        .post(
            ServiceTools.at(receiver.url(), "/message"),
            tools.write(body),
            Map.of("X-Gotify-Key", receiver.token()));
  }
}
