package io.klaxon.server.notify;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.klaxon.notify.RateLimit;
import io.klaxon.notify.Receiver;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.FieldErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A receiver as the API and the configuration file give it (and as it is stored): {@code type} is
 * {@code webhook}, {@code slack} or {@code email}, and only that type's fields may be set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReceiverBody(
    @Nullable String name,
    @Nullable String type,
    @Nullable String url,
    @Nullable String secret,
    @Nullable Map<String, String> headers,
    @Nullable String channel,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> to,
    @Nullable String from,
    @Nullable String smtpHost,
    @Nullable Integer smtpPort,
    @Nullable String username,
    @Nullable String password,
    @Nullable Boolean startTls,
    @Nullable RateLimitBody rateLimit) {

  /** What a secret reads as in every answer; sent back unchanged, it keeps the stored one. */
  static final String MASK = "********";

  /** A rate limit: at most {@code count} notifications per {@code perSeconds}. */
  record RateLimitBody(@Nullable Integer count, @Nullable Long perSeconds) {}

  /** The same receiver with its secrets masked, for answers. */
  ReceiverBody masked() {
    return new ReceiverBody(
        name,
        type,
        url,
        secret == null ? null : MASK,
        headers,
        channel,
        to,
        from,
        smtpHost,
        smtpPort,
        username,
        password == null ? null : MASK,
        startTls,
        rateLimit);
  }

  /** The same receiver, with secrets sent back masked taken from what is stored. */
  ReceiverBody keepingSecretsOf(@Nullable ReceiverBody stored) {
    String keptSecret = MASK.equals(secret) && stored != null ? stored.secret() : secret;
    String keptPassword = MASK.equals(password) && stored != null ? stored.password() : password;
    return new ReceiverBody(
        name,
        type,
        url,
        keptSecret,
        headers,
        channel,
        to,
        from,
        smtpHost,
        smtpPort,
        username,
        keptPassword,
        startTls,
        rateLimit);
  }

  ReceiverBody named(String newName) {
    return new ReceiverBody(
        newName, type, url, secret, headers, channel, to, from, smtpHost, smtpPort, username,
        password, startTls, rateLimit);
  }

  /** The core receiver, or null with every fault recorded in {@code errors}. */
  @Nullable Receiver toReceiver(FieldErrors errors) {
    if (!errors.require("name", name) | !errors.require("type", type)) {
      return null;
    }
    List<String> foreign = new ArrayList<>();
    switch (Objects.requireNonNull(type)) {
      case "webhook" -> {
        unexpected(foreign, "channel", channel);
        emailFields(foreign);
      }
      case "slack" -> {
        unexpected(foreign, "secret", secret);
        unexpected(foreign, "headers", headers);
        emailFields(foreign);
      }
      case "email" -> {
        unexpected(foreign, "url", url);
        unexpected(foreign, "secret", secret);
        unexpected(foreign, "headers", headers);
        unexpected(foreign, "channel", channel);
      }
      default -> {
        errors.add("type", "'" + type + "' is not one of webhook, slack, email");
        return null;
      }
    }
    foreign.forEach(field -> errors.add(field, "is not a field of a " + type + " receiver"));
    if (!foreign.isEmpty()) {
      return null;
    }
    RateLimit limit = rateLimit == null ? null : errors.attempt("", this::limit);
    if (rateLimit != null && limit == null) {
      return null;
    }
    return switch (type) {
      case "webhook" ->
          !errors.require("url", url)
              ? null
              : errors.attempt(
                  "",
                  () ->
                      new Receiver.Webhook(
                          Objects.requireNonNull(name),
                          uri(url),
                          secret,
                          headers == null ? Map.of() : headers,
                          limit));
      case "slack" ->
          !errors.require("url", url)
              ? null
              : errors.attempt(
                  "",
                  () -> new Receiver.Slack(Objects.requireNonNull(name), uri(url), channel, limit));
      default -> {
        boolean present =
            errors.require("to", to)
                & errors.require("from", from)
                & errors.require("smtpHost", smtpHost);
        yield !present
            ? null
            : errors.attempt(
                "",
                () ->
                    new Receiver.Email(
                        Objects.requireNonNull(name),
                        Objects.requireNonNull(to),
                        Objects.requireNonNull(from),
                        Objects.requireNonNull(smtpHost),
                        smtpPort == null ? 25 : smtpPort,
                        username,
                        password,
                        Boolean.TRUE.equals(startTls),
                        limit));
      }
    };
  }

  private RateLimit limit() {
    RateLimitBody body = Objects.requireNonNull(rateLimit);
    if (body.count() == null) {
      throw new InvalidInput("rateLimit.count", "is required");
    }
    long per = body.perSeconds() == null ? 60 : body.perSeconds();
    return new RateLimit(body.count(), Duration.ofSeconds(per));
  }

  /** The email fields, which only an email receiver takes. */
  private void emailFields(List<String> foreign) {
    unexpected(foreign, "to", to);
    unexpected(foreign, "from", from);
    unexpected(foreign, "smtpHost", smtpHost);
    unexpected(foreign, "smtpPort", smtpPort);
    unexpected(foreign, "username", username);
    unexpected(foreign, "password", password);
    unexpected(foreign, "startTls", startTls);
  }

  private static void unexpected(List<String> foreign, String field, @Nullable Object value) {
    if (value != null) {
      foreign.add(field);
    }
  }

  private static URI uri(@Nullable String text) {
    try {
      return new URI(Objects.requireNonNull(text));
    } catch (URISyntaxException e) {
      throw new InvalidInput("url", "is not a URL: " + e.getReason());
    }
  }
}
