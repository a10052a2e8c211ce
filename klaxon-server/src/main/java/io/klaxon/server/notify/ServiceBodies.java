package io.klaxon.server.notify;

import io.klaxon.notify.Discord;
import io.klaxon.notify.Gotify;
import io.klaxon.notify.Mattermost;
import io.klaxon.notify.Ntfy;
import io.klaxon.notify.Opsgenie;
import io.klaxon.notify.PagerDuty;
import io.klaxon.notify.Pushover;
import io.klaxon.notify.RateLimit;
import io.klaxon.notify.ServiceReceiver;
import io.klaxon.notify.Teams;
import io.klaxon.notify.Telegram;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.Unchecked;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a receiver body of a service type into its core record; a service with a public API takes
 * its documented address when {@code url} is left out, the others need one.
 */
final class ServiceBodies {

  private ServiceBodies() {}

  /**
   * @throws InvalidInput naming the missing or wrong field
   */
  static ServiceReceiver receiver(ReceiverBody body, @Nullable RateLimit limit) {
    String name = Objects.requireNonNull(body.name());
    return switch (Objects.requireNonNull(body.type())) {
      case "pagerduty" ->
          new PagerDuty(
              name, url(body, PagerDuty.DEFAULT_URL), Unchecked.input(body.routingKey()), limit);
      case "opsgenie" ->
          new Opsgenie(
              name, url(body, Opsgenie.DEFAULT_URL), Unchecked.input(body.apiKey()), limit);
      case "teams" -> new Teams(name, url(body, null), limit);
      case "telegram" ->
          new Telegram(
              name,
              url(body, Telegram.DEFAULT_URL),
              Unchecked.input(body.botToken()),
              Unchecked.input(body.chatId()),
              limit);
      case "discord" -> new Discord(name, url(body, null), limit);
      case "mattermost" -> new Mattermost(name, url(body, null), body.channel(), limit);
      case "ntfy" ->
          new Ntfy(
              name,
              url(body, Ntfy.DEFAULT_URL),
              Unchecked.input(body.topic()),
              Unchecked.input(body.token()),
              limit);
      case "gotify" -> new Gotify(name, url(body, null), Unchecked.input(body.token()), limit);
      case "pushover" ->
          new Pushover(
              name,
              url(body, Pushover.DEFAULT_URL),
              Unchecked.input(body.token()),
              Unchecked.input(body.user()),
              limit);
      default -> throw new InvalidInput("type", "'" + body.type() + "' is not a service");
    };
  }

  private static URI url(ReceiverBody body, @Nullable URI fallback) {
    if (body.url() == null || body.url().isBlank()) {
      if (fallback == null) {
        throw new InvalidInput("url", "is required");
      }
      return fallback;
    }
    return ReceiverBody.uri(body.url());
  }
}
