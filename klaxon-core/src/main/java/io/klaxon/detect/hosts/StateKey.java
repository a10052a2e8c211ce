package io.klaxon.detect.hosts;

/**
 * Which alert state: one per server and metric, one per server for offline, one per server and
 * service for services.
 *
 * @param service the service's name for {@link HostCheck#SERVICE_DOWN}, empty for the others
 */
public record StateKey(String server, HostCheck check, String service) {

  public StateKey {
    if ((check == HostCheck.SERVICE_DOWN) == service.isEmpty()) {
      throw new IllegalArgumentException(
          "a service state names its service, and only a service state does: " + check);
    }
  }

  public static StateKey metric(String server, Metric metric) {
    return new StateKey(server, metric.check(), "");
  }

  public static StateKey offline(String server) {
    return new StateKey(server, HostCheck.OFFLINE, "");
  }

  public static StateKey service(String server, String service) {
    return new StateKey(server, HostCheck.SERVICE_DOWN, service);
  }
}
