package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Pushover's message API ({@code /1/messages.json}), with the alert as the supplementary URL.
 *
 * @param url the API base, {@link #DEFAULT_URL} unless tested
 * @param token the application's API token (a secret)
 * @param user the user or group key to send to (kept as a secret too)
 */
public record Pushover(
    String name, URI url, String token, String user, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  /** Pushover's API. */
  public static final URI DEFAULT_URL = URI.create("https://api.pushover.net");

  public Pushover {
    Names.check("name", name);
    Urls.check("url", url);
    token = Required.text("token", token);
    user = Required.text("user", user);
  }

  @Override
  public String type() {
    return "pushover";
  }
}
