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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A receiver as the API and the configuration file give it (and as it is stored): {@code type} is
 * one of {@link #FIELDS}' keys, and only that type's fields may be set.
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
    @Nullable String routingKey,
    @Nullable String apiKey,
    @Nullable String botToken,
    @Nullable String chatId,
    @Nullable String topic,
    @Nullable String token,
    @Nullable String user,
    @Nullable RateLimitBody rateLimit) {

  /** What a secret reads as in every answer; sent back unchanged, it keeps the stored one. */
  static final String MASK = "********";

  /** The fields each type takes besides name, type and rateLimit. */
  private static final Map<String, Set<String>> FIELDS =
      Map.ofEntries(
          Map.entry("webhook", Set.of("url", "secret", "headers")),
          Map.entry("slack", Set.of("url", "channel")),
          Map.entry(
              "email",
              Set.of("to", "from", "smtpHost", "smtpPort", "username", "password", "startTls")),
          Map.entry("pagerduty", Set.of("url", "routingKey")),
          Map.entry("opsgenie", Set.of("url", "apiKey")),
          Map.entry("teams", Set.of("url")),
          Map.entry("telegram", Set.of("url", "botToken", "chatId")),
          Map.entry("discord", Set.of("url")),
          Map.entry("mattermost", Set.of("url", "channel")),
          Map.entry("ntfy", Set.of("url", "topic", "token")),
          Map.entry("gotify", Set.of("url", "token")),
          Map.entry("pushover", Set.of("url", "token", "user")));

  /** The types whose webhook URL is itself the credential: answered with its path masked. */
  private static final Set<String> SECRET_URL = Set.of("teams", "discord", "mattermost");

  /** A rate limit: at most {@code count} notifications per {@code perSeconds}. */
  record RateLimitBody(@Nullable Integer count, @Nullable Long perSeconds) {}

  /** The same receiver with its secrets masked, for answers. */
  ReceiverBody masked() {
    return new ReceiverBody(
        name,
        type,
        SECRET_URL.contains(type) ? maskUrl(url) : url,
        mask(secret),
        headers,
        channel,
        to,
        from,
        smtpHost,
        smtpPort,
        username,
        mask(password),
        startTls,
        mask(routingKey),
        mask(apiKey),
        mask(botToken),
        chatId,
        topic,
        mask(token),
        mask(user),
        rateLimit);
  }

  /** The same receiver, with secrets sent back masked taken from what is stored. */
  ReceiverBody keepingSecretsOf(@Nullable ReceiverBody stored) {
    if (stored == null) {
      return this;
    }
    boolean sameUrl = url != null && url.equals(maskUrl(stored.url()));
    return new ReceiverBody(
        name,
        type,
        sameUrl ? stored.url() : url,
        keep(secret, stored.secret()),
        headers,
        channel,
        to,
        from,
        smtpHost,
        smtpPort,
        username,
        keep(password, stored.password()),
        startTls,
        keep(routingKey, stored.routingKey()),
        keep(apiKey, stored.apiKey()),
        keep(botToken, stored.botToken()),
        chatId,
        topic,
        keep(token, stored.token()),
        keep(user, stored.user()),
        rateLimit);
  }

  ReceiverBody named(String newName) {
    return new ReceiverBody(
        newName,
        type,
        url,
        secret,
        headers,
        channel,
        to,
        from,
        smtpHost,
        smtpPort,
        username,
        password,
        startTls,
        routingKey,
        apiKey,
        botToken,
        chatId,
        topic,
        token,
        user,
        rateLimit);
  }

  private static @Nullable String mask(@Nullable String value) {
    return value == null ? null : MASK;
  }

  private static @Nullable String keep(@Nullable String given, @Nullable String stored) {
    return MASK.equals(given) ? stored : given;
  }

  /** {@code https://host/********}: where it goes, without the part that lets anyone post. */
  private static @Nullable String maskUrl(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + MASK;
    } catch (URISyntaxException e) {
      return MASK;
    }
  }

  /** Every type-specific field, by its name, with its value (null when not given). */
  private Map<String, @Nullable Object> typeFields() {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("url", url);
    fields.put("secret", secret);
    fields.put("headers", headers);
    fields.put("channel", channel);
    fields.put("to", to);
    fields.put("from", from);
    fields.put("smtpHost", smtpHost);
    fields.put("smtpPort", smtpPort);
    fields.put("username", username);
    fields.put("password", password);
    fields.put("startTls", startTls);
    fields.put("routingKey", routingKey);
    fields.put("apiKey", apiKey);
    fields.put("botToken", botToken);
    fields.put("chatId", chatId);
    fields.put("topic", topic);
    fields.put("token", token);
    fields.put("user", user);
    return fields;
  }

  /** The core receiver, or null with every fault recorded in {@code errors}. */
  @Nullable Receiver toReceiver(FieldErrors errors) {
    boolean hasName = errors.require("name", name); // both asked: both faults told at once
    boolean hasType = errors.require("type", type);
    if (!hasName || !hasType) {
      return null;
    }
    Set<String> allowed = FIELDS.get(Objects.requireNonNull(type));
    if (allowed == null) {
      errors.add("type", "'" + type + "' is not one of " + new TreeSet<>(FIELDS.keySet()));
      return null;
    }
    List<String> foreign = new ArrayList<>();
    typeFields()
        .forEach(
            (field, value) -> {
              if (value != null && !allowed.contains(field)) {
                foreign.add(field);
              }
            });
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
      case "email" -> {
        boolean hasTo = errors.require("to", to); // all asked: all faults told at once
        boolean hasFrom = errors.require("from", from);
        boolean hasHost = errors.require("smtpHost", smtpHost);
        boolean present = hasTo && hasFrom && hasHost;
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
      default -> errors.attempt("", () -> ServiceBodies.receiver(this, limit));
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

  static URI uri(@Nullable String text) {
    try {
      return new URI(Objects.requireNonNull(text));
    } catch (URISyntaxException e) {
      throw new InvalidInput("url", "is not a URL: " + e.getReason());
    }
  }
}
