package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.notify.ConfigChange;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.Grouping;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.suppress.InhibitRuleBody;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.InhibitRuleStore;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.MatchType;
import io.klaxon.suppress.Matchers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * listed with the reason. Its time intervals become Klaxon's (routes name them to be muted or
 * active, per route) and its inhibition rules Klaxon's, marked as imported. A later import replaces
 * the routes, time intervals and imported inhibition rules of an earlier one; rules made by hand
 * stay.
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
      List<TimeIntervalBody> timeIntervals,
      List<String> removedTimeIntervals,
      List<InhibitRuleBody> inhibitRules,
      List<String> removedInhibitRules,
      List<AmReport.NotTaken> notTaken) {}

  /** The origin an imported inhibition rule is marked with. */
  static final String ORIGIN = "alertmanager";

  private static final Pattern DURATION =
      Pattern.compile(
          "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");

  private static final Comparator<LabelMatcher> ALERTMANAGER_ORDER =
      Comparator.comparing(LabelMatcher::name)
          .thenComparing(LabelMatcher::value)
          .thenComparing(LabelMatcher::type);

  private final NotifyConfig config;
  private final InhibitRuleStore inhibitRules;
  private final ObjectMapper json;
  private final ObjectMapper yaml = YAMLMapper.builder().build();

  AlertmanagerImport(NotifyConfig config, InhibitRuleStore inhibitRules, ObjectMapper json) {
    this.config = config;
    this.inhibitRules = inhibitRules;
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

    AmTimeIntervals.Read intervals = AmTimeIntervals.read(root, report);
    List<InhibitRule> rules = AmInhibitRules.read(root, report);
    AmInhibitRules.refuseReplacing(rules, inhibitRules.namesFrom("api"), report);

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
    root.skip("tracing", "Klaxon's tracing is not configured here");
    root.rest();

    List<String> routeNames = routes.stream().map(RouteBody::name).toList();
    for (RouteBody body : routes) {
      String path = paths.getOrDefault(body.name(), "route") + ".";
      config.checkRoute(
          body, path, report.errors, receiverNames, routeNames, intervals.intervals());
    }
    List<String> removedIntervals = AmTimeIntervals.removed(config.current(), intervals, report);
    report.errors.throwIfAny();
    List<String> ruleNames = rules.stream().map(InhibitRule::name).toList();
    List<String> removedRules =
        inhibitRules.namesFrom(ORIGIN).stream().filter(name -> !ruleNames.contains(name)).toList();

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
            new ConfigChange.Put(
                ConfigKind.RECEIVER,
                Objects.requireNonNull(body.name()), // the import names every body it makes
                json.writeValueAsString(body)));
      }
      intervals
          .bodies()
          .forEach(
              (name, body) ->
                  changes.add(
                      new ConfigChange.Put(
                          ConfigKind.TIME_INTERVAL, name, json.writeValueAsString(body))));
      removed.forEach(name -> changes.add(new ConfigChange.Delete(ConfigKind.ROUTE, name)));
      for (RouteBody body : routes) {
        changes.add(
            new ConfigChange.Put(
                ConfigKind.ROUTE,
                Objects.requireNonNull(body.name()), // the import names every body it makes
                json.writeValueAsString(body)));
      }
      changes.add(new ConfigChange.Order(ConfigKind.ROUTE, routeNames));
      // Routes that named them are gone or replaced by now.
      removedIntervals.forEach(
          name -> changes.add(new ConfigChange.Delete(ConfigKind.TIME_INTERVAL, name)));
      removedRules.forEach(name -> changes.add(new ConfigChange.DeleteInhibitRule(name)));
      rules.forEach(rule -> changes.add(new ConfigChange.PutInhibitRule(rule, ORIGIN)));
      config.apply(changes, actor);
    }
    return new Result(
        dryRun,
        receiverBodies.stream().map(ReceiverBody::masked).toList(),
        routes,
        removed,
        List.copyOf(intervals.bodies().values()),
        removedIntervals,
        rules.stream().map(InhibitRuleBody::of).toList(),
        removedRules,
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
    List<String> mute = intervalNames(node, "mute_time_intervals");
    List<String> active = intervalNames(node, "active_time_intervals");
    if (root && !mute.isEmpty()) {
      report.errors.add(node.path("mute_time_intervals"), "the root route cannot be muted");
    }
    if (root && !active.isEmpty()) {
      report.errors.add(
          node.path("active_time_intervals"), "the root route cannot have active intervals");
    }

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
            receiver == null ? "" : receiver,
            null,
            mute.isEmpty() ? null : mute,
            active.isEmpty() ? null : active);
    paths.put(name, node.path().isEmpty() ? "route" : node.path());
    out.add(body);

    Inherited passed = new Inherited(receiver, groupBy, groupWait, groupInterval, repeat);
    List<AmNode> children = node.objects("routes");
    for (int i = 0; i < children.size(); i++) {
      convertRoute(children.get(i), name + "." + i, name, passed, receivers, report, out, paths);
    }
    node.rest();
  }

  /** The Klaxon names of the intervals a route names (not inherited: each route has its own). */
  private static List<String> intervalNames(AmNode node, String key) {
    List<String> names = node.texts(key);
    return names == null ? List.of() : names.stream().map(AmReceivers::klaxonName).toList();
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
