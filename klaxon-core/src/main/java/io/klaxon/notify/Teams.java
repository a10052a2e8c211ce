package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft Teams channel through a Workflows webhook ("Post to a channel when a webhook request
 * is received"): an Adaptive Card per notification.
 *
 * @param url the workflow's URL, which carries its signature (a secret)
 */
public record Teams(String name, URI url, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  public Teams {
    Names.check("name", name);
    Urls.check("url", url);
  }

  @Override
  public String type() {
    return "teams";
  }
}
