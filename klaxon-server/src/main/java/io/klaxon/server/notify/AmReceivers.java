package io.klaxon.server.notify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@code alertmanager.yml} receiver into Klaxon receivers, one per integration ({@code
 * slack_configs[0]}, …): Klaxon's receivers are single integrations, and an imported route sends to
 * all of its Alertmanager receiver's integrations.
 */
final class AmReceivers {

  /**
   * One Alertmanager receiver as Klaxon has it.
   *
   * @param bodies the Klaxon receivers, as the API takes them
   * @param sendResolved whether any integration sends resolved alerts (Klaxon decides per route)
   */
  record Converted(
      String name, List<Map<String, Object>> bodies, List<String> paths, boolean sendResolved) {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{");

  private static final List<String> LACKING =
      List.of(
          "sns_configs",
          "victorops_configs",
          "webex_configs",
          "wechat_configs",
          "rocketchat_configs",
          "jira_configs",
          "incidentio_configs");

  private final AmGlobal global;
  private final AmReport report;

  AmReceivers(AmGlobal global, AmReport report) {
    this.global = global;
    this.report = report;
  }

  /** Klaxon's name for a receiver: Alertmanager's, with characters Klaxon refuses made '-'. */
  static String klaxonName(String name) {
    if (NAME.matcher(name).matches()) {
      return name;
    }
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return cleaned.isEmpty() ? "receiver" : cleaned.substring(0, Math.min(64, cleaned.length()));
  }

  @Nullable Converted convert(AmNode receiver) {
    String name = receiver.text("name");
    if (name == null || name.isEmpty()) {
      report.errors.add(receiver.path("name"), "every receiver needs a name");
      receiver.rest();
      return null;
    }
    List<Map<String, Object>> bodies = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    boolean anyResolved = false;
    boolean anyUnresolved = false;
    Map<String, Kind> kinds = kinds();
    for (Map.Entry<String, Kind> kind : kinds.entrySet()) {
      List<AmNode> configs = receiver.objects(kind.getKey());
      for (int i = 0; i < configs.size(); i++) {
        AmNode config = configs.get(i);
        Map<String, Object> body = new LinkedHashMap<>();
        boolean resolved = config.flag("send_resolved", kind.getValue().sendsResolved());
        kind.getValue().convert(config, body);
        config.rest();
        anyResolved |= resolved;
        anyUnresolved |= !resolved;
        bodies.add(body);
        paths.add(config.path());
      }
    }
    for (String lacking : LACKING) {
      receiver.skip(lacking, "Klaxon has no receiver of this kind");
    }
    receiver.rest();
    if (anyResolved && anyUnresolved) {
      report.notTaken(
          receiver.path("send_resolved"),
          "integrations of "
              + name
              + " differ in send_resolved; Klaxon decides per route, so all of them are sent"
              + " resolved alerts");
    }
    String base = klaxonName(name);
    if (!base.equals(name)) {
      report.notTaken(
          receiver.path("name"), "'" + name + "' is not a Klaxon name: its receivers are " + base);
    }
    for (int i = 0; i < bodies.size(); i++) {
      String type = (String) bodies.get(i).get("type");
      String klaxon = bodies.size() == 1 ? base : cut(base + "." + type + "-" + i);
      Map<String, Object> named = new LinkedHashMap<>();
      named.put("name", klaxon);
      named.putAll(bodies.get(i));
      bodies.set(i, named);
    }
    return new Converted(name, bodies, paths, anyResolved);
  }

  private static String cut(String name) {
    return name.length() <= 64 ? name : name.substring(name.length() - 64);
  }

  /** How one kind of {@code *_configs} becomes a Klaxon receiver. */
  private interface Converter {
    void convert(AmNode config, Map<String, Object> body);
  }

  private record Kind(boolean sendsResolved, Converter converter) {
    void convert(AmNode config, Map<String, Object> body) {
      converter.convert(config, body);
    }
  }

  private Map<String, Kind> kinds() {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    kinds.put("webhook_configs", new Kind(true, this::webhook));
    kinds.put("email_configs", new Kind(false, this::email));
    kinds.put("pagerduty_configs", new Kind(true, this::pagerduty));
    kinds.put("slack_configs", new Kind(false, this::slack));
    kinds.put("opsgenie_configs", new Kind(true, this::opsgenie));
    kinds.put("msteams_configs", new Kind(true, this::teams));
    kinds.put("msteamsv2_configs", new Kind(true, this::teams));
    kinds.put("telegram_configs", new Kind(true, this::telegram));
    kinds.put("discord_configs", new Kind(true, this::discord));
    kinds.put("mattermost_configs", new Kind(true, this::mattermost));
    kinds.put("pushover_configs", new Kind(true, this::pushover));
    return kinds;
  }

  private void webhook(AmNode config, Map<String, Object> body) {
    body.put("type", "webhook");
    put(body, "url", required(config, "url", config.secret("url")));
    config.skip("max_alerts", "Klaxon sends every alert of a notification");
    config.skip("timeout", "Klaxon's send timeout is klaxon.notify.send-timeout");
    Map<String, String> headers = httpHeaders(config);
    if (!headers.isEmpty()) {
      body.put("headers", headers);
    }
  }

  private void email(AmNode config, Map<String, Object> body) {
    body.put("type", "email");
    String to = required(config, "to", config.text("to"));
    if (to != null) {
      body.put("to", List.of(to.split("\\s*,\\s*")));
    }
    put(body, "from", or(config.text("from"), global.smtpFrom()));
    String smarthost =
        required(config, "smarthost", or(config.text("smarthost"), global.smtpSmarthost()));
    if (smarthost != null) {
      int colon = smarthost.lastIndexOf(':');
      body.put("smtpHost", colon < 0 ? smarthost : smarthost.substring(0, colon));
      if (colon >= 0) {
        try {
          body.put("smtpPort", Integer.parseInt(smarthost.substring(colon + 1)));
        } catch (NumberFormatException e) {
          report.errors.add(config.path("smarthost"), "'" + smarthost + "' is not host:port");
        }
      }
    }
    put(body, "username", or(config.text("auth_username"), global.smtpUsername()));
    put(body, "password", or(config.secret("auth_password"), global.smtpPassword()));
    body.put("startTls", config.flag("require_tls", global.smtpRequireTls()));
    for (String key :
        List.of(
            "hello",
            "auth_identity",
            "auth_secret",
            "auth_secret_file",
            "tls_config",
            "force_implicit_tls")) {
      config.skip(key, "Klaxon's email receiver has no such setting");
    }
    templated(config, "html", "text", "headers", "subject");
  }

  private void pagerduty(AmNode config, Map<String, Object> body) {
    body.put("type", "pagerduty");
    config.skip("service_key", "the Events API v1 (service_key) is not taken: use routing_key");
    config.skip(
        "service_key_file", "the Events API v1 (service_key) is not taken: use routing_key");
    put(body, "routingKey", required(config, "routing_key", config.secret("routing_key")));
    String url = or(config.text("url"), global.pagerdutyUrl());
    if (url != null) {
      body.put("url", url.replaceFirst("/v2/enqueue/?$", "").replaceFirst("/+$", ""));
    }
    templated(
        config,
        "client",
        "client_url",
        "description",
        "details",
        "images",
        "links",
        "source",
        "severity",
        "class",
        "component",
        "group");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  private void slack(AmNode config, Map<String, Object> body) {
    body.put("type", "slack");
    put(
        body,
        "url",
        required(config, "api_url", or(config.secret("api_url"), global.slackApiUrl())));
    put(body, "channel", config.text("channel"));
    templated(
        config,
        "username",
        "color",
        "title",
        "title_link",
        "pretext",
        "text",
        "fields",
        "short_fields",
        "footer",
        "fallback",
        "callback_id",
        "icon_emoji",
        "icon_url",
        "image_url",
        "thumb_url",
        "link_names",
        "mrkdwn_in",
        "actions",
        "app_token",
        "app_token_file",
        "message_text",
        "update_message");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  private void opsgenie(AmNode config, Map<String, Object> body) {
    body.put("type", "opsgenie");
    put(
        body,
        "apiKey",
        required(config, "api_key", or(config.secret("api_key"), global.opsgenieApiKey())));
    String url = or(config.text("api_url"), global.opsgenieApiUrl());
    if (url != null) {
      body.put("url", url.replaceFirst("/+$", ""));
    }
    templated(
        config,
        "message",
        "description",
        "source",
        "details",
        "entity",
        "responders",
        "actions",
        "tags",
        "note",
        "priority",
        "update_alerts");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  private void teams(AmNode config, Map<String, Object> body) {
    body.put("type", "teams");
    put(body, "url", required(config, "webhook_url", config.secret("webhook_url")));
    templated(config, "title", "summary", "text");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  private void telegram(AmNode config, Map<String, Object> body) {
    body.put("type", "telegram");
    put(body, "botToken", required(config, "bot_token", config.secret("bot_token")));
    put(body, "chatId", required(config, "chat_id", config.text("chat_id")));
    put(body, "url", or(config.text("api_url"), global.telegramApiUrl()));
    templated(config, "message", "disable_notifications", "parse_mode", "message_thread_id");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  private void discord(AmNode config, Map<String, Object> body) {
    body.put("type", "discord");
    put(body, "url", required(config, "webhook_url", config.secret("webhook_url")));
    templated(config, "title", "message", "content", "username", "avatar_url");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  private void mattermost(AmNode config, Map<String, Object> body) {
    body.put("type", "mattermost");
    put(body, "url", required(config, "webhook_url", config.secret("webhook_url")));
    put(body, "channel", config.text("channel"));
    templated(
        config,
        "username",
        "text",
        "icon_url",
        "icon_emoji",
        "attachments",
        "type",
        "props",
        "priority");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  private void pushover(AmNode config, Map<String, Object> body) {
    body.put("type", "pushover");
    put(body, "user", required(config, "user_key", config.secret("user_key")));
    put(body, "token", required(config, "token", config.secret("token")));
    templated(
        config,
        "title",
        "message",
        "url",
        "url_title",
        "device",
        "sound",
        "priority",
        "retry",
        "expire",
        "ttl",
        "html",
        "monospace");
    config.skip("http_config", "Klaxon's receivers have no HTTP client settings");
  }

  /** A webhook's HTTP authorisation as headers; the rest of http_config is listed. */
  private Map<String, String> httpHeaders(AmNode config) {
    Map<String, String> headers = new LinkedHashMap<>();
    AmNode http = config.object("http_config");
    if (http == null) {
      return headers;
    }
    AmNode authorization = http.object("authorization");
    if (authorization != null) {
      String type = or(authorization.text("type"), "Bearer");
      String credentials = authorization.secret("credentials");
      if (credentials != null) {
        headers.put("Authorization", type + " " + credentials);
      }
      authorization.rest();
    }
    AmNode basic = http.object("basic_auth");
    if (basic != null) {
      String user = or(basic.text("username"), "");
      String password = or(basic.secret("password"), "");
      headers.put(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      basic.rest();
    }
    http.rest();
    return headers;
  }

  /** Message settings: Klaxon writes its own text, so each given is listed. */
  private void templated(AmNode config, String... keys) {
    for (String key : keys) {
      String value = config.peek(key);
      config.skip(
          key,
          value != null && TEMPLATE.matcher(value).find()
              ? "a Go template: Klaxon writes its own message"
              : "Klaxon writes this part of the message itself");
    }
  }

  private @Nullable String required(AmNode config, String key, @Nullable String value) {
    if (value == null || value.isBlank()) {
      report.errors.add(config.path(key), "is required (here or in global)");
      return null;
    }
    return value;
  }

  private static void put(Map<String, Object> body, String key, @Nullable Object value) {
    if (value != null) {
      body.put(key, value);
    }
  }

  private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
    return value != null ? value : fallback;
  }
}
