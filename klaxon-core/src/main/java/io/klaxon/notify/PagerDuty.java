package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * PagerDuty Events API v2: each alert is one incident, keyed by its {@code dedup_key}, triggered,
 * acknowledged and resolved as the alert is.
 *
 * @param url the Events API base, {@link #DEFAULT_URL} unless self-hosted or tested
 * @param routingKey the integration key of the PagerDuty service (a secret)
 */
public record PagerDuty(String name, URI url, String routingKey, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  /** Where PagerDuty takes events. */
  public static final URI DEFAULT_URL = URI.create("https://events.pagerduty.com");

  public PagerDuty {
    Names.check("name", name);
    Urls.check("url", url);
    routingKey = Required.text("routingKey", routingKey);
  }

  @Override
  public String type() {
    return "pagerduty";
  }
}
