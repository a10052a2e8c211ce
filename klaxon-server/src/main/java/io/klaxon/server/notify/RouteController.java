package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
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
              + " {timeZone, start, end, criticalOverrides}.")
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
