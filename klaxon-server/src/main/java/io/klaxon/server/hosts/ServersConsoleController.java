package io.klaxon.server.hosts;

import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.detect.hosts.Server;
import io.klaxon.detect.hosts.StateKey;
import io.klaxon.problem.NotFound;
import io.klaxon.server.alert.AlertRow;
import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.When;
import io.klaxon.store.AlertStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/** Monitored servers (seed 002): status, alert states and alerts, from the host monitor. */
@Controller
@ConsolePage
class ServersConsoleController {

  private static final int PAGE = 100;

  /** A server as the list shows it. */
  public record ServerRow(
      String id,
      String name,
      String hostname,
      List<String> tags,
      String status,
      @Nullable When lastHeartbeat,
      long alerting,
      @Nullable String worst) {}

  /** One alert state of a server. */
  public record StateRow(
      String check,
      @Nullable String service,
      String level,
      @Nullable Double lastValue,
      int breaches,
      @Nullable String severity,
      @Nullable Long alertId,
      @Nullable When lastSignal) {}

  private final HostMonitor monitor;
  private final AlertStore alerts;
  private final InstantSource clock;
  private final MetricHistory history;
  private final ObjectMapper json;

  ServersConsoleController(
      HostMonitor monitor,
      AlertStore alerts,
      InstantSource clock,
      MetricHistory history,
      ObjectMapper json) {
    this.history = history;
    this.json = json;
    this.monitor = monitor;
    this.alerts = alerts;
    this.clock = clock;
  }

  @GetMapping("/servers")
  String list(@RequestParam(name = "offset", defaultValue = "0") long offset, Model model) {
    Instant now = clock.instant();
    List<Server> all = monitor.servers();
    long from = Math.max(0, offset);
    List<ServerRow> rows = all.stream().skip(from).limit(PAGE).map(s -> row(s, now)).toList();
    model.addAttribute("servers", rows);
    model.addAttribute("total", all.size());
    model.addAttribute("previousOffset", from > 0 ? Math.max(0, from - PAGE) : null);
    model.addAttribute("nextOffset", from + PAGE < all.size() ? from + PAGE : null);
    return "console/servers";
  }

  @GetMapping("/servers/{id}")
  String server(@PathVariable String id, Model model) {
    Instant now = clock.instant();
    Server server = monitor.server(id).orElseThrow(() -> new NotFound("server", id));
    model.addAttribute("server", row(server, now));
    model.addAttribute(
        "states",
        monitor.states(id).stream()
            .map(
                s ->
                    new StateRow(
                        s.key().check().word(),
                        s.key().service().isEmpty() ? null : s.key().service(),
                        s.level().word(),
                        s.lastValue(),
                        s.consecutiveBreaches(),
                        s.alertSeverity() == null ? null : s.alertSeverity().word(),
                        s.activeAlertId(),
                        When.of(s.lastSignalAt(), now)))
            .toList());
    AlertQuery query =
        AlertQuery.all()
            .withSubject(Server.SUBJECT_TYPE, server.id())
            .withPage(AlertSort.DETECTED_AT_DESC, PAGE, 0);
    var page = alerts.find(query);
    model.addAttribute("rows", page.alerts().stream().map(a -> AlertRow.of(a, now)).toList());
    model.addAttribute("alertTotal", page.total());
    model.addAttribute(
        "charts",
        MetricCharts.of(server.id(), history, monitor.settings(), page.alerts(), now, json));
    return "console/server";
  }

  private ServerRow row(Server server, Instant now) {
    Optional<AlertState> offline = monitor.state(StateKey.offline(server.id()));
    String status = ServerView.status(offline);
    List<AlertState> states = monitor.states(server.id());
    long alerting = states.stream().filter(s -> s.activeAlertId() != null).count();
    String worst =
        states.stream()
            .filter(s -> s.alertSeverity() != null)
            .map(AlertState::alertSeverity)
            .max(Enum::compareTo)
            .map(s -> s.word())
            .orElse(null);
    return new ServerRow(
        server.id(),
        server.displayName(),
        server.hostname(),
        server.tags(),
        status,
        offline.map(s -> When.of(s.lastSignalAt(), now)).orElse(null),
        alerting,
        worst);
  }
}
