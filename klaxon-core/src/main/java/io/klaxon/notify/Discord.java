package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A Discord channel through a webhook: one embed per alert, coloured by severity.
 *
 * @param url the webhook URL, which carries its token (a secret)
 */
public record Discord(String name, URI url, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  public Discord {
    Names.check("name", name);
    Urls.check("url", url);
  }

  @Override
  public String type() {
    return "discord";
  }
}
