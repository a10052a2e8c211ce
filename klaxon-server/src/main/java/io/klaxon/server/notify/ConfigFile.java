package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.Problems;
import io.klaxon.server.suppress.InhibitRuleBody;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.InhibitRuleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML file of {@code klaxon.notify.config-file}, applied at start-up: its receivers, routes
 * and inhibition rules replace those of the same names (the routes go first, in the file's order);
 * others are left alone. Anything invalid stops the start, naming the file and every bad field.
 */
final class ConfigFile {

  static final Actor ACTOR = Actor.of("config-file");

  private static final Logger log = LoggerFactory.getLogger(ConfigFile.class);

  /** The file's shape. */
  record Contents(
      @Nullable List<ReceiverBody> receivers,
      @Nullable List<RouteBody> routes,
      @Nullable List<InhibitRuleBody> inhibitRules) {}

  private final NotifyConfig config;
  private final InhibitRuleStore inhibitRules;
  private final ObjectMapper yaml;

  ConfigFile(NotifyConfig config, InhibitRuleStore inhibitRules) {
    this.config = config;
    this.inhibitRules = inhibitRules;
    this.yaml =
        YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
  }

  void apply(Path file) {
    Contents contents;
    try {
      contents = yaml.readValue(Files.readString(file), Contents.class);
    } catch (JacksonException e) {
      throw refused(file, Problems.jsonPath(e) + ": " + Problems.jsonReason(e));
    } catch (java.io.IOException e) {
      throw refused(file, "cannot be read: " + e.getMessage());
    }
    List<ReceiverBody> receivers =
        contents == null || contents.receivers() == null ? List.of() : contents.receivers();
    List<RouteBody> routes =
        contents == null || contents.routes() == null ? List.of() : contents.routes();
    FieldErrors errors = new FieldErrors();
    List<ReceiverBody> checked = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < receivers.size(); i++) {
      checked.add(config.checkReceiver(receivers.get(i), "receivers[" + i + "].", errors));
      names.add(receivers.get(i).name());
    }
    for (int i = 0; i < routes.size(); i++) {
      config.checkRoute(routes.get(i), "routes[" + i + "].", errors, names);
    }
    List<InhibitRuleBody> ruleBodies =
        contents == null || contents.inhibitRules() == null ? List.of() : contents.inhibitRules();
    List<InhibitRule> rules = new ArrayList<>();
    for (int i = 0; i < ruleBodies.size(); i++) {
      InhibitRuleBody body = ruleBodies.get(i);
      if (body == null) {
        errors.add("inhibitRules[" + i + "]", "must be an inhibition rule");
        continue;
      }
      InhibitRule rule = body.toRule("inhibitRules[" + i + "].", errors);
      if (rule != null && rules.stream().anyMatch(r -> r.name().equals(rule.name()))) {
        errors.add("inhibitRules[" + i + "].name", "names a rule the file already has");
      } else if (rule != null) {
        rules.add(rule);
      }
    }
    if (!errors.isEmpty()) {
      try {
        errors.throwIfAny();
      } catch (io.klaxon.problem.InvalidInput e) {
        throw refused(file, e.getMessage());
      }
    }
    checked.forEach(receiver -> config.putReceiver(receiver, ACTOR));
    routes.forEach(route -> config.putRoute(route, ACTOR));
    config.reorderRoutes(routes.stream().map(RouteBody::name).toList());
    rules.forEach(rule -> inhibitRules.put(rule, ACTOR.name()));
    log.info(
        "Notification config file {}: {} receivers, {} routes, {} inhibition rules",
        file,
        receivers.size(),
        routes.size(),
        rules.size());
  }

  private static IllegalStateException refused(Path file, String reason) {
    return new IllegalStateException(
        "klaxon.notify.config-file " + file + " is refused: " + reason);
  }
}
