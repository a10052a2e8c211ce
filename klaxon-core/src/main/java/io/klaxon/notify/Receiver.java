package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where notifications go: a generic webhook, a Slack-compatible incoming webhook, email over SMTP,
 * or one of the paging, chat and push services ({@link ServiceReceiver}). Each checks its own
 * fields and names the one that is wrong.
 */
public sealed interface Receiver
    permits Receiver.Webhook, Receiver.Slack, Receiver.Email, ServiceReceiver {

  /** Unique among receivers; routes refer to receivers by it. */
  String name();

  /** The most notifications it takes in a window; null for no limit. */
  @Nullable RateLimit rateLimit();

  /** The configuration word for the kind of receiver. */
  String type();

  /**
   * A generic webhook: the JSON body of docs/NOTIFICATIONS.md POSTed to {@code url}.
   *
   * @param secret signs the body ({@code X-Klaxon-Signature: sha256=…}); null sends it unsigned
   * @param headers sent with every request, for the receiver's own authentication
   */
  record Webhook(
      String name,
      URI url,
      @Nullable String secret,
      Map<String, String> headers,
      @Nullable RateLimit rateLimit)
      implements Receiver {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final List<String> RESERVED =
        List.of(
            "content-type",
            "content-length",
            "host",
            "connection",
            "x-klaxon-signature",
            "x-klaxon-idempotency-key",
            "user-agent",
            "expect",
            "upgrade");

    public Webhook {
      Names.check("name", name);
      Urls.check("url", url);
      headers = Map.copyOf(headers);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        String field = "headers." + header.getKey();
        if (!TOKEN.matcher(header.getKey()).matches()) {
          throw new InvalidInput(field, "is not a valid HTTP header name");
        }
        if (RESERVED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          throw new InvalidInput(field, "is set by Klaxon and cannot be configured");
        }
        if (header.getValue().chars().anyMatch(c -> c < ' ' || c == 127)) {
          throw new InvalidInput(field, "must not contain control characters");
        }
      }
      if (secret != null && secret.isBlank()) {
        throw new InvalidInput("secret", "must not be blank; leave it out to send unsigned");
      }
    }

    @Override
    public String type() {
      return "webhook";
    }
  }

  /**
   * A Slack-compatible incoming webhook: blocks with the severity's colour, the title and a link to
   * the alert in the console.
   *
   * @param channel overrides the webhook's default channel when set
   */
  record Slack(String name, URI url, @Nullable String channel, @Nullable RateLimit rateLimit)
      implements Receiver {

    public Slack {
      Names.check("name", name);
      Urls.check("url", url);
    }

    @Override
    public String type() {
      return "slack";
    }
  }

  /**
   * Email over SMTP, as plain text and HTML in one message.
   *
   * @param to the recipients, at least one
   * @param startTls upgrade the connection with STARTTLS (required when true)
   */
  record Email(
      String name,
      List<String> to,
      String from,
      String smtpHost,
      int smtpPort,
      @Nullable String username,
      @Nullable String password,
      boolean startTls,
      @Nullable RateLimit rateLimit)
      implements Receiver {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+");

    public Email {
      Names.check("name", name);
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new InvalidInput("to", "needs at least one address");
      }
      for (int i = 0; i < to.size(); i++) {
        checkAddress("to[" + i + "]", to.get(i));
      }
      checkAddress("from", from);
      if (smtpHost.isBlank()) {
        throw new InvalidInput("smtpHost", "is required");
      }
      if (smtpPort < 1 || smtpPort > 65535) {
        throw new InvalidInput("smtpPort", "must be between 1 and 65535");
      }
      if (password != null && username == null) {
        throw new InvalidInput("username", "is required with a password");
      }
    }

    private static void checkAddress(String field, String address) {
      if (!ADDRESS.matcher(address).matches()) {
        throw new InvalidInput(field, "'" + address + "' is not an email address");
      }
    }

    @Override
    public String type() {
      return "email";
    }
  }
}
