package io.klaxon.notify;

import io.klaxon.alert.Alert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The routes an alert takes, as Alertmanager walks its routing tree: the routes at the top are
 * tried in order and the first match ends it unless that route continues; a matching route with
 * children is replaced by the children that match (tried the same way), and taken itself only when
 * none of them does. Routes without children behave as a flat ordered list.
 */
public final class Routing {

  private Routing() {}

  /** The routes that take the alert, in order. */
  public static List<Route> matching(List<Route> routes, Alert alert) {
    return matching(routes, route -> route.match().matches(alert));
  }

  /** The routes that take a label set ({@link Match#matches(Map)}), in order. */
  public static List<Route> matching(List<Route> routes, Map<String, String> labels) {
    return matching(routes, route -> route.match().matches(labels));
  }

  private static List<Route> matching(List<Route> routes, Predicate<Route> takes) {
    Map<String, Route> byName = new HashMap<>();
    routes.forEach(route -> byName.put(route.name(), route));
    Map<String, List<Route>> children = new LinkedHashMap<>();
    List<Route> top = new ArrayList<>();
    for (Route route : routes) {
      if (route.parent() == null) {
        top.add(route);
      } else if (byName.containsKey(route.parent())) {
        children.computeIfAbsent(route.parent(), parent -> new ArrayList<>()).add(route);
      }
      // A route whose parent is gone is reached by nothing (the server refuses to make one).
    }
    return among(top, children, takes, 0);
  }

  private static List<Route> among(
      List<Route> candidates,
      Map<String, List<Route>> children,
      Predicate<Route> takes,
      int depth) {
    if (depth > children.size() + 1) {
      return List.of(); // a cycle of parents, which the server refuses; never loop on one
    }
    List<Route> matched = new ArrayList<>();
    for (Route route : candidates) {
      if (!takes.test(route)) {
        continue;
      }
      List<Route> below =
          among(children.getOrDefault(route.name(), List.of()), children, takes, depth + 1);
      matched.addAll(below.isEmpty() ? List.of(route) : below);
      if (!route.continueMatching()) {
        break;
      }
    }
    return matched;
  }

  /**
   * The route and its ancestors, from the top down to it; routes whose parent is missing end the
   * chain.
   */
  public static List<Route> path(List<Route> routes, Route route) {
    Map<String, Route> byName = new HashMap<>();
    routes.forEach(each -> byName.put(each.name(), each));
    List<Route> path = new ArrayList<>();
    Route at = route;
    while (at != null && path.size() <= routes.size()) {
      path.addFirst(at);
      at = at.parent() == null ? null : byName.get(at.parent());
    }
    return path;
  }
}
