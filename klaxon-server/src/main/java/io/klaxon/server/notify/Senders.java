package io.klaxon.server.notify;

import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.Receiver;
import io.klaxon.notify.Sender;
import io.klaxon.notify.ServiceReceiver;
import io.klaxon.problem.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends over each receiver's protocol, after the {@link TargetGuard} has checked its host again.
 * Webhooks carry the idempotency key header and, with a secret, the signature header; the paging,
 * chat and push services get their own documented requests ({@link ServiceSenders}).
 */
final class Senders implements Sender {

  static final String IDEMPOTENCY_HEADER = "X-Klaxon-Idempotency-Key";

  private final Payloads payloads;
  private final HttpDelivery http;
  private final EmailDelivery email;
  private final TargetGuard guard;
  private final ServiceSenders services;

  Senders(Payloads payloads, HttpDelivery http, EmailDelivery email, TargetGuard guard) {
    this.payloads = payloads;
    this.http = http;
    this.email = email;
    this.guard = guard;
    this.services = new ServiceSenders(new ServiceTools(payloads.json(), payloads, http));
  }

  @Override
  public DeliveryResult send(Receiver receiver, Message message) {
    try {
      guard.check(receiver);
    } catch (InvalidInput refused) {
      return DeliveryResult.failed(null, null, "refused: " + refused.getMessage());
    }
    return switch (receiver) {
      case Receiver.Webhook webhook -> {
        String body = payloads.webhook(message);
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
        headers.put(IDEMPOTENCY_HEADER, message.notification().idempotencyKey());
        if (webhook.secret() != null) {
          headers.put(Signature.HEADER, Signature.of(webhook.secret(), body));
        }
        yield http.post(webhook.url(), body, headers);
      }
      case Receiver.Slack slack ->
          http.post(
              slack.url(),
              payloads.slack(message, slack.channel()),
              Map.of(IDEMPOTENCY_HEADER, message.notification().idempotencyKey()));
      case Receiver.Email mail -> email.send(mail, message);
      case ServiceReceiver service -> services.send(service, message);
    };
  }
}
