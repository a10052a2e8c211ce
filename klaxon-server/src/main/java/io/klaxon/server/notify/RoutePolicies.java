package io.klaxon.server.notify;

import io.klaxon.alert.Alert;
import io.klaxon.notify.Route;
import io.klaxon.notify.Routing;
import java.util.ArrayList;
import java.util.List;

/** The escalation policies that routes start: for escalation, which reads routes only here. */
public final class RoutePolicies {

  /** A route that matched an alert and the policy it names. */
  public record Started(String route, String policy) {}

  private final NotifyConfig config;

  RoutePolicies(NotifyConfig config) {
    this.config = config;
  }

  /** The policies of the routes in force that match the alert, in route order. */
  public List<Started> matching(Alert alert) {
    NotifyConfig.Snapshot snapshot = config.current();
    List<Started> started = new ArrayList<>();
    for (Route route : Routing.matching(snapshot.routes(), alert)) {
      RouteBody body = snapshot.routeBodies().get(route.name());
      if (body != null && body.policy() != null) {
        started.add(new Started(route.name(), body.policy()));
      }
    }
    return started;
  }

  /** Whether any route in force starts a policy: while none does, no alert starts one. */
  public boolean anyPolicy() {
    for (RouteBody body : config.current().routeBodies().values()) {
      if (body.policy() != null) {
        return true;
      }
    }
    return false;
  }

  /** The routes that name the policy. */
  public List<String> routesNaming(String policy) {
    return config.routesStarting(policy);
  }
}
