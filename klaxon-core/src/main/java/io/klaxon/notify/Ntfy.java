package io.klaxon.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An ntfy topic, published as JSON, with the alert as the notification's click and view action.
 *
 * @param url the ntfy server, {@link #DEFAULT_URL} or a self-hosted one
 * @param topic the topic (letters, digits, {@code _} and {@code -}, at most 64)
 * @param token an access token sent as {@code Bearer} (a secret); null for an open topic
 */
public record Ntfy(
    String name, URI url, String topic, @Nullable String token, @Nullable RateLimit rateLimit)
    implements ServiceReceiver {

  /** The public ntfy server. */
  public static final URI DEFAULT_URL = URI.create("https://ntfy.sh");

  public Ntfy {
    Names.check("name", name);
    Urls.check("url", url);
    topic = Required.text("topic", topic);
    if (!topic.matches("[-_A-Za-z0-9]{1,64}")) {
      throw new io.klaxon.problem.InvalidInput(
          "topic", "must be 1 to 64 letters, digits, '_' or '-'");
    }
    token = Required.optional("token", token);
  }

  @Override
  public String type() {
    return "ntfy";
  }
}
