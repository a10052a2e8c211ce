package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.notify.Route;
import io.klaxon.notify.Routing;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Routes: ordered rules of which alert changes notify which receivers. */
@RestController
@Tag(name = "notifications")
class RouteController {

  private final NotifyConfig config;
  private final ObjectMapper json;

  RouteController(NotifyConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  /** A new order of routes: those named go first, in this order. */
  record RouteOrder(@Nullable List<String> names) {}

  /** The labels of an alert to route. */
  record RouteTest(@Nullable Map<String, String> labels) {}

  /**
   * Where a label set goes: {@code receivers} as {@code amtool config routes test} names them (a
   * route's Alertmanager receiver where it has one, else each of its receivers), and each route
   * taken.
   */
  record RouteTestAnswer(
      Map<String, String> labels, List<String> receivers, List<TakenRoute> routes) {}

  /** A route taken, its path from the top, its receivers and the alert's group in it. */
  record TakenRoute(
      String route,
      List<String> path,
      List<String> receivers,
      @Nullable String alertmanagerReceiver,
      Map<String, String> groupLabels,
      String groupKey) {}

  @GetMapping("/api/routes")
  @Operation(summary = "Every route, in the order they are tried")
  List<RouteBody> list(@RequestParam MultiValueMap<String, String> params) {
    NoParams.check(params);
    return List.copyOf(config.current().routeBodies().values());
  }

  @GetMapping("/api/routes/{name}")
  @Operation(summary = "One route")
  RouteBody get(@PathVariable String name) {
    RouteBody body = config.current().routeBodies().get(name);
    if (body == null) {
      throw new NotFound("route", name);
    }
    return body;
  }

  @PostMapping("/api/routes")
  @Operation(
      summary = "Add a route after the others",
      description =
          "match {severity (at least), type, source, subjectType, attributes}, receivers,"
              + " notifyOn (opened, escalated, acknowledged, resolved, expired), continue, groupBy,"
              + " groupWaitSeconds, groupIntervalSeconds, repeatIntervalSeconds, quietHours"
              + " {timeZone, start, end, criticalOverrides}, muteTimeIntervals and"
              + " activeTimeIntervals (names from GET /api/time-intervals).")
  ResponseEntity<RouteBody> create(@RequestBody JsonNode body, Actor actor) {
    RouteBody route = read(body, null);
    if (config.current().routeBodies().containsKey(route.name())) {
      throw new Conflict(
          "name",
          "a route named "
              + route.name()
              + " exists; PUT /api/routes/"
              + route.name()
              + " replaces it");
    }
    config.putRoute(route, actor);
    return ResponseEntity.created(URI.create("/api/routes/" + route.name())).body(route);
  }

  @PostMapping("/api/routes/test")
  @Operation(
      summary = "Which routes and receivers an alert with these labels reaches",
      description =
          "Body {labels: {name: value}}. Label matchers see the labels as given; a route's other"
              + " conditions read the labels severity, type, source, subjectType and attribute"
              + " names. Answers the receivers in order (as amtool config routes test prints them)"
              + " and each route taken with Alertmanager's group key. Changes nothing.")
  RouteTestAnswer test(@RequestBody JsonNode body) {
    FieldErrors errors = new FieldErrors();
    RouteTest request = errors.read(json, body, RouteTest.class, "");
    errors.throwIfAny();
    if (request == null || request.labels() == null) {
      throw new InvalidInput("labels", "is required: the alert's labels, {\"name\": \"value\"}");
    }
    // Alertmanager drops labels with an empty value before routing.
    Map<String, String> labels = new TreeMap<>();
    request
        .labels()
        .forEach(
            (name, value) -> {
              if (value != null && !value.isEmpty()) {
                labels.put(name, value);
              }
            });
    NotifyConfig.Snapshot snapshot = config.current();
    List<Route> routes = snapshot.routes();
    List<String> receivers = new ArrayList<>();
    List<TakenRoute> taken = new ArrayList<>();
    for (Route route : Routing.matching(routes, labels)) {
      RouteBody routeBody = snapshot.routeBodies().get(route.name());
      String alertmanagerReceiver = routeBody == null ? null : routeBody.alertmanagerReceiver();
      if (alertmanagerReceiver != null) {
        receivers.add(alertmanagerReceiver);
      } else {
        receivers.addAll(route.receivers());
      }
      Map<String, String> groupLabels = route.grouping().labels(labels);
      taken.add(
          new TakenRoute(
              route.name(),
              Routing.path(routes, route).stream().map(Route::name).toList(),
              route.receivers(),
              alertmanagerReceiver,
              groupLabels,
              GroupKeys.of(routes, route, groupLabels)));
    }
    return new RouteTestAnswer(labels, receivers, taken);
  }

  @PutMapping("/api/routes/{name}")
  @Operation(summary = "Add or replace a route; a replaced route keeps its place")
  RouteBody put(@PathVariable String name, @RequestBody JsonNode body, Actor actor) {
    RouteBody route = read(body, name);
    config.putRoute(route, actor);
    return route;
  }

  @PutMapping("/api/routes/order")
  @Operation(summary = "Reorder the routes: the named ones first, in the order given")
  List<RouteBody> reorder(@RequestBody RouteOrder order) {
    if (order.names() == null) {
      throw new InvalidInput("names", "is required: the route names in their new order");
    }
    config.reorderRoutes(order.names());
    return List.copyOf(config.current().routeBodies().values());
  }

  @DeleteMapping("/api/routes/{name}")
  @Operation(summary = "Remove a route")
  ResponseEntity<Void> delete(@PathVariable String name) {
    config.deleteRoute(name);
    return ResponseEntity.noContent().build();
  }

  private RouteBody read(JsonNode node, @Nullable String pathName) {
    FieldErrors errors = new FieldErrors();
    RouteBody body = errors.read(json, node, RouteBody.class, "");
    errors.throwIfAny();
    Objects.requireNonNull(body); // throwIfAny() threw for a body it could not read
    if (pathName != null) {
      if (body.name() != null && !body.name().equals(pathName)) {
        throw new InvalidInput(
            "name", "must be the name in the path, " + pathName + ", or left out");
      }
      body = body.named(pathName);
    }
    config.checkRoute(body, "", errors, List.of());
    errors.throwIfAny();
    return body;
  }
}
