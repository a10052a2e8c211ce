package io.klaxon.server.security;

import static io.klaxon.access.Scope.ADMIN;
import static io.klaxon.access.Scope.INGEST;
import static io.klaxon.access.Scope.OPERATE;
import static io.klaxon.access.Scope.READ;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may call what: path pattern and method to the access needed, first match
 * wins. A path no rule matches is refused to everyone, so a new endpoint must get a rule here
 * before anyone can call it (the security matrix test fails until it has one).
 */
public final class ScopeRules {

  /**
   * One row: a method (null for every method), a path pattern and the access it needs. The pattern
   * is parsed once: rules are matched on every request (the rate limit asks too).
   */
  public record Rule(
      @Nullable HttpMethod method, String pattern, Access access, PathPattern parsed) {

    Rule(@Nullable HttpMethod method, String pattern, Access access) {
      this(method, pattern, access, PathPatternParser.defaultInstance.parse(pattern));
    }

    boolean matches(String requestMethod, PathContainer path) {
      return (method == null || method.matches(requestMethod)) && parsed.matches(path);
    }
  }

  private static final HttpMethod GET = HttpMethod.GET;
  private static final HttpMethod POST = HttpMethod.POST;

  /** The rules in the order they are tried. */
  public static final List<Rule> RULES =
      List.of(
          // Open: sign-in, health, error pages, static assets and the API description.
          rule(null, "/login", Access.OPEN),
          rule(null, "/error", Access.OPEN),
          rule(GET, "/actuator/health/**", Access.OPEN),
          rule(GET, "/v3/api-docs/**", Access.OPEN),
          rule(GET, "/v3/api-docs.yaml", Access.OPEN),
          rule(GET, "/swagger-ui/**", Access.OPEN),
          rule(GET, "/swagger-ui.html", Access.OPEN),
          rule(GET, "/webjars/**", Access.OPEN),
          rule(GET, "/css/**", Access.OPEN),
          rule(GET, "/js/**", Access.OPEN),
          rule(GET, "/img/**", Access.OPEN),
          rule(GET, "/console/**", Access.OPEN),
          rule(GET, "/favicon.ico", Access.OPEN),
          // Acknowledge links: the link's signature is the credential (docs/SECURITY.md).
          rule(null, "/ack/*", Access.OPEN),
          rule(POST, "/logout", Access.SIGNED_IN),
          // Metrics for Prometheus and dashboards; the rest of the actuator is for admins.
          rule(GET, "/actuator/prometheus", Access.needs(READ)),
          rule(GET, "/actuator/info", Access.needs(READ)),
          rule(GET, "/actuator/metrics/**", Access.needs(READ)),
          rule(null, "/actuator/**", Access.needs(ADMIN)),
          // Ingest: signals, alert events, Alertmanager's API and webhook, unmapped sightings.
          rule(POST, "/api/alerts/events", Access.needs(INGEST)),
          rule(POST, "/api/signals/**", Access.needs(INGEST)),
          rule(POST, "/api/v2/alerts", Access.needs(INGEST)),
          rule(POST, "/api/integrations/alertmanager", Access.needs(INGEST)),
          rule(POST, "/api/unmapped", Access.needs(INGEST)),
          // Operate: acting on alerts.
          rule(HttpMethod.PATCH, "/api/alerts/{id}", Access.needs(OPERATE)),
          rule(POST, "/api/alerts/{id}/resolve", Access.needs(OPERATE)),
          rule(POST, "/api/alerts/{id}/dismiss", Access.needs(OPERATE)),
          rule(POST, "/api/alerts/{id}/notes", Access.needs(OPERATE)),
          rule(POST, "/api/alerts/{id}/snooze", Access.needs(OPERATE)),
          rule(POST, "/api/alerts/{id}/unsnooze", Access.needs(OPERATE)),
          rule(POST, "/api/alerts/bulk", Access.needs(OPERATE)),
          rule(POST, "/api/v2/silences", Access.needs(OPERATE)),
          rule(HttpMethod.DELETE, "/api/v2/silence/{id}", Access.needs(OPERATE)),
          rule(POST, "/api/silences/preview", Access.needs(READ)),
          rule(POST, "/api/silences", Access.needs(OPERATE)),
          rule(HttpMethod.PUT, "/api/silences/{id}", Access.needs(OPERATE)),
          rule(POST, "/api/silences/{id}/expire", Access.needs(OPERATE)),
          rule(POST, "/api/maintenance-windows/preview", Access.needs(READ)),
          rule(POST, "/api/maintenance-windows", Access.needs(OPERATE)),
          rule(HttpMethod.PUT, "/api/maintenance-windows/{id}", Access.needs(OPERATE)),
          rule(HttpMethod.DELETE, "/api/maintenance-windows/{id}", Access.needs(OPERATE)),
          rule(POST, "/api/inhibit-rules/preview", Access.needs(READ)),
          rule(POST, "/api/inhibit-rules", Access.needs(OPERATE)),
          rule(HttpMethod.PUT, "/api/inhibit-rules/{name}", Access.needs(OPERATE)),
          rule(HttpMethod.DELETE, "/api/inhibit-rules/{name}", Access.needs(OPERATE)),
          // Admin: keys, notification set-up, the lake; every method, reading too.
          rule(null, "/api/keys/**", Access.needs(ADMIN)),
          rule(null, "/api/receivers/**", Access.needs(ADMIN)),
          rule(null, "/api/routes/**", Access.needs(ADMIN)),
          rule(null, "/api/notifications/**", Access.needs(ADMIN)),
          rule(null, "/api/lake/**", Access.needs(ADMIN)),
          // Read: every other GET of the API (alerts and their notifications and stream,
          // history, subjects, servers, mappings, settings, Alertmanager queries).
          rule(GET, "/api/**", Access.needs(READ)),
          // Admin: every other change through the API (settings, mappings, servers).
          rule(null, "/api/**", Access.needs(ADMIN)),
          // The console: pages for keys that may read (as the API's data), actions as their REST
          // equivalents.
          rule(GET, "/", Access.needs(READ)),
          rule(GET, "/overview", Access.needs(READ)),
          rule(GET, "/settings", Access.needs(READ)),
          rule(GET, "/alerts/**", Access.needs(READ)),
          rule(GET, "/risk/**", Access.needs(READ)),
          rule(GET, "/servers/**", Access.needs(READ)),
          rule(GET, "/oncall", Access.needs(READ)),
          rule(GET, "/mappings/**", Access.needs(READ)),
          rule(GET, "/unmapped", Access.needs(READ)),
          rule(GET, "/silences", Access.needs(READ)),
          rule(GET, "/silences/**", Access.needs(READ)),
          rule(GET, "/maintenance", Access.needs(READ)),
          rule(null, "/alerts/**", Access.needs(OPERATE)),
          // The silence form previews and creates in one POST: creating is the stronger need.
          rule(null, "/silences", Access.needs(OPERATE)),
          rule(null, "/silences/**", Access.needs(OPERATE)),
          rule(null, "/risk/**", Access.needs(ADMIN)),
          rule(null, "/servers/**", Access.needs(ADMIN)),
          rule(null, "/mappings/**", Access.needs(ADMIN)),
          rule(null, "/unmapped/**", Access.needs(ADMIN)),
          rule(null, "/settings", Access.needs(ADMIN)),
          rule(null, "/settings/**", Access.needs(ADMIN)));

  private ScopeRules() {}

  private static Rule rule(@Nullable HttpMethod method, String pattern, Access access) {
    return new Rule(method, pattern, access);
  }

  /** The first rule for a request, or empty when none matches (refused to everyone). */
  public static Optional<Rule> ruleFor(String method, String path) {
    PathContainer parsed = PathContainer.parsePath(path); // once, not once per rule tried
    for (Rule rule : RULES) {
      if (rule.matches(method, parsed)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** Whether the request is ingest, which has a rate limit of its own. */
  static boolean isIngest(String method, String path) {
    return ruleFor(method, path)
        .map(rule -> rule.access() instanceof Access.Needs(var scope) && scope == INGEST)
        .orElse(false);
  }
}
