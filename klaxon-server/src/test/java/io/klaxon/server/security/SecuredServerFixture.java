package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyStore;
import io.klaxon.access.KeyText;
import io.klaxon.access.Scope;
import io.klaxon.server.Api;
import io.klaxon.store.jdbc.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One secured server on SQLite for the security matrix and the hostile input tests, with an alert,
 * a server, a mapping, an unmapped market and a key to act on, so that a request let through by
 * mistake would change something.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SecuredServerFixture {

  private static TestDatabase database;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("klaxon.db.url", () -> database().jdbcUrl());
  }

  private static synchronized TestDatabase database() {
    if (database == null) {
      try {
        database = TestDatabase.sqlite(Files.createTempDirectory("klaxon-security-"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return database;
  }

  @LocalServerPort int port;
  @Autowired KeyStore keys;
  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;

  Api admin;
  long alertId;
  long mappingId;
  long unmappedId;
  String serverId;
  String victimKeyId;

  /** A key of each scope alone. */
  final Map<Scope, String> scoped = new EnumMap<>(Scope.class);

  String revokedKey;
  String expiredKey;
  String wrongSecretKey;

  @BeforeEach
  void seed() {
    admin = new Api(port);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Api.Answer alert =
        admin.post(
            "/api/alerts/events",
            """
            {"action":"trigger","dedupKey":"sec-%s","source":"sec","type":"disk","severity":"high",
             "title":"Disk","subject":{"type":"server","key":"nas","name":"NAS"}}
            """
                .formatted(tag));
    assertThat(alert.status()).as(alert.raw().body()).isEqualTo(200);
    alertId = alert.number("/results/0/alertId");
    serverId = "srv-" + tag;
    assertThat(admin.post("/api/servers", "{\"id\":\"" + serverId + "\"}").status()).isEqualTo(201);
    Api.Answer mapping = admin.post("/api/mappings", mappingBody("m-" + tag));
    assertThat(mapping.status()).as(mapping.raw().body()).isEqualTo(201);
    mappingId = mapping.number("/id");
    admin.post("/api/unmapped", "[{\"source\":\"sec\",\"externalMarketId\":\"" + tag + "\"}]");
    unmappedId = admin.get("/api/unmapped?source=sec").number("/markets/0/id");
    for (Scope scope : Scope.values()) {
      scoped.put(scope, admin.createKey(scope.word() + "-" + tag, scope.word()));
    }
    String victim = admin.createKey("victim-" + tag, "read");
    victimKeyId = KeyText.parse(victim).orElseThrow().id();
    revokedKey = admin.createKey("revoked-" + tag, "admin");
    assertThat(admin.delete("/api/keys/" + KeyText.parse(revokedKey).orElseThrow().id()).status())
        .isEqualTo(204);
    // An expired key is stored directly: the API only takes expiries in the future.
    KeyText expired = KeyText.random();
    keys.add(
        new ApiKey(
            expired.id(),
            "expired-" + tag,
            Set.of(Scope.ADMIN),
            new BcryptHasher().hash(expired.secret()),
            Instant.now().minus(Duration.ofDays(2)),
            "test",
            Instant.now().minus(Duration.ofDays(1)),
            null,
            null));
    expiredKey = expired.text();
    KeyText admins = KeyText.parse(Api.ADMIN_KEY).orElseThrow();
    wrongSecretKey = KeyText.PREFIX + admins.id() + "_" + "A".repeat(43);
  }

  static String mappingBody(String canonicalId) {
    return """
    {"canonicalId":"%s","name":"Match","sourceIds":{"sec":"%s"},
     "outcomeMapping":[{"canonical":"1","sources":{"sec":"Home"}}],"priority":1}
    """
        .formatted(canonicalId, canonicalId);
  }

  /** The endpoint's path with its variables filled with the seeded things. */
  String path(Endpoints.Endpoint endpoint) {
    String pattern = endpoint.pattern();
    // The console's pages name the same things as the API under the same words.
    String resource = pattern.startsWith("/api/") ? pattern.substring(4) : pattern;
    String id =
        resource.startsWith("/alerts/")
            ? Long.toString(alertId)
            : resource.startsWith("/servers/")
                ? serverId
                : resource.startsWith("/mappings/")
                    ? Long.toString(mappingId)
                    : resource.startsWith("/unmapped/")
                        ? Long.toString(unmappedId)
                        : resource.startsWith("/keys/") ? victimKeyId : "1";
    return pattern
        // A variable limited to some words ({change:activate|deactivate}) takes the first.
        .replaceAll("\\{[A-Za-z]+:([A-Za-z-]+)(\\|[^}]*)?}", "$1")
        .replaceAll("\\{\\*?[A-Za-z]+}", id)
        .replace("/**", "/x");
  }

  /** A body the endpoint would take, so that a request let through by mistake has an effect. */
  String body(Endpoints.Endpoint endpoint) {
    String now = Instant.now().minusSeconds(5).toString();
    return switch (endpoint.toString()) {
      case "POST /api/alerts/events" ->
          "{\"action\":\"trigger\",\"dedupKey\":\"intruder\",\"source\":\"sec\",\"type\":\"disk\","
              + "\"severity\":\"high\",\"title\":\"x\",\"subject\":{\"type\":\"server\",\"key\":\"x\",\"name\":\"x\"}}";
      case "PATCH /api/alerts/{id}" -> "{\"acknowledged\":true}";
      case "POST /api/alerts/{id}/notes" -> "{\"text\":\"intruder\"}";
      case "POST /api/alerts/bulk" -> "{\"action\":\"acknowledge\",\"ids\":[" + alertId + "]}";
      case "POST /api/signals/metrics" ->
          "[{\"server\":\""
              + serverId
              + "\",\"metric\":\"cpu\",\"value\":99,\"observedAt\":\""
              + now
              + "\"}]";
      case "POST /api/signals/heartbeats" ->
          "{\"server\":\"" + serverId + "\",\"observedAt\":\"" + now + "\"}";
      case "POST /api/v2/alerts" -> "[{\"labels\":{\"alertname\":\"Intruder\"}}]";
      case "POST /api/unmapped" -> "[{\"source\":\"sec\",\"externalMarketId\":\"intruder\"}]";
      case "POST /api/servers" -> "{\"id\":\"intruder\"}";
      case "PUT /api/servers/{id}" -> "{\"hostname\":\"intruder.lan\"}";
      case "PUT /api/settings" -> "{\"alertThresholdWarning\":3.0}";
      case "POST /api/mappings" -> mappingBody("intruder");
      case "PUT /api/mappings/{id}" -> mappingBody("intruder");
      case "POST /api/keys" -> "{\"name\":\"intruder\",\"scopes\":[\"admin\"]}";
      case "POST /api/unmapped/{id}/map" -> "{\"mappingId\":" + mappingId + "}";
      default -> "{}";
    };
  }
}
