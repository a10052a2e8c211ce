package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Opsgenie Alert API: each alert is created under an alias of its own, acknowledged and closed by
 * that alias as the alert is.
 *
 * @param url the API base: {@link #DEFAULT_URL}, or {@code https://api.eu.opsgenie.com} in the EU
 * @param apiKey the key of an API integration (a secret), sent as {@code GenieKey}
 */
public record Opsgenie(String name, URI url, String apiKey, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  /** Opsgenie's API in its US region. */
  public static final URI DEFAULT_URL = URI.create("https://api.opsgenie.com");

  public Opsgenie {
    Names.check("name", name);
    Urls.check("url", url);
    apiKey = Required.text("apiKey", apiKey);
  }

  @Override
  public String type() {
    return "opsgenie";
  }
}
