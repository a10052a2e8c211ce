package io.klaxon.notify;

import io.klaxon.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/** The routes an alert takes: tried in order, the first match ends it unless it continues. */
public final class Routing {

  private Routing() {}

  public static List<Route> matching(List<Route> routes, Alert alert) {
    List<Route> matched = new ArrayList<>();
    for (Route route : routes) {
      if (route.match().matches(alert)) {
        matched.add(route);
        if (!route.continueMatching()) {
          break;
        }
      }
    }
    return matched;
  }
}
