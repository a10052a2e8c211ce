package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A self-hosted Gotify server's {@code /message}, with the alert as the click URL.
 *
 * @param url the Gotify server (there is no default)
 * @param token an application token (a secret), sent as {@code X-Gotify-Key}
 */
public record Gotify(String name, URI url, String token, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  public Gotify {
    Names.check("name", name);
    Urls.check("url", url);
    token = Required.text("token", token);
  }

  @Override
  public String type() {
    return "gotify";
  }
}
