package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Scope;
import io.klaxon.server.Api;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the server (from Spring's handler mapping) against every kind of caller: no
 * key, a malformed key, a wrong secret, a revoked key, an expired key, and a key of each scope.
 * Refusals are 401 or 403 exactly where the scope rules say, and change nothing.
 */
class SecurityMatrixTest extends SecuredServerFixture {

  /** API paths open to anyone on purpose; docs/SECURITY.md says so. */
  private static final Set<String> OPEN_BY_DESIGN =
      Set.of(
          "/login",
          "/error",
          "/v3/api-docs",
          "/v3/api-docs.yaml",
          "/v3/api-docs/swagger-config",
          "/swagger-ui.html",
          "/actuator/health",
          "/actuator/health/**",
          "/ack/{token}");

  private Endpoints endpoints() {
    return Endpoints.of(handlerMapping);
  }

  @Test
  void everyEndpointHasAScopeRuleAndNoApiEndpointIsOpenByAccident() {
    List<Endpoints.Endpoint> all = endpoints().all();
    assertThat(all).extracting(Endpoints.Endpoint::pattern).contains("/api/alerts", "/api/keys");
    SoftAssertions softly = new SoftAssertions();
    for (Endpoints.Endpoint endpoint : all) {
      var rule = ScopeRules.ruleFor(endpoint.method(), path(endpoint));
      softly.assertThat(rule).as("a scope rule for %s", endpoint).isPresent();
      if (rule.isPresent() && rule.get().access() instanceof Access.Open) {
        softly
            .assertThat(OPEN_BY_DESIGN)
            .as("%s is open to anyone", endpoint)
            .contains(endpoint.pattern());
      }
    }
    softly.assertAll();
  }

  @Test
  void refusedCallersGet401Or403ExactlyWhereTheRulesSayAndChangeNothing() {
    Map<String, @Nullable String> unauthenticated = new LinkedHashMap<>();
    unauthenticated.put("no key", null);
    unauthenticated.put("malformed key", "not-a-klaxon-key");
    unauthenticated.put("wrong secret", wrongSecretKey);
    unauthenticated.put("revoked key", revokedKey);
    unauthenticated.put("expired key", expiredKey);
    String before = DatabaseSnapshot.of(dataSource);
    SoftAssertions softly = new SoftAssertions();
    int refusals = 0;
    for (Endpoints.Endpoint endpoint : endpoints().all()) {
      Access access = access(endpoint);
      if (access instanceof Access.Open) {
        continue;
      }
      for (Map.Entry<String, @Nullable String> caller : unauthenticated.entrySet()) {
        Api.Answer answer = send(endpoint, caller.getValue());
        softly
            .assertThat(answer.status())
            .as("%s with %s", endpoint, caller.getKey())
            .isEqualTo(401);
        softly
            .assertThat(answer.contentType())
            .as("%s with %s", endpoint, caller.getKey())
            .contains("application/problem+json");
        softly
            .assertThat(answer.text("/instance"))
            .as("%s with %s", endpoint, caller.getKey())
            .isEqualTo(path(endpoint).replaceFirst("\\?.*", ""));
        refusals++;
      }
      if (access instanceof Access.Needs(Scope needed)) {
        for (Scope held : Scope.values()) {
          if (!needed.grantedBy(Set.of(held))) {
            Api.Answer answer = send(endpoint, scoped.get(held));
            softly
                .assertThat(answer.status())
                .as("%s with a %s key", endpoint, held.word())
                .isEqualTo(403);
            softly
                .assertThat(answer.text("/detail"))
                .as("%s with a %s key", endpoint, held.word())
                .contains(needed.word());
            softly
                .assertThat(answer.text("/instance"))
                .as("%s with a %s key", endpoint, held.word())
                .isEqualTo(path(endpoint).replaceFirst("\\?.*", ""));
            refusals++;
          }
        }
      }
    }
    softly.assertAll();
    assertThat(refusals).as("refusals tried").isGreaterThan(200);
    assertThat(DatabaseSnapshot.of(dataSource))
        .as("what the database holds after every refusal")
        .isEqualTo(before);
  }

  @Test
  void callersWithTheScopeAreLetThrough() {
    SoftAssertions softly = new SoftAssertions();
    List<String> tried = new ArrayList<>();
    for (Endpoints.Endpoint endpoint : endpoints().all()) {
      Access access = access(endpoint);
      if (endpoint.streams() || access instanceof Access.Open) {
        continue;
      }
      for (Scope held : Scope.values()) {
        boolean allowed =
            !(access instanceof Access.Needs(Scope needed)) || needed.grantedBy(Set.of(held));
        if (allowed && !(endpoint.method().equals("DELETE") && held == Scope.ADMIN)) {
          Api.Answer answer = send(endpoint, scoped.get(held));
          softly
              .assertThat(answer.status())
              .as("%s with a %s key: %s", endpoint, held.word(), answer.raw().body())
              .isNotIn(401, 403);
          tried.add(endpoint + " " + held);
        }
      }
    }
    softly.assertAll();
    assertThat(tried).hasSizeGreaterThan(50);
  }

  @Test
  void openEndpointsAnswerWithoutAKey() {
    Api anonymous = admin.anonymous();
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    assertThat(anonymous.get("/login").status()).isEqualTo(200);
    assertThat(anonymous.get("/css/login.css").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(new Api(port, scoped.get(Scope.READ)).get("/actuator/prometheus").status())
        .isEqualTo(200);
  }

  @Test
  void consolePagesShowAlertsOnlyToKeysThatMayReadThem() {
    for (String page : java.util.List.of("/", "/overview", "/risk", "/unmapped")) {
      assertThat(new Api(port, scoped.get(Scope.INGEST)).get(page).status())
          .as(page)
          .isEqualTo(403);
      assertThat(new Api(port, scoped.get(Scope.READ)).get(page).status()).as(page).isEqualTo(200);
    }
  }

  /** What the rules ask of the endpoint; one without a rule is open to no one. */
  private Access access(Endpoints.Endpoint endpoint) {
    return ScopeRules.ruleFor(endpoint.method(), path(endpoint))
        .map(ScopeRules.Rule::access)
        .orElse(Access.needs(Scope.ADMIN));
  }

  private Api.Answer send(Endpoints.Endpoint endpoint, @Nullable String key) {
    Api api = new Api(port, key);
    HttpRequest.Builder request = api.request(path(endpoint)).timeout(Duration.ofSeconds(20));
    if (endpoint.writes()) {
      request.header("Content-Type", "application/json");
      request.method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body(endpoint)));
    } else {
      request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
    }
    return api.send(request);
  }
}
