package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A Mattermost channel through an incoming webhook: Slack-style attachments.
 *
 * @param url the webhook URL, whose key is a secret
 * @param channel overrides the webhook's channel when set (and the webhook allows it)
 */
public record Mattermost(
    String name, URI url, @Nullable String channel, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  public Mattermost {
    Names.check("name", name);
    Urls.check("url", url);
    channel = Required.optional("channel", channel);
  }

  @Override
  public String type() {
    return "mattermost";
  }
}
