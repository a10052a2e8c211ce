package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.notify.ConfigChange;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.Grouping;
import io.klaxon.problem.InvalidInput;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.MatchType;
import io.klaxon.suppress.Matchers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Imports an {@code alertmanager.yml}: its receivers become Klaxon receivers (one per integration),
 * its routing tree Klaxon routes with parents ({@code am}, {@code am.0}, {@code am.0.1}, …) that
 * route every label set as Alertmanager does, with the inherited settings written out. Everything
 * is checked first and then written in one transaction, or nothing is; every element not taken is
 * listed with the reason. A later import replaces the routes of an earlier one.
 */
final class AlertmanagerImport {

  /** The name of the imported root route; its children are named by their place below it. */
  static final String ROOT = "am";

  /** What an import did, or would do in a dry run. */
  record Result(
      boolean dryRun,
      List<ReceiverBody> receivers,
      List<RouteBody> routes,
      List<String> removedRoutes,
      List<AmReport.NotTaken> notTaken) {}

  private static final Pattern DURATION =
      Pattern.compile(
          "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");

  private static final Comparator<LabelMatcher> ALERTMANAGER_ORDER =
      Comparator.comparing(LabelMatcher::name)
          .thenComparing(LabelMatcher::value)
          .thenComparing(LabelMatcher::type);

  private final NotifyConfig config;
  private final ObjectMapper json;
  private final ObjectMapper yaml = YAMLMapper.builder().build();

