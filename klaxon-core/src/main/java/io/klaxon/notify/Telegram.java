package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A Telegram chat through the Bot API's {@code sendMessage}, with a button to the alert.
 *
 * @param url the Bot API base, {@link #DEFAULT_URL} unless a local Bot API server or a test
 * @param botToken the bot's token (a secret), part of the request path
 * @param chatId the chat's id or a channel's {@code @username}
 */
public record Telegram(
    String name, URI url, String botToken, String chatId, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  /** Telegram's Bot API. */
  public static final URI DEFAULT_URL = URI.create("https://api.telegram.org");

  public Telegram {
    Names.check("name", name);
    Urls.check("url", url);
    botToken = Required.urlSafe("botToken", botToken);
    chatId = Required.text("chatId", chatId);
  }

  @Override
  public String type() {
    return "telegram";
  }
}
