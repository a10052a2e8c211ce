package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.notify.ConfigChange;
import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NotificationStore;
import io.klaxon.notify.Receiver;
import io.klaxon.notify.Route;
import io.klaxon.notify.TimeInterval;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The receivers and routes in force: kept in the store as the documents they were given as, held in
 * memory as checked core values, and replaced as a whole after every change. Changes are
 * serialised, so that a route never names a receiver that is gone.
 */
final class NotifyConfig {

  private static final Logger log = LoggerFactory.getLogger(NotifyConfig.class);

  /** The configuration at one moment. */
  record Snapshot(
      Map<String, ReceiverBody> receiverBodies,
      Map<String, Receiver> receivers,
      Map<String, RouteBody> routeBodies,
      List<Route> routes,
      Map<String, TimeIntervalBody> intervalBodies,
      Map<String, TimeInterval> intervals) {

    Map<String, Route> routesByName() {
      Map<String, Route> byName = new LinkedHashMap<>();
      routes.forEach(route -> byName.put(route.name(), route));
      return byName;
    }
  }

  private final NotificationStore store;
  private final ObjectMapper json;
  private final TargetGuard guard;
  private final InstantSource clock;
  private volatile Snapshot current =
      new Snapshot(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), Map.of());

  NotifyConfig(NotificationStore store, ObjectMapper json, TargetGuard guard, InstantSource clock) {
    this.store = store;
    this.json = json;
    this.guard = guard;
    this.clock = clock;
    reload();
  }

  Snapshot current() {
    return current;
  }

  Optional<Receiver> receiver(String name) {
    return Optional.ofNullable(current.receivers().get(name));
  }

  /** Checks a receiver as the API or the file gives it; secrets sent back masked are kept. */
  ReceiverBody checkReceiver(ReceiverBody given, String prefix, FieldErrors errors) {
    // A body without a name is refused by toReceiver below; it has no stored secrets to keep.
    ReceiverBody stored = given.name() == null ? null : current.receiverBodies().get(given.name());
    ReceiverBody body = given.keepingSecretsOf(stored);
    FieldErrors own = new FieldErrors();
    Receiver receiver = body.toReceiver(own);
    if (receiver != null) {
      own.attempt(
          "",
          () -> {
            guard.check(receiver);
            return receiver;
          });
    }
    errors.attempt(
        prefix,
        () -> {
          own.throwIfAny();
          return Boolean.TRUE;
        });
    return body;
  }

  /** Checks a route, and that each receiver it names exists (or is among {@code coming}). */
  void checkRoute(RouteBody body, String prefix, FieldErrors errors, List<String> coming) {
    checkRoute(body, prefix, errors, coming, List.of());
  }

  /**
   * Checks a route, that each receiver it names exists (or is among {@code coming}), and that its
   * parent exists (or is among {@code comingRoutes}) without making a cycle.
   */
  void checkRoute(
      RouteBody body,
      String prefix,
      FieldErrors errors,
      List<String> coming,
      List<String> comingRoutes) {
    checkRoute(body, prefix, errors, coming, comingRoutes, current.intervals());
  }

  /**
   * Checks a route as {@link #checkRoute(RouteBody, String, FieldErrors, List, List)} does, with
   * the time intervals it may name (those an import brings instead of the stored ones).
   */
  void checkRoute(
      RouteBody body,
      String prefix,
      FieldErrors errors,
      List<String> coming,
      List<String> comingRoutes,
      Map<String, TimeInterval> intervals) {
    FieldErrors own = new FieldErrors();
    body.toRoute(own, intervals);
    if (body.parent() != null) {
      if (!current.routeBodies().containsKey(body.parent())
          && !comingRoutes.contains(body.parent())) {
        own.add("parent", "no route is named '" + body.parent() + "'");
      } else if (comingRoutes.isEmpty() && body.name() != null) {
        String at = body.parent();
        for (int steps = 0; at != null && steps <= current.routeBodies().size(); steps++) {
          if (at.equals(body.name())) {
            own.add("parent", "'" + body.parent() + "' is below this route: a cycle");
            break;
          }
          RouteBody above = current.routeBodies().get(at);
          at = above == null ? null : above.parent();
        }
      }
    }
    List<String> names = body.receivers() == null ? List.of() : body.receivers();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!current.receivers().containsKey(name) && !coming.contains(name)) {
        own.add("receivers[" + i + "]", "no receiver is named '" + name + "'");
      }
    }
    if (body.policy() != null
        && store.documents(ConfigKind.POLICY).stream()
            .noneMatch(document -> document.name().equals(body.policy()))) {
      own.add("policy", "no escalation policy is named '" + body.policy() + "'");
    }
    errors.attempt(
        prefix,
        () -> {
          own.throwIfAny();
          return Boolean.TRUE;
        });
  }

  synchronized void putReceiver(ReceiverBody body, Actor actor) {
    store.putDocument(
        ConfigKind.RECEIVER,
        name(body.name()),
        json.writeValueAsString(body),
        actor,
        clock.instant());
    reload();
  }

  synchronized void putRoute(RouteBody body, Actor actor) {
    store.putDocument(
        ConfigKind.ROUTE, name(body.name()), json.writeValueAsString(body), actor, clock.instant());
    reload();
  }

  /**
   * @throws NotFound when there is no such receiver
   * @throws Conflict when a route still sends to it
   */
  synchronized void deleteReceiver(String name) {
    if (!current.receiverBodies().containsKey(name)) {
      throw new NotFound("receiver", name);
    }
    List<String> users = new ArrayList<>();
    current.routes().stream()
        .filter(r -> r.receivers().contains(name))
        .forEach(r -> users.add(r.name()));
    if (!users.isEmpty()) {
      throw new Conflict(
          "name", "receiver " + name + " is used by the routes " + users + "; change them first");
    }
    List<String> people = new ArrayList<>();
    for (ConfigDocument person : store.documents(ConfigKind.PERSON)) {
      // A person's contacts are receiver names (docs/ONCALL.md); read without the on-call types.
      for (tools.jackson.databind.JsonNode contact :
          json.readTree(person.json()).path("contacts")) {
        if (contact.asString().equals(name)) {
          people.add(person.name());
        }
      }
    }
    if (!people.isEmpty()) {
      throw new Conflict(
          "name", "receiver " + name + " reaches the people " + people + "; change them first");
    }
    List<String> policies = PolicyUsers.of(store, json, "receiver:" + name);
    if (!policies.isEmpty()) {
      throw new Conflict(
          "name",
          "receiver " + name + " is used by the escalation policies " + policies + "; change them");
    }
    store.deleteDocument(ConfigKind.RECEIVER, name);
    reload();
  }

  /** The routes that start the escalation policy, by name. */
  List<String> routesStarting(String policy) {
    return current.routeBodies().values().stream()
        .filter(body -> policy.equals(body.policy()))
        .map(body -> name(body.name()))
        .toList();
  }

  synchronized void deleteRoute(String name) {
    List<String> children =
        current.routeBodies().values().stream()
            .filter(body -> name.equals(body.parent()))
            .map(body -> name(body.name()))
            .toList();
    if (!children.isEmpty()) {
      throw new Conflict(
          "name", "route " + name + " is the parent of the routes " + children + "; change them");
    }
    if (!store.deleteDocument(ConfigKind.ROUTE, name)) {
      throw new NotFound("route", name);
    }
    reload();
  }

  synchronized void reorderRoutes(List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (!current.routeBodies().containsKey(names.get(i))) {
        throw new InvalidInput("names[" + i + "]", "no route is named '" + names.get(i) + "'");
      }
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new InvalidInput("names", "names a route twice");
    }
    store.reorder(ConfigKind.ROUTE, names);
    reload();
  }

  /**
   * Applies configuration changes in one transaction (all or none) and reads the result. The caller
   * has checked every document.
   */
  synchronized void apply(List<ConfigChange> changes, Actor actor) {
    store.apply(changes, actor, clock.instant());
    reload();
  }

  /** Reads everything from the store again. A document that no longer reads is left out. */
  synchronized void reload() {
    Map<String, ReceiverBody> receiverBodies = new LinkedHashMap<>();
    Map<String, Receiver> receivers = new LinkedHashMap<>();
    for (ConfigDocument document : store.documents(ConfigKind.RECEIVER)) {
      ReceiverBody body = read(document, ReceiverBody.class);
      FieldErrors errors = new FieldErrors();
      Receiver receiver = body == null ? null : body.toReceiver(errors);
      if (receiver == null) {
        log.warn("Receiver {} is stored but not valid; it is ignored", document.name());
        continue;
      }
      receiverBodies.put(receiver.name(), body);
      receivers.put(receiver.name(), receiver);
    }
    Map<String, TimeIntervalBody> intervalBodies = new LinkedHashMap<>();
    Map<String, TimeInterval> intervals = new LinkedHashMap<>();
    for (ConfigDocument document : store.documents(ConfigKind.TIME_INTERVAL)) {
      TimeIntervalBody body = read(document, TimeIntervalBody.class);
      TimeInterval interval = body == null ? null : body.toInterval("", new FieldErrors());
      if (interval == null) {
        log.warn("Time interval {} is stored but not valid; it is ignored", document.name());
        continue;
      }
      intervalBodies.put(interval.name(), body);
      intervals.put(interval.name(), interval);
    }
    Map<String, RouteBody> routeBodies = new LinkedHashMap<>();
    List<Route> routes = new ArrayList<>();
    for (ConfigDocument document : store.documents(ConfigKind.ROUTE)) {
      RouteBody body = read(document, RouteBody.class);
      Route route = body == null ? null : body.toRoute(new FieldErrors(), intervals);
      if (route == null) {
        log.warn("Route {} is stored but not valid; it is ignored", document.name());
        continue;
      }
      routeBodies.put(route.name(), body);
      routes.add(route);
    }
    current =
        new Snapshot(
            Map.copyOf(receiverBodies),
            Map.copyOf(receivers),
            routeBodies,
            List.copyOf(routes),
            intervalBodies,
            Map.copyOf(intervals));
  }

  private <T> @Nullable T read(ConfigDocument document, Class<T> type) {
    try {
      return json.readValue(document.json(), type);
    } catch (JacksonException e) {
      log.warn(
          "Stored {} {} does not read: {}",
          document.kind().word(),
          document.name(),
          e.getOriginalMessage());
      return null;
    }
  }

  private static String name(@Nullable String name) {
    if (name == null) {
      throw new IllegalStateException("a checked document has a name");
    }
    return name;
  }
}
