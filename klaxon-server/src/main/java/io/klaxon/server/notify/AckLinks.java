package io.klaxon.server.notify;

import io.klaxon.oncall.AckToken;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Makes and checks the signed, expiring acknowledge links every notification carries: {@code
 * <console base URL>/ack/<token>}, valid for {@code klaxon.notify.ack-link-ttl}.
 */
public final class AckLinks {

  private final byte[] key;
  private final Duration ttl;
  private final InstantSource clock;
  private final String baseUrl;

  public AckLinks(byte[] key, Duration ttl, InstantSource clock, String consoleBaseUrl) {
    this.key = key.clone();
    this.ttl = ttl;
    this.clock = clock;
    this.baseUrl =
        consoleBaseUrl.endsWith("/")
            ? consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1)
            : consoleBaseUrl;
  }

  /** The link that acknowledges {@code alertId} as {@code actor} until the TTL from now. */
  public String url(long alertId, String actor) {
    return baseUrl + "/ack/" + new AckToken(alertId, actor, clock.instant().plus(ttl)).sign(key);
  }

  /** What the link's token is, checked now. */
  public AckToken.Check check(String token) {
    return AckToken.check(token, key, clock.instant());
  }
}
