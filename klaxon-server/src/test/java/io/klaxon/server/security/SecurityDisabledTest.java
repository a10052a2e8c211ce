package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.server.Api;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code klaxon.security.enabled=false}: open on loopback only, the actor header as before. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"klaxon.security.enabled=false", "server.address=127.0.0.1"})
class SecurityDisabledTest {

  static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    dataDir = Files.createTempDirectory("klaxon-open-");
    registry.add("klaxon.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;

  @Test
  void everythingIsOpenAndTheActorHeaderIsRecorded() {
    Api anonymous = new Api(port, null);
    Api.Answer created =
        anonymous.post(
            "/api/alerts/events",
            "{\"action\":\"trigger\",\"dedupKey\":\"open\",\"source\":\"open\",\"type\":\"t\","
                + "\"severity\":\"low\",\"title\":\"t\",\"subject\":{\"type\":\"s\",\"key\":\"k\",\"name\":\"n\"}}");
    assertThat(created.status()).isEqualTo(200);
    long id = created.number("/results/0/alertId");
    Api.Answer resolved =
        anonymous.send(
            anonymous
                .request("/api/alerts/" + id + "/resolve")
                .header("Content-Type", "application/json")
                .header("X-Klaxon-Actor", "alice")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(anonymous.get("/api/alerts/" + id + "/history").text("/1/actor")).isEqualTo("alice");
    assertThat(dataDir.resolve(AdminKeyBootstrap.FILE)).as("no admin key is made").doesNotExist();
  }

  @Test
  void openIsRefusedOnAnAddressOtherMachinesCanReach() {
    SecurityConfiguration.requireLoopback("127.0.0.1");
    SecurityConfiguration.requireLoopback("::1");
    SecurityConfiguration.requireLoopback("localhost");
    assertThatThrownBy(() -> SecurityConfiguration.requireLoopback("0.0.0.0"))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> SecurityConfiguration.requireLoopback(null))
        .hasMessageContaining("all addresses");
  }
}
