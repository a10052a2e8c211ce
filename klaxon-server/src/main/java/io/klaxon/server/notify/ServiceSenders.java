package io.klaxon.server.notify;

import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Discord;
import io.klaxon.notify.Gotify;
import io.klaxon.notify.Mattermost;
import io.klaxon.notify.Message;
import io.klaxon.notify.Ntfy;
import io.klaxon.notify.Opsgenie;
import io.klaxon.notify.PagerDuty;
import io.klaxon.notify.Pushover;
import io.klaxon.notify.ServiceReceiver;
import io.klaxon.notify.Teams;
import io.klaxon.notify.Telegram;

/** Sends to a paging, chat or push service with that service's own sender. */
final class ServiceSenders {

  private final PagerDutySender pagerDuty;
  private final OpsgenieSender opsgenie;
  private final TeamsSender teams;
  private final TelegramSender telegram;
  private final DiscordSender discord;
  private final MattermostSender mattermost;
  private final NtfySender ntfy;
  private final GotifySender gotify;
  private final PushoverSender pushover;

  ServiceSenders(ServiceTools tools) {
    this.pagerDuty = new PagerDutySender(tools);
    this.opsgenie = new OpsgenieSender(tools);
    this.teams = new TeamsSender(tools);
    this.telegram = new TelegramSender(tools);
    this.discord = new DiscordSender(tools);
    this.mattermost = new MattermostSender(tools);
    this.ntfy = new NtfySender(tools);
    this.gotify = new GotifySender(tools);
    this.pushover = new PushoverSender(tools);
  }

  DeliveryResult send(ServiceReceiver receiver, Message message) {
    return switch (receiver) {
      case PagerDuty r -> pagerDuty.send(r, message);
      case Opsgenie r -> opsgenie.send(r, message);
      case Teams r -> teams.send(r, message);
      case Telegram r -> telegram.send(r, message);
      case Discord r -> discord.send(r, message);
      case Mattermost r -> mattermost.send(r, message);
      case Ntfy r -> ntfy.send(r, message);
      case Gotify r -> gotify.send(r, message);
      case Pushover r -> pushover.send(r, message);
    };
  }
}