  AlertmanagerImport(NotifyConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  /** The settings a route passes on to its children. */
  private record Inherited(
      @Nullable String receiver,
      List<String> groupBy,
      long groupWait,
      long groupInterval,
      long repeatInterval) {}

  /**
   * Converts the file and, unless a dry run, applies it.
   *
   * @param baseDir where relative {@code *_file} paths are read from
   * @throws InvalidInput naming every fault, with nothing written
   */
  Result run(String text, Path baseDir, boolean dryRun, Actor actor) {
    JsonNode document;
    try {
      document = yaml.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidInput("config", "is not YAML: " + e.getOriginalMessage());
    }
    if (document == null || !document.isObject()) {
      throw new InvalidInput("config", "must be an alertmanager.yml mapping");
    }
    AmReport report = new AmReport(baseDir);
    AmNode root = new AmNode(document, "", report);
    AmGlobal global = AmGlobal.read(root.object("global"));

    AmReceivers converter = new AmReceivers(global, report);
    Map<String, AmReceivers.Converted> receivers = new LinkedHashMap<>();
    List<ReceiverBody> receiverBodies = new ArrayList<>();
    for (AmNode node : root.objects("receivers")) {
      AmReceivers.Converted converted = converter.convert(node);
      if (converted == null) {
        continue;
      }
      if (receivers.putIfAbsent(converted.name(), converted) != null) {
        report.errors.add(
            node.path("name"), "a receiver named '" + converted.name() + "' came before");
      }
    }
    List<String> receiverNames = new ArrayList<>();
    for (AmReceivers.Converted converted : receivers.values()) {
      for (int i = 0; i < converted.bodies().size(); i++) {
        String prefix = converted.paths().get(i) + ".";
        Map<String, Object> given = converted.bodies().get(i);
        ReceiverBody body =
            report.errors.attempt(prefix, () -> json.convertValue(given, ReceiverBody.class));
        if (body != null && receiverNames.contains(body.name())) {
          report.errors.add(
              prefix + "name",
              "becomes the Klaxon receiver '" + body.name() + "', as an earlier one does");
        } else if (body != null) {
          receiverBodies.add(config.checkReceiver(body, prefix, report.errors));
          receiverNames.add(body.name());
        }
      }
    }

    List<RouteBody> routes = new ArrayList<>();
    Map<String, String> paths = new LinkedHashMap<>();
    AmNode route = root.object("route");
    if (route == null) {
      report.errors.add("route", "is required: the routing tree's root");
    } else {
      Inherited defaults = new Inherited(null, List.of(), 30, 300, 4 * 3600);
      convertRoute(route, ROOT, null, defaults, receivers, report, routes, paths);
    }
    root.skip("templates", "Go templates are not taken: Klaxon writes its own messages");
    root.skip(
        "inhibit_rules", "Klaxon's inhibition rules are not imported yet (docs/ALERTMANAGER.md)");
    root.skip(
        "time_intervals",
        "Klaxon's maintenance windows are not imported yet (docs/ALERTMANAGER.md)");
    root.skip(
        "mute_time_intervals",
        "Klaxon's maintenance windows are not imported yet (docs/ALERTMANAGER.md)");
    root.skip("tracing", "Klaxon's tracing is not configured here");
    root.rest();

    List<String> routeNames = routes.stream().map(RouteBody::name).toList();
    for (RouteBody body : routes) {
      String path = paths.getOrDefault(body.name(), "route") + ".";
      config.checkRoute(body, path, report.errors, receiverNames, routeNames);
    }
    report.errors.throwIfAny();

    List<String> removed =
        config.current().routeBodies().values().stream()
            .filter(body -> body.alertmanagerReceiver() != null)
            .map(RouteBody::name)
            .filter(name -> !routeNames.contains(name))
            .toList();
    if (!dryRun) {
      List<ConfigChange> changes = new ArrayList<>();
      for (ReceiverBody body : receiverBodies) {
        changes.add(
            new ConfigChange.Put(ConfigKind.RECEIVER, body.name(), json.writeValueAsString(body)));
      }
      removed.forEach(name -> changes.add(new ConfigChange.Delete(ConfigKind.ROUTE, name)));
      for (RouteBody body : routes) {
        changes.add(
            new ConfigChange.Put(ConfigKind.ROUTE, body.name(), json.writeValueAsString(body)));
      }
      changes.add(new ConfigChange.Order(ConfigKind.ROUTE, routeNames));
      config.apply(changes, actor);
    }
    return new Result(
        dryRun,
        receiverBodies.stream().map(ReceiverBody::masked).toList(),
        routes,
        removed,
        List.copyOf(report.notTaken));
  }

  private void convertRoute(
      AmNode node,
      String name,
      @Nullable String parent,
      Inherited inherited,
      Map<String, AmReceivers.Converted> receivers,
      AmReport report,
      List<RouteBody> out,
      Map<String, String> paths) {
    boolean root = parent == null;
    String receiver = node.text("receiver");
    if (receiver == null || receiver.isEmpty()) {
      receiver = inherited.receiver();
      if (root) {
        report.errors.add(node.path("receiver"), "the root route needs a receiver");
      }
    } else if (!receivers.containsKey(receiver)) {
      report.errors.add(node.path("receiver"), "no receiver is named '" + receiver + "'");
    }
    List<String> groupBy = inherited.groupBy();
    List<String> given = node.texts("group_by");
    if (given != null) {
      if (given.contains("...")) {
        if (given.size() > 1) {
          report.errors.add(node.path("group_by"), "'...' must be the only label to group by");
        }
        groupBy = List.of("...");
      } else {
        groupBy = given.stream().map(label -> "label." + label).toList();
      }
    }
    long groupWait = duration(node, "group_wait", inherited.groupWait(), report);
    long groupInterval = duration(node, "group_interval", inherited.groupInterval(), report);
    long repeat = duration(node, "repeat_interval", inherited.repeatInterval(), report);

    List<LabelMatcher> matchers = new ArrayList<>();
    Map<String, String> match = node.textMap("match");
    if (match != null) {
      match.forEach(
          (label, value) ->
              addMatcher(
                  matchers,
                  report,
                  node.path("match") + "." + label,
                  label,
                  MatchType.EQUAL,
                  value));
    }
    Map<String, String> matchRe = node.textMap("match_re");
    if (matchRe != null) {
      matchRe.forEach(
          (label, value) ->
              addMatcher(
                  matchers,
                  report,
                  node.path("match_re") + "." + label,
                  label,
                  MatchType.REGEX,
                  value));
    }
    List<String> newStyle = node.texts("matchers");
    for (int i = 0; newStyle != null && i < newStyle.size(); i++) {
      int index = i;
      List<LabelMatcher> parsed =
          report.errors.attempt(
              "",
              () -> Matchers.parse(node.path("matchers") + "[" + index + "]", newStyle.get(index)));
      if (parsed != null) {
        matchers.addAll(parsed);
      }
    }
    matchers.sort(ALERTMANAGER_ORDER);
    boolean continueMatching = node.flag("continue", false);
    if (root && !matchers.isEmpty()) {
      report.errors.add(node.path("matchers"), "the root route must not have matchers");
    }
    if (root && continueMatching) {
      report.errors.add(node.path("continue"), "the root route cannot continue");
    }
    node.skip(
        "mute_time_intervals",
        "Klaxon's maintenance windows are not imported yet: the route is not muted");
    node.skip(
        "active_time_intervals",
        "Klaxon's maintenance windows are not imported yet: the route is always active");

    AmReceivers.Converted converted = receiver == null ? null : receivers.get(receiver);
    List<String> occasions = new ArrayList<>(List.of("opened", "escalated"));
    if (converted != null && converted.sendResolved()) {
      occasions.add("resolved");
    }
    RouteBody body =
        new RouteBody(
            name,
            matchers.isEmpty()
                ? null
                : new RouteBody.MatchBody(
                    null,
                    null,
                    null,
                    null,
                    null,
                    matchers.stream().map(LabelMatcher::toString).toList()),
            converted == null
                ? List.of()
                : converted.bodies().stream().map(b -> (String) b.get("name")).toList(),
            occasions,
            continueMatching,
            // Without group_by Alertmanager keeps every alert of the route in one group.
            groupBy.isEmpty() ? List.of(Grouping.ROUTE) : groupBy,
            groupWait,
            groupInterval,
            repeat,
            null,
            null,
            parent,
            receiver == null ? "" : receiver);
    paths.put(name, node.path().isEmpty() ? "route" : node.path());
    out.add(body);

    Inherited passed = new Inherited(receiver, groupBy, groupWait, groupInterval, repeat);
    List<AmNode> children = node.objects("routes");
    for (int i = 0; i < children.size(); i++) {
      convertRoute(children.get(i), name + "." + i, name, passed, receivers, report, out, paths);
    }
    node.rest();
  }

  private static void addMatcher(
      List<LabelMatcher> matchers,
      AmReport report,
      String path,
      String label,
      MatchType type,
      String value) {
    LabelMatcher matcher =
        report.errors.attempt("", () -> LabelMatcher.of(path, label, type, value));
    if (matcher != null) {
      matchers.add(matcher);
    }
  }

  /** A Prometheus duration ({@code 1h30m}, {@code 2d}, {@code 500ms}) in whole seconds. */
  private static long duration(AmNode node, String key, long fallback, AmReport report) {
    String text = node.text(key);
    if (text == null) {
      return fallback;
    }
    Matcher parts = DURATION.matcher(text);
    if (text.isEmpty() || !parts.matches()) {
      report.errors.add(node.path(key), "'" + text + "' is not a duration such as 30s, 5m or 4h");
      return fallback;
    }
    long[] seconds = {365L * 86400, 7L * 86400, 86400, 3600, 60, 1};
    long total = 0;
    for (int i = 0; i < seconds.length; i++) {
      if (parts.group(i + 1) != null) {
        total += Long.parseLong(parts.group(i + 1)) * seconds[i];
      }
    }
    if (parts.group(7) != null) {
      total += (Long.parseLong(parts.group(7)) + 999) / 1000;
    }
    return total;
  }
}
