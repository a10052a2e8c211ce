package io.klaxon.server.notify;

import io.klaxon.alert.Severity;
import io.klaxon.notify.Grouping;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Matchers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The routes and receivers in force written as an {@code alertmanager.yml}, for review: the
 * imported tree under its root when there is one (else every route under a root that sends
 * nowhere), each route's conditions as matchers and its receivers as one Alertmanager receiver.
 * Secrets read {@code ********}; receivers Alertmanager lacks (ntfy, Gotify) are left out. The time
 * intervals routes name and every inhibition rule (imported or made by hand) are written too.
 */
final class AlertmanagerExport {

  private static final String NOWHERE = "klaxon-none";

  private final ObjectMapper yaml = YAMLMapper.builder().build();

  String write(NotifyConfig.Snapshot snapshot, List<InhibitRule> rules) {
    Map<String, RouteBody> routes = snapshot.routeBodies();
    Map<String, List<String>> amReceivers = new LinkedHashMap<>();
    Map<String, Boolean> resolved = new LinkedHashMap<>();
    Map<String, Object> root;
    RouteBody imported = routes.get(AlertmanagerImport.ROOT);
    if (imported != null && imported.parent() == null) {
      root = route(imported, routes, amReceivers, resolved);
    } else {
      root = new LinkedHashMap<>();
      root.put("receiver", NOWHERE);
      amReceivers.put(NOWHERE, List.of());
      List<Map<String, Object>> children = new ArrayList<>();
      for (RouteBody body : routes.values()) {
        if (body.parent() == null) {
          children.add(route(body, routes, amReceivers, resolved));
        }
      }
      if (!children.isEmpty()) {
        root.put("routes", children);
      }
    }
    List<Map<String, Object>> receivers = new ArrayList<>();
    amReceivers.forEach(
        (name, klaxon) -> {
          Map<String, Object> receiver = new LinkedHashMap<>();
          receiver.put("name", name);
          for (String each : klaxon) {
            ReceiverBody body = snapshot.receiverBodies().get(each);
            if (body != null) {
              integration(body.masked(), resolved.getOrDefault(name, true), receiver);
            }
          }
          receivers.add(receiver);
        });
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("route", root);
    file.put("receivers", receivers);
    if (!rules.isEmpty()) {
      file.put("inhibit_rules", rules.stream().map(AlertmanagerExport::rule).toList());
    }
    if (!snapshot.intervalBodies().isEmpty()) {
      file.put(
          "time_intervals",
          snapshot.intervalBodies().values().stream().map(AlertmanagerExport::interval).toList());
    }
    return yaml.writeValueAsString(file);
  }

  private Map<String, Object> route(
      RouteBody body,
      Map<String, RouteBody> routes,
      Map<String, List<String>> amReceivers,
      Map<String, Boolean> resolved) {
    Map<String, Object> route = new LinkedHashMap<>();
    List<String> receivers = body.receivers() == null ? List.of() : body.receivers();
    String receiver =
        body.alertmanagerReceiver() != null
            ? body.alertmanagerReceiver()
            : receivers.size() == 1 ? receivers.getFirst() : body.name();
    route.put("receiver", receiver);
    amReceivers.putIfAbsent(receiver, receivers);
    resolved.putIfAbsent(receiver, body.notifyOn() == null || body.notifyOn().contains("resolved"));
    List<String> matchers = matchers(body.match());
    if (!matchers.isEmpty()) {
      route.put("matchers", matchers);
    }
    List<String> groupBy =
        body.groupBy() == null
            ? List.of()
            : body.groupBy().stream()
                .filter(field -> !field.equals(Grouping.ROUTE))
                .map(AlertmanagerExport::label)
                .toList();
    if (!groupBy.isEmpty()) {
      route.put("group_by", groupBy);
    }
    seconds(route, "group_wait", body.groupWaitSeconds());
    seconds(route, "group_interval", body.groupIntervalSeconds());
    seconds(route, "repeat_interval", body.repeatIntervalSeconds());
    if (Boolean.TRUE.equals(body.continueMatching())) {
      route.put("continue", true);
    }
    if (body.muteTimeIntervals() != null && !body.muteTimeIntervals().isEmpty()) {
      route.put("mute_time_intervals", body.muteTimeIntervals());
    }
    if (body.activeTimeIntervals() != null && !body.activeTimeIntervals().isEmpty()) {
      route.put("active_time_intervals", body.activeTimeIntervals());
    }
    List<Map<String, Object>> children = new ArrayList<>();
    for (RouteBody child : routes.values()) {
      if (body.name() != null && body.name().equals(child.parent())) {
        children.add(route(child, routes, amReceivers, resolved));
      }
    }
    if (!children.isEmpty()) {
      route.put("routes", children);
    }
    return route;
  }

  private static Map<String, Object> rule(InhibitRule rule) {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("source_matchers", rule.source().stream().map(LabelMatcher::toString).toList());
    written.put("target_matchers", rule.target().stream().map(LabelMatcher::toString).toList());
    if (!rule.equal().isEmpty()) {
      written.put("equal", rule.equal());
    }
    return written;
  }

