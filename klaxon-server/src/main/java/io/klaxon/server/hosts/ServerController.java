package io.klaxon.server.hosts;

import io.klaxon.access.Actor;
import io.klaxon.alert.AlertQuery;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.Server;
import io.klaxon.detect.hosts.StateKey;
import io.klaxon.problem.NotFound;
import io.klaxon.server.alert.AlertList;
import io.klaxon.server.alert.AlertQueryParser;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import io.klaxon.store.AlertStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registers, lists, describes and deletes servers; reads their alerts and alert states. */
@RestController
@RequestMapping("/api/servers")
@Tag(name = "hosts")
class ServerController {

  private final HostMonitor monitor;
  private final AlertStore alerts;

  ServerController(HostMonitor monitor, AlertStore alerts) {
    this.alerts = alerts;
    this.monitor = monitor;
  }

  @GetMapping
  @Operation(summary = "List servers by id, paged with limit and offset")
  ServerView.Page list(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, List.of("limit", "offset"));
    int limit = read.limit();
    long offset = read.offset();
    errors.throwIfAny();
    List<Server> all = monitor.servers();
    List<ServerView> page = all.stream().skip(offset).limit(limit).map(this::view).toList();
    return new ServerView.Page(page, all.size(), limit, offset);
  }

  @PostMapping
  @Operation(summary = "Register a server; 409 when the id is taken")
  ResponseEntity<ServerView> register(@RequestBody ServerRequest body) {
    FieldErrors faults = new FieldErrors();
    faults.require("id", body.id());
    List<String> tags = body.tags(faults);
    faults.throwIfAny();
    Server server =
        monitor.register(
            Objects.requireNonNull(body.id()), body.hostname(), body.displayName(), tags);
    return ResponseEntity.created(URI.create("/api/servers/" + server.id())).body(view(server));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one server")
  ServerView get(@PathVariable String id) {
    return view(require(id));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Rewrite a server's hostname, display name and tags")
  ServerView describe(@PathVariable String id, @RequestBody ServerRequest body) {
    FieldErrors faults = new FieldErrors();
    if (body.id() != null && !body.id().equals(id)) {
      faults.add("id", "the path names the server: leave the id out, or repeat it");
    }
    List<String> tags = body.tags(faults);
    faults.throwIfAny();
    return view(monitor.describe(id, body.hostname(), body.displayName(), tags));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a server with its alerts, their history and its alert states")
  ResponseEntity<Void> delete(@PathVariable String id, Actor actor) {
    monitor.delete(id, actor);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/states")
  @Operation(summary = "A server's alert states: metrics, offline, then services by name")
  List<StateView> states(@PathVariable String id) {
    return monitor.states(id).stream().map(StateView::of).toList();
  }

  @GetMapping("/{id}/alerts")
  @Operation(
      summary = "A server's alerts, with the filters of GET /api/alerts",
      description =
          "The same answer as GET /api/subjects/server/{id}/alerts, and 404 for an unknown server.")
  AlertList alerts(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    Server server = require(id);
    AlertQuery query = AlertQueryParser.parse(params).withSubject(Server.SUBJECT_TYPE, server.id());
    return AlertList.of(alerts.find(query), query);
  }

  private Server require(String id) {
    return monitor.server(id).orElseThrow(() -> new NotFound("server", id));
  }

  private ServerView view(Server server) {
    return ServerView.of(server, monitor.state(StateKey.offline(server.id())));
  }
}