  private static Map<String, Object> interval(TimeIntervalBody body) {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("name", body.name());
    List<Map<String, Object>> periods = new ArrayList<>();
    for (TimeIntervalBody.PeriodBody period :
        body.timeIntervals() == null
            ? List.<TimeIntervalBody.PeriodBody>of()
            : body.timeIntervals()) {
      Map<String, Object> each = new LinkedHashMap<>();
      if (period.times() != null && !period.times().isEmpty()) {
        each.put(
            "times",
            period.times().stream()
                .map(
                    times -> {
                      Map<String, Object> span = new LinkedHashMap<>();
                      span.put("start_time", times.startTime());
                      span.put("end_time", times.endTime());
                      return span;
                    })
                .toList());
      }
      putList(each, "weekdays", period.weekdays());
      putList(each, "days_of_month", period.daysOfMonth());
      putList(each, "months", period.months());
      putList(each, "years", period.years());
      put(each, "location", period.location());
      periods.add(each);
    }
    written.put("time_intervals", periods);
    return written;
  }

  private static void putList(Map<String, Object> into, String key, @Nullable List<String> values) {
    if (values != null && !values.isEmpty()) {
      into.put(key, values);
    }
  }

  private static List<String> matchers(RouteBody.@Nullable MatchBody match) {
    List<String> matchers = new ArrayList<>();
    if (match == null) {
      return matchers;
    }
    if (match.severity() != null) {
      Severity least = Severity.parse(match.severity());
      String words =
          Arrays.stream(Severity.values())
              .filter(severity -> severity.rank() >= least.rank())
              .map(Severity::word)
              .collect(Collectors.joining("|"));
      matchers.add("severity=~\"" + words + "\"");
    }
    anyOf(matchers, "type", match.type());
    anyOf(matchers, "source", match.source());
    anyOf(matchers, "subjectType", match.subjectType());
    if (match.attributes() != null) {
      match.attributes().forEach((name, value) -> matchers.add(quoted(name, "=", value)));
    }
    if (match.matchers() != null) {
      for (String given : match.matchers()) {
        Matchers.parse("matchers", given).forEach(matcher -> matchers.add(matcher.toString()));
      }
    }
    return matchers;
  }

  private static void anyOf(List<String> matchers, String label, @Nullable List<String> values) {
    if (values != null && !values.isEmpty()) {
      String regex =
          values.stream()
              .map(value -> value.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"))
              .collect(Collectors.joining("|"));
      matchers.add(quoted(label, "=~", regex));
    }
  }

  private static String quoted(String name, String operator, String value) {
    return name
        + operator
        + "\""
        + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        + "\"";
  }

  private static String label(String field) {
    if (field.startsWith("label.")) {
      return field.substring("label.".length());
    }
    if (field.startsWith("attributes.")) {
      return field.substring("attributes.".length());
    }
    return switch (field) {
      case "subject.type" -> "subjectType";
      case "subject.key" -> "subjectKey";
      default -> field;
    };
  }

  private static void seconds(Map<String, Object> route, String key, @Nullable Long seconds) {
    if (seconds != null) {
      route.put(key, seconds + "s");
    }
  }

  @SuppressWarnings("unchecked")
  private static void integration(ReceiverBody body, boolean resolved, Map<String, Object> into) {
    Map<String, Object> config = new LinkedHashMap<>();
    String kind =
        switch (body.type() == null ? "" : body.type()) {
          case "webhook" -> {
            config.put("url", body.url());
            yield "webhook_configs";
          }
          case "slack" -> {
            config.put("api_url", body.url());
            put(config, "channel", body.channel());
            yield "slack_configs";
          }
          case "email" -> {
            config.put("to", body.to() == null ? "" : String.join(", ", body.to()));
            put(config, "from", body.from());
            config.put(
                "smarthost",
                body.smtpHost() + ":" + (body.smtpPort() == null ? 25 : body.smtpPort()));
            put(config, "auth_username", body.username());
            put(config, "auth_password", body.password());
            config.put("require_tls", Boolean.TRUE.equals(body.startTls()));
            yield "email_configs";
          }
          case "pagerduty" -> {
            put(config, "routing_key", body.routingKey());
            if (body.url() != null) {
              config.put("url", body.url() + "/v2/enqueue");
            }
            yield "pagerduty_configs";
          }
          case "opsgenie" -> {
            put(config, "api_key", body.apiKey());
            put(config, "api_url", body.url());
            yield "opsgenie_configs";
          }
          case "teams" -> {
            config.put("webhook_url", body.url());
            yield "msteamsv2_configs";
          }
          case "telegram" -> {
            put(config, "bot_token", body.botToken());
            put(config, "chat_id", chatId(body.chatId()));
            put(config, "api_url", body.url());
            yield "telegram_configs";
          }
          case "discord" -> {
            config.put("webhook_url", body.url());
            yield "discord_configs";
          }
          case "mattermost" -> {
            config.put("webhook_url", body.url());
            put(config, "channel", body.channel());
            yield "mattermost_configs";
          }
          case "pushover" -> {
            put(config, "user_key", body.user());
            put(config, "token", body.token());
            yield "pushover_configs";
          }
          default -> "";
        };
    if (kind.isEmpty()) {
      return;
    }
    config.put("send_resolved", resolved);
    ((List<Object>) into.computeIfAbsent(kind, key -> new ArrayList<>())).add(config);
  }

  private static @Nullable Object chatId(@Nullable String chatId) {
    if (chatId == null) {
      return null;
    }
    try {
      return Long.parseLong(chatId);
    } catch (NumberFormatException e) {
      return chatId;
    }
  }

  private static void put(Map<String, Object> config, String key, @Nullable Object value) {
    if (value != null) {
      config.put(key, value);
    }
  }
}
